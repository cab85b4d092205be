import type { RegisterLayout } from '../../incoming/register-export/register-row';

/**
 * One line of the outgoing register (sổ đăng ký văn bản đi), Decree 30/2020 Appendix IV §I: its
 * ten columns, already as the text a clerk reads on paper.
 */
export interface OutgoingRegisterRow {
  /** Số, ký hiệu văn bản: `15/QĐ-BYT` */
  numberAndNotation: string;
  /** Ngày tháng văn bản, dd/MM/yyyy */
  issuedOn: string;
  /** Tên loại và trích yếu nội dung */
  typeAndSubject: string;
  /** Người ký */
  signer: string;
  /** Nơi nhận văn bản: the units and agencies chosen, else the "Nơi nhận" text */
  recipients: string;
  /** Đơn vị, người nhận bản lưu: the drafting unit and the drafter keep the filed copy */
  filedCopy: string;
  /** Số lượng bản: one electronic copy per recipient */
  copies: string;
  /** Ngày chuyển, dd/MM/yyyy: the day of dispatch */
  dispatchedOn: string;
  /** Ký nhận: signed by hand on the printed register; the system leaves it blank */
  receivedSignature: string;
  /** Ghi chú: urgency and confidentiality marks, recall */
  note: string;
}

export const OUTGOING_REGISTER: RegisterLayout<OutgoingRegisterRow> = {
  title: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
  name: 'Sổ đăng ký văn bản đi',
  columns: [
    { key: 'numberAndNotation', title: 'Số, ký hiệu văn bản', width: 14 },
    { key: 'issuedOn', title: 'Ngày tháng văn bản', width: 11 },
    { key: 'typeAndSubject', title: 'Tên loại và trích yếu nội dung', width: 42 },
    { key: 'signer', title: 'Người ký', width: 18 },
    { key: 'recipients', title: 'Nơi nhận văn bản', width: 26 },
    { key: 'filedCopy', title: 'Đơn vị, người nhận bản lưu', width: 20 },
    { key: 'copies', title: 'Số lượng bản', width: 8 },
    { key: 'dispatchedOn', title: 'Ngày chuyển', width: 11 },
    { key: 'receivedSignature', title: 'Ký nhận', width: 10 },
    { key: 'note', title: 'Ghi chú', width: 14 },
  ],
};
