import { mergeLineRects, searchable, strokePath, toPdfPoint, toPdfRect } from './page-geometry';

// an A4 page at scale 1 without rotation: x stays, y is flipped (842 - y)
const A4: [number, number, number, number, number, number] = [1, 0, 0, -1, 0, 842];
// the same page rotated by 90°
const A4_ROTATED: [number, number, number, number, number, number] = [0, 1, 1, 0, 0, 0];

describe('page geometry', () => {
  it('turns a point of the page element into PDF user space', () => {
    expect(toPdfPoint(A4, 72, 82)).toEqual({ x: 72, y: 760 });
    expect(toPdfPoint(A4_ROTATED, 82, 72)).toEqual({ x: 72, y: 82 });
  });

  it('turns a rectangle of the page element into a PDF rectangle from its bottom-left corner', () => {
    expect(toPdfRect(A4, 72, 62, 272, 82)).toEqual({ x: 72, y: 760, width: 200, height: 20 });
  });

  it('merges the runs of a selection into one rectangle per line, dropping slivers', () => {
    const merged = mergeLineRects([
      { x: 72, y: 760, width: 100, height: 20 },
      { x: 170, y: 761, width: 80, height: 18 },
      { x: 250, y: 760, width: 0.2, height: 20 },
      { x: 72, y: 720, width: 150, height: 14 },
    ]);
    expect(merged).toEqual([
      { x: 72, y: 760, width: 178, height: 20 },
      { x: 72, y: 720, width: 150, height: 14 },
    ]);
  });

  it('draws a stroke as an SVG path', () => {
    expect(strokePath([{ x: 1, y: 2 }, { x: 3, y: 4 }])).toBe('M1 2 L3 4');
  });

  it('compares text without accents or case', () => {
    expect(searchable('Quyết ĐỊNH số 15')).toBe('quyet dinh so 15');
  });
});
