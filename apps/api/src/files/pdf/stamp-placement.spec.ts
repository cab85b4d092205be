import { mm } from './page-geometry';
import { PLACEMENT_RULES, placeStamp } from './stamp-placement';

describe('placing the arrival stamp', () => {
  const a4 = { width: mm(210), height: mm(297) };
  const stamp = { width: mm(50), height: mm(35) };
  /** A text line given as distances from the seen top-left, in millimetres. */
  const line = (left: number, top: number, width: number, height = 5) => ({ x: mm(left), y: a4.height - mm(top) - mm(height), width: mm(width), height: mm(height) });
  const topLeftOf = (placement: ReturnType<typeof placeStamp>) => [placement.box.x, a4.height - placement.box.y - placement.box.height].map((points) => Math.round((points * 25.4) / 72));

  it('goes to the top-left corner of an empty page (a scan, whose text is unknown), at full size', () => {
    const placement = placeStamp(a4, stamp, []);
    expect(topLeftOf(placement)).toEqual([6, 6]);
    expect(placement).toMatchObject({ scale: 1, free: true });
    expect(placement.box.width).toBeCloseTo(stamp.width);
  });

  it('goes under the issuer header on the left when the header fills the top', () => {
    const header = [line(45, 20, 40), line(40, 30, 50), line(110, 20, 85), line(120, 28, 60), line(115, 36, 70)];
    const placement = placeStamp(a4, stamp, header);
    expect(placement.free).toBe(true);
    const [left, top] = topLeftOf(placement);
    expect(top).toBeGreaterThanOrEqual(36); // below the number line (30 mm + 5 mm + padding)
    expect(top).toBeLessThan(45);
    expect(left).toBeLessThan(20);
  });

  it('takes the place covering the least text when no place is free', () => {
    const everyLine = Array.from({ length: 60 }, (_, index) => line(10, 5 + index * 4.5, 190, 3.5));
    const placement = placeStamp(a4, stamp, everyLine);
    expect(placement.free).toBe(false);
    expect(placement.box.y).toBeGreaterThan(a4.height * (1 - PLACEMENT_RULES.searchDepth) - placement.box.height - 1);
  });

  it('shrinks only on a page too small for the full stamp', () => {
    const card = { width: mm(90), height: mm(60) };
    const placement = placeStamp(card, stamp, []);
    expect(placement.scale).toBeLessThan(1);
    expect(placement.box.width).toBeLessThanOrEqual(card.width * PLACEMENT_RULES.maxShare + 0.001);
  });
});
