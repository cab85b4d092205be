import { concatTransformationMatrix, PDFFont, PDFPage, popGraphicsState, pushGraphicsState, rgb } from 'pdf-lib';
import { mm, PageFrame } from './page-geometry';
import type { StampPlacement } from './stamp-placement';

/** Decree 30/2020, Appendix IV §V: the "ĐẾN" stamp is a rectangle of 50 × 35 mm. */
export const STAMP_WIDTH = mm(50);
export const STAMP_HEIGHT = mm(35);

/** Stamp ink. Red is the usual colour of the "ĐẾN" stamp [U]: the decree does not fix one. */
const INK = rgb(0.8, 0.08, 0.1);
const PADDING = 6;
const LINE_SIZE = 8.5;
const MIN_SIZE = 5.5;

/** What the stamp says, already formatted. */
export interface ArrivalStampText {
  /** Top line: the receiving agency (TÊN CƠ QUAN, TỔ CHỨC), upper case. */
  organ: string;
  /** Optional small line under it: the register the document was entered in. */
  register?: string;
  arrivalNumber: string;
  /** dd/MM/yyyy HH:mm, Vietnam time */
  arrivedAt: string;
  transferTo: string | null;
  caseFileCode: string | null;
}

export interface StampFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * Draws the stamp as the decree's sample lays it out:
 *
 *      TÊN CƠ QUAN, TỔ CHỨC
 *   ĐẾN  Số: …
 *        Ngày: …
 *   Chuyển: …
 *   Số và ký hiệu HS: …
 *
 * in stamp units (0…STAMP_WIDTH × 0…STAMP_HEIGHT), mapped by one matrix into the page's user space
 * (placement, scale, and the page's rotation and crop box). Blank fields get dots, as on paper.
 */
export function drawArrivalStamp(page: PDFPage, frame: PageFrame, placement: StampPlacement, stampText: ArrivalStampText, fonts: StampFonts): void {
  const text = printable(stampText, new Set(fonts.regular.getCharacterSet()));
  const [a, b, c, d, e, f] = frame.toUser;
  const { x, y } = placement.box;
  const s = placement.scale;
  // user ← seen (frame.toUser) ← stamp units (translate to the box, then scale)
  const m = [a * s, b * s, c * s, d * s, a * x + c * y + e, b * x + d * y + f] as const;
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...m));

  const width = STAMP_WIDTH;
  const inner = width - 2 * PADDING;
  page.drawRectangle({ x: 0.75, y: 0.75, width: width - 1.5, height: STAMP_HEIGHT - 1.5, borderColor: INK, borderWidth: 1.5 });

  let top = STAMP_HEIGHT - PADDING;
  const organ = fit(text.organ, fonts.bold, 7.5, inner);
  top -= organ.size;
  drawCentred(page, organ, fonts.bold, top, width);
  top -= 3.5;
  page.drawLine({ start: { x: width * 0.35, y: top }, end: { x: width * 0.65, y: top }, thickness: 0.6, color: INK });
  if (text.register) {
    const register = fit(text.register, fonts.regular, 6.5, inner);
    top -= register.size + 2;
    drawCentred(page, register, fonts.regular, top, width);
  }

  // Four lines share the rest of the height.
  const row = (top - PADDING) / 4;
  const baseline = (index: number) => top - row * (index + 0.5) - LINE_SIZE * 0.35;
  const heading = 'ĐẾN';
  const headingSize = Math.min(16, row * 1.4);
  const headingWidth = fonts.bold.widthOfTextAtSize(heading, headingSize);
  // Centred on the two lines beside it: their middle, less half the heading's capital height.
  const headingBaseline = (baseline(0) + baseline(1)) / 2 + LINE_SIZE * 0.35 - headingSize * 0.36;
  page.drawText(heading, { x: PADDING, y: headingBaseline, size: headingSize, font: fonts.bold, color: INK });

  const beside = PADDING + headingWidth + 6;
  drawField(page, 'Số: ', text.arrivalNumber, beside, baseline(0), width - PADDING - beside, fonts.regular);
  drawField(page, 'Ngày: ', text.arrivedAt, beside, baseline(1), width - PADDING - beside, fonts.regular);
  drawField(page, 'Chuyển: ', text.transferTo, PADDING, baseline(2), inner, fonts.regular);
  drawField(page, 'Số và ký hiệu HS: ', text.caseFileCode, PADDING, baseline(3), inner, fonts.regular);

  page.pushOperators(popGraphicsState());
}

/** Letters the font lacks (Chinese names, emoji) would print as empty boxes: '?' says more. */
function printable(text: ArrivalStampText, characters: Set<number>): ArrivalStampText {
  const clean = (value: string) => Array.from(value.normalize('NFC'), (letter) => (characters.has(letter.codePointAt(0)!) ? letter : '?')).join('');
  return {
    organ: clean(text.organ),
    register: text.register === undefined ? undefined : clean(text.register),
    arrivalNumber: clean(text.arrivalNumber),
    arrivedAt: clean(text.arrivedAt),
    transferTo: text.transferTo === null ? null : clean(text.transferTo),
    caseFileCode: text.caseFileCode === null ? null : clean(text.caseFileCode),
  };
}

function drawField(page: PDFPage, label: string, value: string | null, x: number, y: number, room: number, font: PDFFont): void {
  let line = label + (value ?? '');
  if (!value) {
    const dot = font.widthOfTextAtSize('.', LINE_SIZE);
    line += '.'.repeat(Math.max(3, Math.floor((room - font.widthOfTextAtSize(label, LINE_SIZE)) / dot)));
  }
  const fitted = fit(line, font, LINE_SIZE, room);
  page.drawText(fitted.text, { x, y, size: fitted.size, font, color: INK });
}

function drawCentred(page: PDFPage, line: { text: string; size: number }, font: PDFFont, y: number, width: number): void {
  page.drawText(line.text, { x: (width - font.widthOfTextAtSize(line.text, line.size)) / 2, y, size: line.size, font, color: INK });
}

/** Shrinks the text down to MIN_SIZE to fit the room; past that, cuts it with an ellipsis. */
export function fit(text: string, font: PDFFont, size: number, room: number): { text: string; size: number } {
  let fitted = size;
  while (fitted > MIN_SIZE && font.widthOfTextAtSize(text, fitted) > room) fitted -= 0.25;
  if (font.widthOfTextAtSize(text, fitted) <= room) return { text, size: fitted };
  const characters = Array.from(text);
  while (characters.length > 1 && font.widthOfTextAtSize(characters.join('') + '…', fitted) > room) characters.pop();
  return { text: characters.join('').trimEnd() + '…', size: fitted };
}
