import { PDFFont, PDFPage, rgb } from 'pdf-lib';
import { mm } from '../../files/pdf/page-geometry';
import { findRun, TextRun } from './text-anchors';
import { vietnamDateLine } from './vietnam-timestamp';

/** Where a line goes: centred on `centreX`, on the baseline `y`, of page `pageIndex`. */
export interface LinePlacement {
  pageIndex: number;
  centreX: number;
  y: number;
  size: number;
}

export interface NumberAndDateInput {
  /** `15/QĐ-BNV` */
  numberAndNotation: string;
  issuedOn: Date;
  /** the place of the date line ("Hà Nội"); taken from the draft's own line when it has one */
  placeName?: string;
  number?: LinePlacement;
  date?: LinePlacement;
}

/** The lines as written on the document (Decree 30 Phụ lục I §II.3–4). */
export function numberLine(numberAndNotation: string): string {
  return `Số: ${numberAndNotation}`;
}

export function dateLine(issuedOn: Date, placeName: string | undefined): string {
  const date = vietnamDateLine(issuedOn);
  return placeName ? `${placeName}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1);
}

/**
 * Where the draft keeps its "Số: …" and "…, ngày … tháng … năm …" lines, read from the first page's
 * text: the drafts leave the number and the date blank for the system (Decree 30 Art. 15.3). The
 * blank line is covered and the filled-in line written centred in its place. When the draft has no
 * such line, the Decree 30 layout's places are used: number under the issuer (left), date under the
 * national motto (right).
 */
export function findNumberAndDateLines(runs: readonly TextRun[], page: { width: number; height: number }): { number: TextRun | null; date: TextRun | null; placeName: string | null } {
  const upperHalf = runs.filter((run) => run.y > page.height / 2);
  const number = upperHalf.filter((run) => /^\s*Số\s*:/u.test(run.text)).sort((a, b) => b.y - a.y)[0] ?? null;
  const date = upperHalf.filter((run) => /ngày\b.*tháng\b.*năm\b/iu.test(run.text)).sort((a, b) => b.y - a.y)[0] ?? findRun(upperHalf, 'ngày', 'highest') ?? null;
  const placeName = date ? (/^\s*([^,]+),\s*ngày/iu.exec(date.text)?.[1]?.trim() ?? null) : null;
  return { number, date, placeName };
}

export function defaultNumberPlacement(page: { width: number; height: number }): LinePlacement {
  return { pageIndex: 0, centreX: mm(30) + mm(35), y: page.height - mm(36), size: 13 };
}

export function defaultDatePlacement(page: { width: number; height: number }): LinePlacement {
  return { pageIndex: 0, centreX: page.width - mm(15) - mm(55), y: page.height - mm(38), size: 13 };
}

export function placementOver(run: TextRun, pageIndex = 0): LinePlacement & { cover: TextRun } {
  return { pageIndex, centreX: run.x + run.width / 2, y: run.y, size: run.size, cover: run };
}

/** Covers the blank line (white, as paper) and writes the filled-in line centred in its place. */
export function writeLine(page: PDFPage, font: PDFFont, text: string, placement: LinePlacement & { cover?: TextRun }): void {
  if (placement.cover) {
    const { x, y, width, size } = placement.cover;
    page.drawRectangle({ x: x - 1, y: y - size * 0.3, width: width + 2, height: size * 1.25, color: rgb(1, 1, 1) });
  }
  const width = font.widthOfTextAtSize(text, placement.size);
  page.drawText(text, { x: placement.centreX - width / 2, y: placement.y, size: placement.size, font, color: rgb(0, 0, 0) });
}
