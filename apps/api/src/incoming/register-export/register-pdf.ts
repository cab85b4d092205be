import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { embedVietnameseFont } from '../../files/pdf/vietnamese-font';
import type { RegisterExportHeading, RegisterLayout } from './register-row';

/** A4 landscape, in PDF points. */
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 28;
const FONT_SIZE = 8;
const LINE = FONT_SIZE * 1.25;
const PADDING = 3;

/**
 * The register as a printable PDF: A4 landscape, Be Vietnam Pro embedded (subset, with a
 * ToUnicode map so the text stays searchable), the column headings repeated on every page and
 * the pages numbered. pdf-lib builds the file in memory, so the caller bounds the row count.
 */
export async function renderRegisterPdf<Row>(layout: RegisterLayout<Row>, heading: RegisterExportHeading, rows: AsyncIterable<Row>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${layout.name} — ${heading.registerName}`);
  const regular = await embedVietnameseFont(pdf, 'regular');
  const bold = await embedVietnameseFont(pdf, 'bold');
  const usable = PAGE.width - 2 * MARGIN;
  const units = layout.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = layout.columns.map((column) => (column.width / units) * usable);

  let page: PDFPage;
  let y = 0;
  const pages: PDFPage[] = [];
  const drawRow = (cells: string[], font: PDFFont, lines: string[][]) => {
    const height = Math.max(...lines.map((cell) => cell.length)) * LINE + 2 * PADDING;
    let x = MARGIN;
    cells.forEach((_, index) => {
      page.drawRectangle({ x, y: y - height, width: widths[index], height, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
      lines[index].forEach((text, lineIndex) =>
        page.drawText(text, { x: x + PADDING, y: y - PADDING - FONT_SIZE - lineIndex * LINE, size: FONT_SIZE, font }),
      );
      x += widths[index];
    });
    y -= height;
  };
  const wrapAll = (cells: string[], font: PDFFont) => cells.map((text, index) => wrap(text, font, widths[index] - 2 * PADDING));
  const headerCells = layout.columns.map((column) => column.title);
  const headerLines = wrapAll(headerCells, bold);
  const newPage = () => {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    y = PAGE.height - MARGIN;
    if (pages.length === 1) {
      centre(page, layout.title, bold, 14, y - 14);
      centre(page, `${heading.registerName} — từ ngày ${heading.from} đến ngày ${heading.to}`, regular, 10, y - 30);
      y -= 44;
    }
    drawRow(headerCells, bold, headerLines);
  };
  newPage();
  for await (const row of rows) {
    const cells = layout.columns.map((column) => row[column.key] as string);
    const lines = wrapAll(cells, regular);
    const height = Math.max(...lines.map((cell) => cell.length)) * LINE + 2 * PADDING;
    if (y - height < MARGIN + LINE) newPage();
    drawRow(cells, regular, lines);
  }
  pages.forEach((each, index) => {
    const text = `Trang ${index + 1}/${pages.length}`;
    each.drawText(text, { x: PAGE.width - MARGIN - regular.widthOfTextAtSize(text, FONT_SIZE), y: MARGIN / 2, size: FONT_SIZE, font: regular });
  });
  return pdf.save();
}

function centre(page: PDFPage, text: string, font: PDFFont, size: number, y: number): void {
  page.drawText(text, { x: (PAGE.width - font.widthOfTextAtSize(text, size)) / 2, y, size, font });
}

/** Breaks text into lines that fit the width: at spaces, and inside a word only when it alone is too long. */
export function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, FONT_SIZE) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, FONT_SIZE) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), FONT_SIZE) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines.length ? lines : [''];
}
