import { parseAnnotationShape, ShapeProblem } from './annotation-shape';

describe('parseAnnotationShape', () => {
  it('keeps only the known fields of each kind, coordinates rounded to a hundredth of a point', () => {
    expect(parseAnnotationShape({ kind: 'highlight', rects: [{ x: 72.123, y: 755.456, width: 100, height: 20, extra: 1 }], quote: '  Điều 1  ', color: 'x' })).toEqual({
      kind: 'highlight',
      rects: [{ x: 72.12, y: 755.46, width: 100, height: 20 }],
      quote: 'Điều 1',
    });
    expect(parseAnnotationShape({ kind: 'ink', strokes: [[{ x: 1, y: 2 }, { x: 3, y: 4 }]], width: 2 })).toEqual({ kind: 'ink', strokes: [[{ x: 1, y: 2 }, { x: 3, y: 4 }]], width: 2 });
    expect(parseAnnotationShape({ kind: 'rectangle', rect: { x: 0, y: 0, width: 5, height: 5 }, width: 1 })).toEqual({ kind: 'rectangle', rect: { x: 0, y: 0, width: 5, height: 5 }, width: 1 });
    expect(parseAnnotationShape({ kind: 'note', at: { x: 10, y: 20 } })).toEqual({ kind: 'note', at: { x: 10, y: 20 } });
  });

  it.each([
    ['no shape', null],
    ['an unknown kind', { kind: 'circle' }],
    ['a highlight without its text', { kind: 'highlight', rects: [{ x: 0, y: 0, width: 1, height: 1 }] }],
    ['a highlight without rectangles', { kind: 'highlight', rects: [], quote: 'a' }],
    ['an empty rectangle', { kind: 'rectangle', rect: { x: 0, y: 0, width: 0, height: 5 }, width: 1 }],
    ['a coordinate that is not a number', { kind: 'note', at: { x: '10', y: 20 } }],
    ['an infinite coordinate', { kind: 'note', at: { x: Infinity, y: 20 } }],
    ['a coordinate far off any page', { kind: 'note', at: { x: 1e9, y: 20 } }],
    ['a stroke too thick', { kind: 'ink', strokes: [[{ x: 1, y: 1 }]], width: 500 }],
    ['a stroke without points', { kind: 'ink', strokes: [[]], width: 2 }],
    ['too many points in all', { kind: 'ink', strokes: Array.from({ length: 20 }, () => Array.from({ length: 1500 }, () => ({ x: 1, y: 1 }))), width: 2 }],
  ])('refuses %s', (_, shape) => {
    expect(() => parseAnnotationShape(shape)).toThrow(ShapeProblem);
  });
});
