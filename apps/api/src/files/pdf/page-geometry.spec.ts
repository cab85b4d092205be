import { apply, boundingBox, corners, invert, normalizeRotation, overlapArea, pageFrame } from './page-geometry';

describe('page geometry', () => {
  const crop = { x: 10, y: 20, width: 600, height: 800 }; // a crop box away from the origin

  /** Where the seen page's top-left corner lands in user space. */
  const seenTopLeft = (rotate: number) => {
    const frame = pageFrame(crop, rotate);
    return apply(frame.toUser, 0, frame.height);
  };

  it('maps the seen top-left corner to the user-space corner a viewer shows there, for every rotation', () => {
    expect(seenTopLeft(0)).toEqual([10, 820]); // unrotated: the crop box's top-left
    expect(seenTopLeft(90)).toEqual([10, 20]); // turned clockwise: its bottom-left comes to the top-left
    expect(seenTopLeft(180)).toEqual([610, 20]);
    expect(seenTopLeft(270)).toEqual([610, 820]);
    expect(seenTopLeft(-90)).toEqual(seenTopLeft(270));
  });

  it('swaps width and height for a quarter turn, and keeps the seen frame inside the crop box', () => {
    for (const rotate of [0, 90, 180, 270]) {
      const frame = pageFrame(crop, rotate);
      expect([frame.width, frame.height]).toEqual(rotate % 180 ? [800, 600] : [600, 800]);
      expect(boundingBox(frame.toUser, corners({ x: 0, y: 0, width: frame.width, height: frame.height }))).toEqual(crop);
    }
  });

  it('treats swapped crop-box corners and invalid rotations sensibly', () => {
    expect(pageFrame({ x: 610, y: 820, width: -600, height: -800 }, 0).toUser).toEqual([1, 0, 0, 1, 10, 20]);
    expect(normalizeRotation(45)).toBe(0);
    expect(normalizeRotation(450)).toBe(90);
  });

  it('inverts a matrix and measures overlaps', () => {
    const frame = pageFrame(crop, 90);
    const [x, y] = apply(invert(frame.toUser), ...apply(frame.toUser, 12, 34));
    expect(x).toBeCloseTo(12);
    expect(y).toBeCloseTo(34);
    expect(overlapArea({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 })).toBe(25);
    expect(overlapArea({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(0);
  });
});
