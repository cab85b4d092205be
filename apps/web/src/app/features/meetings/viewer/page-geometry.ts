import type { PdfPoint, PdfRect } from '@app/contracts';

/**
 * Between the screen and PDF user space. A page is shown at scale 1 as a viewport whose
 * `transform` [a, b, c, d, e, f] maps PDF points to CSS pixels (y flipped, origin at the top-left,
 * rotation and crop box included); the on-screen element may be scaled again by CSS. Annotations
 * are kept in PDF points so that they stay in place at any zoom, on any screen.
 */
export type Matrix = readonly [number, number, number, number, number, number];

/** A point of the page element, in pixels of the unscaled (scale 1) viewport, to PDF user space. */
export function toPdfPoint(matrix: Matrix, x: number, y: number): PdfPoint {
  const [a, b, c, d, e, f] = matrix;
  const determinant = a * d - b * c;
  return { x: round((d * (x - e) - c * (y - f)) / determinant), y: round((a * (y - f) - b * (x - e)) / determinant) };
}

/** A rectangle of the page element (unscaled viewport pixels) to a PDF rectangle (bottom-left corner, positive size). */
export function toPdfRect(matrix: Matrix, left: number, top: number, right: number, bottom: number): PdfRect {
  const one = toPdfPoint(matrix, left, top);
  const other = toPdfPoint(matrix, right, bottom);
  const x = Math.min(one.x, other.x);
  const y = Math.min(one.y, other.y);
  return { x, y, width: round(Math.abs(other.x - one.x)), height: round(Math.abs(other.y - one.y)) };
}

/**
 * The rectangles of a text selection, one per line: the browser gives one per text run (often
 * several per line, overlapping); runs on the same line (their vertical extents mostly shared)
 * become one rectangle, and slivers (empty runs at line ends) are dropped.
 */
export function mergeLineRects(rects: readonly PdfRect[]): PdfRect[] {
  const lines: PdfRect[] = [];
  const usable = rects.filter((rect) => rect.width > 0.5 && rect.height > 0.5).sort((one, other) => other.y - one.y || one.x - other.x);
  for (const rect of usable) {
    const line = lines.find((candidate) => overlap(candidate.y, candidate.height, rect.y, rect.height) > 0.5 * Math.min(candidate.height, rect.height));
    if (!line) {
      lines.push({ ...rect });
      continue;
    }
    const right = Math.max(line.x + line.width, rect.x + rect.width);
    const top = Math.max(line.y + line.height, rect.y + rect.height);
    line.x = Math.min(line.x, rect.x);
    line.y = Math.min(line.y, rect.y);
    line.width = round(right - line.x);
    line.height = round(top - line.y);
  }
  return lines;
}

/** An SVG path through a stroke's points. */
export function strokePath(points: readonly PdfPoint[]): string {
  return points.map((point, index) => `${index ? 'L' : 'M'}${point.x} ${point.y}`).join(' ');
}

/** Text compared without case and accents, so that "quyet dinh" finds "Quyết định". */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function overlap(y1: number, h1: number, y2: number, h2: number): number {
  return Math.min(y1 + h1, y2 + h2) - Math.max(y1, y2);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
