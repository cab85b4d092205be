/**
 * One line of the incoming register (sổ đăng ký văn bản đến), Decree 30/2020 Appendix IV §VI:
 * its ten columns, already as the text a clerk reads on paper.
 */
export interface RegisterRow {
  /** Ngày đến, dd/MM/yyyy */
  arrivedOn: string;
  /** Số đến */
  arrivalNumber: string;
  /** Tác giả: the issuing agency */
  issuer: string;
  /** Số, ký hiệu: `15/QĐ-BYT` */
  numberAndNotation: string;
  /** Ngày tháng văn bản, dd/MM/yyyy */
  promulgatedOn: string;
  /** Tên loại và trích yếu nội dung */
  typeAndSubject: string;
  /** Đơn vị hoặc người nhận: the leader it was submitted to and the units or people it was given to */
  recipients: string;
  /** Ngày chuyển, dd/MM/yyyy: when it was first passed on */
  passedOn: string;
  /** Ký nhận: signed by hand on the printed register; the system leaves it blank */
  receivedSignature: string;
  /** Ghi chú: urgency and confidentiality marks */
  note: string;
}

/** A column of a register: the heading as Appendix IV prints it, the width (in characters) the form gives it. */
export interface RegisterColumn<Row> {
  key: keyof Row & string;
  title: string;
  width: number;
}

/**
 * What tells one register of Appendix IV from another to the XLSX and PDF writers: its title and
 * its columns. The writers are shared by the incoming and outgoing registers.
 */
export interface RegisterLayout<Row> {
  /** the heading, upper case as printed: `SỔ ĐĂNG KÝ VĂN BẢN ĐẾN` */
  title: string;
  /** the worksheet's name and the PDF's title */
  name: string;
  columns: RegisterColumn<Row>[];
}

/** The incoming register's columns (Appendix IV §VI). */
export const REGISTER_COLUMNS: RegisterColumn<RegisterRow>[] = [
  { key: 'arrivedOn', title: 'Ngày đến', width: 11 },
  { key: 'arrivalNumber', title: 'Số đến', width: 8 },
  { key: 'issuer', title: 'Tác giả', width: 22 },
  { key: 'numberAndNotation', title: 'Số, ký hiệu', width: 14 },
  { key: 'promulgatedOn', title: 'Ngày tháng', width: 11 },
  { key: 'typeAndSubject', title: 'Tên loại và trích yếu nội dung', width: 45 },
  { key: 'recipients', title: 'Đơn vị hoặc người nhận', width: 26 },
  { key: 'passedOn', title: 'Ngày chuyển', width: 11 },
  { key: 'receivedSignature', title: 'Ký nhận', width: 10 },
  { key: 'note', title: 'Ghi chú', width: 14 },
];

export const INCOMING_REGISTER: RegisterLayout<RegisterRow> = { title: 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', name: 'Sổ đăng ký văn bản đến', columns: REGISTER_COLUMNS };

/** What the heading of the exported register says. */
export interface RegisterExportHeading {
  registerName: string;
  /** dd/MM/yyyy */
  from: string;
  to: string;
}

/** `2026-11-05` → `05/11/2026`, as Vietnamese forms write dates. */
export function vietnameseDate(isoDate: string | null): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}
