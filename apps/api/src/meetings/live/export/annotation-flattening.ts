import { LineCapStyle, PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import type { AnnotationDto } from '@app/contracts';
import { embedVietnameseFont } from '../../../files/pdf/vietnamese-font';

const LABEL_SIZE = 8;
const LABEL_WIDTH = 170;
const NOTE_SIZE = 14;

function colorOf(hex: string) {
  return rgb(parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255);
}

/** Lines of at most `width` points in the font (long words are not split: Vietnamese words are short). */
export function wrap(text: string, font: Pick<PDFFont, 'widthOfTextAtSize'>, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** A comment beside its annotation: who wrote it and what, on a white card so it reads over the text. */
function label(page: PDFPage, font: PDFFont, x: number, y: number, text: string, color: string): void {
  const lines = wrap(text, font, LABEL_SIZE, LABEL_WIDTH);
  const height = lines.length * (LABEL_SIZE + 2) + 6;
  const { width: pageWidth } = page.getSize();
  const left = Math.max(2, Math.min(x, pageWidth - LABEL_WIDTH - 10));
  const bottom = Math.max(2, y - height);
  page.drawRectangle({ x: left, y: bottom, width: LABEL_WIDTH + 8, height, color: rgb(1, 1, 0.94), borderColor: colorOf(color), borderWidth: 0.8 });
  lines.forEach((line, index) => page.drawText(line, { x: left + 4, y: bottom + height - 4 - (index + 1) * (LABEL_SIZE + 2) + 2, size: LABEL_SIZE, font, color: rgb(0.1, 0.1, 0.1) }));
}

/**
 * Draws annotations into a copy of the PDF, in the same PDF user-space coordinates they were made
 * in: highlights as translucent rectangles, pen strokes as lines, rectangles as frames, sticky notes
 * as a marker with their text; every comment on a card beside its annotation with its author.
 * The original version is never changed: this is one member's printable copy.
 */
export async function flattenAnnotations(pdf: Uint8Array, annotations: readonly AnnotationDto[]): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = document.getPages();
  const font = await embedVietnameseFont(document);
  for (const annotation of annotations) {
    const page = pages[annotation.pageIndex];
    if (!page) continue;
    const color = colorOf(annotation.color);
    const shape = annotation.shape;
    let anchor: { x: number; y: number };
    switch (shape.kind) {
      case 'highlight':
        for (const rect of shape.rects) page.drawRectangle({ ...rect, color, opacity: 0.35 });
        anchor = { x: shape.rects[0].x, y: shape.rects[0].y };
        break;
      case 'ink':
        for (const stroke of shape.strokes)
          for (let index = 1; index < stroke.length; index++)
            page.drawLine({ start: stroke[index - 1], end: stroke[index], thickness: shape.width, color, lineCap: LineCapStyle.Round });
        anchor = shape.strokes[0][0];
        break;
      case 'rectangle':
        page.drawRectangle({ ...shape.rect, borderColor: color, borderWidth: shape.width });
        anchor = { x: shape.rect.x, y: shape.rect.y };
        break;
      case 'note':
        page.drawRectangle({ x: shape.at.x - NOTE_SIZE / 2, y: shape.at.y - NOTE_SIZE / 2, width: NOTE_SIZE, height: NOTE_SIZE, color, borderColor: rgb(0.36, 0.25, 0.22), borderWidth: 0.8 });
        anchor = { x: shape.at.x + NOTE_SIZE / 2 + 2, y: shape.at.y + NOTE_SIZE / 2 };
        break;
    }
    if (annotation.comment) label(page, font, anchor.x, anchor.y - 2, `${annotation.author.fullName}: ${annotation.comment}`, annotation.color);
  }
  return document.save();
}
