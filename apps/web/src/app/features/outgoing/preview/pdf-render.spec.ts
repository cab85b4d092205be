import { describe, expect, it } from 'vitest';
import { renderScale } from './pdf-render';

describe('renderScale', () => {
  it('fits an A4 page (595 pt) into the width given, drawn at the screen density', () => {
    expect(renderScale(595, 595, 1)).toEqual({ css: 1, pixels: 1 });
    const phone = renderScale(595, 357, 3);
    expect(phone.css).toBeCloseTo(0.6, 5);
    expect(phone.pixels).toBeCloseTo(1.8, 5);
  });

  it('never blows a page past twice its size, nor draws below one pixel per CSS pixel', () => {
    expect(renderScale(595, 4000, 1).css).toBe(2);
    expect(renderScale(595, 595, 0).pixels).toBe(1);
    expect(renderScale(595, 595, 8).pixels).toBe(3);
  });
});
