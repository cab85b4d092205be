import type { AnnotationShape, PdfPoint, PdfRect } from '@app/contracts';

/**
 * Checks an annotation's shape as a client sent it and returns a clean copy (only the known fields,
 * numbers rounded to a hundredth of a point). Coordinates are PDF user space: points, origin at the
 * bottom-left of the page. The bounds are generous (A0 is 3370 points high) yet keep a malicious
 * client from storing megabytes of points or values that break rendering (NaN, 1e308).
 */
export const SHAPE_LIMITS = {
  coordinate: 20_000,
  rects: 200,
  strokes: 100,
  pointsPerStroke: 2_000,
  pointsInAll: 20_000,
  quote: 5_000,
  minWidth: 0.25,
  maxWidth: 50,
} as const;

export class ShapeProblem extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const round = (value: number) => Math.round(value * 100) / 100;

function coordinate(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > SHAPE_LIMITS.coordinate)
    throw new ShapeProblem(`Toạ độ ${name} không hợp lệ.`, `The coordinate ${name} is not valid.`);
  return round(value);
}

function point(value: unknown): PdfPoint {
  if (!isRecord(value)) throw new ShapeProblem('Điểm vẽ không hợp lệ.', 'A point is not valid.');
  return { x: coordinate(value.x, 'x'), y: coordinate(value.y, 'y') };
}

function rect(value: unknown): PdfRect {
  if (!isRecord(value)) throw new ShapeProblem('Hình chữ nhật không hợp lệ.', 'A rectangle is not valid.');
  const result = { x: coordinate(value.x, 'x'), y: coordinate(value.y, 'y'), width: coordinate(value.width, 'width'), height: coordinate(value.height, 'height') };
  if (result.width <= 0 || result.height <= 0) throw new ShapeProblem('Hình chữ nhật phải có chiều rộng và chiều cao.', 'A rectangle needs a width and a height.');
  return result;
}

function strokeWidth(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < SHAPE_LIMITS.minWidth || value > SHAPE_LIMITS.maxWidth)
    throw new ShapeProblem('Độ dày nét vẽ không hợp lệ.', 'The stroke width is not valid.');
  return round(value);
}

function list(value: unknown, max: number, what: [string, string]): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new ShapeProblem(`Thiếu ${what[0]}.`, `${what[1]} missing.`);
  if (value.length > max) throw new ShapeProblem(`Quá nhiều ${what[0]} (tối đa ${max}).`, `Too many ${what[1]} (at most ${max}).`);
  return value;
}

export function parseAnnotationShape(input: unknown): AnnotationShape {
  if (!isRecord(input)) throw new ShapeProblem('Thiếu hình dạng của ghi chú.', 'The annotation has no shape.');
  switch (input.kind) {
    case 'highlight': {
      const quote = typeof input.quote === 'string' ? input.quote.trim() : '';
      if (!quote) throw new ShapeProblem('Đánh dấu phải kèm đoạn văn bản được chọn.', 'A highlight needs the selected text.');
      if (quote.length > SHAPE_LIMITS.quote) throw new ShapeProblem('Đoạn văn bản đánh dấu quá dài.', 'The highlighted text is too long.');
      return { kind: 'highlight', rects: list(input.rects, SHAPE_LIMITS.rects, ['vùng đánh dấu', 'highlight rectangles']).map(rect), quote };
    }
    case 'ink': {
      const strokes = list(input.strokes, SHAPE_LIMITS.strokes, ['nét vẽ', 'strokes']).map((stroke) =>
        list(stroke, SHAPE_LIMITS.pointsPerStroke, ['điểm của nét vẽ', 'stroke points']).map(point),
      );
      const points = strokes.reduce((sum, stroke) => sum + stroke.length, 0);
      if (points > SHAPE_LIMITS.pointsInAll) throw new ShapeProblem('Nét vẽ có quá nhiều điểm.', 'The drawing has too many points.');
      return { kind: 'ink', strokes, width: strokeWidth(input.width) };
    }
    case 'rectangle':
      return { kind: 'rectangle', rect: rect(input.rect), width: strokeWidth(input.width) };
    case 'note':
      return { kind: 'note', at: point(input.at) };
    default:
      throw new ShapeProblem('Loại ghi chú không hợp lệ.', 'Unknown annotation kind.');
  }
}

/** The quoted text of a highlight, kept in its own column so annotations can be found and re-anchored. */
export function quoteOf(shape: AnnotationShape): string | null {
  return shape.kind === 'highlight' ? shape.quote : null;
}
