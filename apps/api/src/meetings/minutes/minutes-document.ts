import { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { embedVietnameseFont } from '../../files/pdf/vietnamese-font';
import { wrap } from '../../incoming/register-export/register-pdf';

/** A4 portrait, in PDF points. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = 11;
const LINE = SIZE * 1.4;
const WRAP_SIZE = 8;

export type MinutesBlock = { kind: 'title'; text: string } | { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string; indent?: number };

/**
 * Lays out the minutes (biên bản) as a flowing A4 document with Be Vietnam Pro embedded (subset,
 * searchable text): titles centred, headings in bold, paragraphs wrapped, pages numbered.
 */
export async function renderMinutes(title: string, blocks: MinutesBlock[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const regular = await embedVietnameseFont(pdf, 'regular');
  const bold = await embedVietnameseFont(pdf, 'bold');
  const pages: PDFPage[] = [];
  let page = pdf.addPage([PAGE.width, PAGE.height]);
  pages.push(page);
  let y = PAGE.height - MARGIN;
  const room = (height: number) => {
    if (y - height >= MARGIN) return;
    page = pdf.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    y = PAGE.height - MARGIN;
  };
  const lines = (text: string, font: PDFFont, size: number, indent: number, centred: boolean) => {
    const width = PAGE.width - 2 * MARGIN - indent;
    for (const paragraph of text.split('\n'))
      // wrap() measures at the register's 8 pt: scale the width instead of the text
      for (const line of wrap(paragraph, font, width * (WRAP_SIZE / size))) {
        room(size * 1.4);
        const x = centred ? (PAGE.width - font.widthOfTextAtSize(line, size)) / 2 : MARGIN + indent;
        page.drawText(line, { x, y: y - size, size, font });
        y -= size * 1.4;
      }
  };
  for (const block of blocks) {
    if (block.kind === 'title') {
      lines(block.text, bold, 14, 0, true);
      y -= LINE / 2;
    } else if (block.kind === 'heading') {
      y -= LINE / 2;
      room(LINE * 2);
      lines(block.text, bold, SIZE, 0, false);
    } else lines(block.text, regular, SIZE, block.indent ?? 0, false);
  }
  pages.forEach((each, index) => {
    const label = `${index + 1}/${pages.length}`;
    each.drawText(label, { x: PAGE.width - MARGIN - regular.widthOfTextAtSize(label, 9), y: MARGIN / 2, size: 9, font: regular });
  });
  return pdf.save();
}
