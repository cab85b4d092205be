import { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { embedVietnameseFont } from '../../files/pdf/vietnamese-font';
import { renderRegisterPdf } from '../../incoming/register-export/register-pdf';
import type { RegisterLayout } from '../../incoming/register-export/register-row';
import { vietnameseDate } from '../../incoming/register-export/register-row';

/** One line of the handover list (mục lục hồ sơ nộp lưu, Decree 30 Appendix V). */
export interface HandoverListRow {
  ordinal: string;
  code: string;
  title: string;
  period: string;
  retention: string;
  pages: string;
  note: string;
}

export const HANDOVER_LIST: RegisterLayout<HandoverListRow> = {
  title: 'MỤC LỤC HỒ SƠ NỘP LƯU',
  name: 'Mục lục hồ sơ nộp lưu',
  columns: [
    { key: 'ordinal', title: 'STT', width: 5 },
    { key: 'code', title: 'Số, ký hiệu hồ sơ', width: 14 },
    { key: 'title', title: 'Tiêu đề hồ sơ', width: 50 },
    { key: 'period', title: 'Thời gian bắt đầu và kết thúc', width: 20 },
    { key: 'retention', title: 'Thời hạn bảo quản', width: 12 },
    { key: 'pages', title: 'Số tờ (trang)', width: 10 },
    { key: 'note', title: 'Ghi chú', width: 16 },
  ],
};

export interface HandoverRecordFacts {
  organName: string;
  number: string;
  receivedAt: string;
  unitName: string;
  deliveredBy: string;
  receivedBy: string;
  fileCount: number;
  documentCount: number;
  pageCount: number;
  /** the stored files of all the documents (biên bản giao nhận hồ sơ điện tử: số hồ sơ, số tệp) */
  storedFileCount: number;
  firstYear: number;
  lastYear: number;
  note: string | null;
}

export async function renderHandoverList(heading: string, from: string, to: string, rows: HandoverListRow[]): Promise<Uint8Array> {
  async function* each() {
    yield* rows;
  }
  return renderRegisterPdf(HANDOVER_LIST, { registerName: heading, from, to }, each());
}

/** A4 portrait, in PDF points; margins of Decree 30 Appendix I (top 20, left 30, right 15 mm). */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 85, right: 45, top: 60 };
const SIZE = 12;
const LEADING = SIZE * 1.45;

/**
 * The handover record (biên bản giao nhận tài liệu, Decree 30 Appendix V) for electronic files:
 * who delivered and who received, when, the number of case files, documents, pages and stored
 * files, with the handover list attached. Two signature blocks follow, as on paper.
 */
export async function renderHandoverRecord(facts: HandoverRecordFacts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Biên bản giao nhận hồ sơ số ${facts.number}`);
  const regular = await embedVietnameseFont(pdf, 'regular');
  const bold = await embedVietnameseFont(pdf, 'bold');
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const width = PAGE.width - MARGIN.left - MARGIN.right;
  let y = PAGE.height - MARGIN.top;
  const centred = (text: string, font: PDFFont, size = SIZE) => {
    page.drawText(text, { x: MARGIN.left + (width - font.widthOfTextAtSize(text, size)) / 2, y, size, font });
    y -= size * 1.5;
  };
  const paragraph = (text: string, font: PDFFont = regular) => {
    for (const line of fit(text, font, SIZE, width)) {
      page.drawText(line, { x: MARGIN.left, y, size: SIZE, font });
      y -= LEADING;
    }
  };
  const [day, month, year] = vietnameseDate(facts.receivedAt).split('/');
  centred(facts.organName.toUpperCase(), bold);
  centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold);
  centred('Độc lập - Tự do - Hạnh phúc', bold);
  y -= SIZE;
  centred('BIÊN BẢN', bold, 14);
  centred(`Về việc giao nhận hồ sơ, tài liệu điện tử nộp lưu (số ${facts.number})`, bold);
  y -= SIZE / 2;
  paragraph(`Hôm nay, ngày ${day} tháng ${month} năm ${year}, trên Hệ thống quản lý tài liệu điện tử của ${facts.organName}, chúng tôi gồm:`);
  paragraph(`BÊN GIAO: ${facts.unitName}; đại diện: ${facts.deliveredBy}.`, bold);
  paragraph(`BÊN NHẬN: Lưu trữ cơ quan; đại diện: ${facts.receivedBy}.`, bold);
  paragraph('Thống nhất lập biên bản giao nhận hồ sơ, tài liệu điện tử với những nội dung sau:');
  paragraph(`1. Thời gian của hồ sơ, tài liệu: từ năm ${facts.firstYear} đến năm ${facts.lastYear}.`);
  paragraph(`2. Số lượng: ${facts.fileCount} hồ sơ, ${facts.documentCount} văn bản, ${facts.pageCount} trang, ${facts.storedFileCount} tệp tin.`);
  paragraph('3. Tình trạng: hồ sơ đã kết thúc, đủ dữ liệu đặc tả theo Phụ lục VI Nghị định 30/2020/NĐ-CP; mỗi tệp kèm mã băm SHA-256 trong gói nộp lưu.');
  paragraph('4. Công cụ tra cứu kèm theo: Mục lục hồ sơ nộp lưu.');
  if (facts.note) paragraph(`Ghi chú: ${facts.note}`);
  paragraph('Biên bản này được lập thành hai bản; bên giao giữ một bản, bên nhận giữ một bản.');
  y -= SIZE;
  signatureBlock(page, bold, regular, MARGIN.left, y, width / 2, 'ĐẠI DIỆN BÊN GIAO', facts.deliveredBy);
  signatureBlock(page, bold, regular, MARGIN.left + width / 2, y, width / 2, 'ĐẠI DIỆN BÊN NHẬN', facts.receivedBy);
  return pdf.save();
}

function signatureBlock(page: PDFPage, bold: PDFFont, regular: PDFFont, x: number, y: number, width: number, title: string, name: string): void {
  const centre = (text: string, font: PDFFont, at: number) => page.drawText(text, { x: x + (width - font.widthOfTextAtSize(text, SIZE)) / 2, y: at, size: SIZE, font });
  centre(title, bold, y);
  centre('(Ký, ghi rõ họ tên)', regular, y - LEADING);
  centre(name, bold, y - LEADING * 5);
}

/** Lines of the text that fit the width at the size, broken at spaces. */
function fit(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
