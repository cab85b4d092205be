/**
 * Where things are on a PDF page as a reader sees it. PDF draws in "user space"; a viewer shows
 * only the crop box, turned clockwise by the page's /Rotate. The stamp is placed in the seen
 * ("visual") frame — origin at the seen bottom-left, y up — and drawn through a matrix back to
 * user space, so it lands upright in the seen top-left whatever the page's rotation and crop.
 */

/** [a b c d e f] as in the PDF `cm` operator: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/** An axis-aligned box, y up. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageFrame {
  /** Seen width and height (swapped from the crop box's for a quarter turn). */
  width: number;
  height: number;
  /** Seen frame → user space. */
  toUser: Matrix;
}

/** The seen frame of a page with this crop box and /Rotate (any multiple of 90, negative too). */
export function pageFrame(cropBox: Box, rotate: number): PageFrame {
  // Crop boxes may be written with their corners swapped.
  const x0 = Math.min(cropBox.x, cropBox.x + cropBox.width);
  const y0 = Math.min(cropBox.y, cropBox.y + cropBox.height);
  const w = Math.abs(cropBox.width);
  const h = Math.abs(cropBox.height);
  switch (normalizeRotation(rotate)) {
    case 90: // user +x points down, +y points right
      return { width: h, height: w, toUser: [0, 1, -1, 0, x0 + w, y0] };
    case 180:
      return { width: w, height: h, toUser: [-1, 0, 0, -1, x0 + w, y0 + h] };
    case 270: // user +x points up, +y points left
      return { width: h, height: w, toUser: [0, -1, 1, 0, x0, y0 + h] };
    default:
      return { width: w, height: h, toUser: [1, 0, 0, 1, x0, y0] };
  }
}

/** 0, 90, 180 or 270; anything not a multiple of 90 is invalid PDF and shown unrotated. */
export function normalizeRotation(rotate: number): 0 | 90 | 180 | 270 {
  const turned = (((Math.round(rotate) % 360) + 360) % 360) as number;
  return turned === 90 || turned === 180 || turned === 270 ? turned : 0;
}

export function apply(matrix: Matrix, x: number, y: number): [number, number] {
  const [a, b, c, d, e, f] = matrix;
  return [a * x + c * y + e, b * x + d * y + f];
}

export function invert(matrix: Matrix): Matrix {
  const [a, b, c, d, e, f] = matrix;
  const determinant = a * d - b * c;
  return [d / determinant, -b / determinant, -c / determinant, a / determinant, (c * f - d * e) / determinant, (b * e - a * f) / determinant];
}

/** The axis-aligned box around the image of `points` under `matrix`. */
export function boundingBox(matrix: Matrix, points: readonly (readonly [number, number])[]): Box {
  const mapped = points.map(([x, y]) => apply(matrix, x, y));
  const xs = mapped.map(([x]) => x);
  const ys = mapped.map(([, y]) => y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

export const corners = (box: Box): [number, number][] => [
  [box.x, box.y],
  [box.x + box.width, box.y],
  [box.x, box.y + box.height],
  [box.x + box.width, box.y + box.height],
];

export function overlapArea(one: Box, other: Box): number {
  const width = Math.min(one.x + one.width, other.x + other.width) - Math.max(one.x, other.x);
  const height = Math.min(one.y + one.height, other.y + other.height) - Math.max(one.y, other.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Millimetres to PDF points (1/72 inch). */
export const mm = (millimetres: number) => (millimetres * 72) / 25.4;
