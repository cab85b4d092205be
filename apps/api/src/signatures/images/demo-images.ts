import { encodeRgbaPng } from './png';

/**
 * Images for the demo agency, drawn in code: a blue scribble for the signer and an obviously fake
 * red seal (rings, a star, "DEMO" across it). Real signature and seal images are scanned and
 * uploaded by an administrator; nothing here imitates a real seal.
 */

type Colour = readonly [number, number, number];

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4); // transparent
  }

  /** A soft round dot: the pen of every stroke. */
  dot(cx: number, cy: number, radius: number, colour: Colour): void {
    for (let y = Math.floor(cy - radius - 1); y <= Math.ceil(cy + radius + 1); y++) {
      for (let x = Math.floor(cx - radius - 1); x <= Math.ceil(cx + radius + 1); x++) {
        if (x < 0 || y < 0 || x >= this.width || y >= this.height) continue;
        const coverage = Math.max(0, Math.min(1, radius + 0.5 - Math.hypot(x - cx, y - cy)));
        if (coverage <= 0) continue;
        const at = (y * this.width + x) * 4;
        const alpha = Math.max(this.pixels[at + 3], Math.round(coverage * 255));
        this.pixels.set([colour[0], colour[1], colour[2], alpha], at);
      }
    }
  }

  line(x0: number, y0: number, x1: number, y1: number, radius: number, colour: Colour): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / (radius / 2)));
    for (let step = 0; step <= steps; step++) this.dot(x0 + ((x1 - x0) * step) / steps, y0 + ((y1 - y0) * step) / steps, radius, colour);
  }

  /** A ring drawn per pixel from its distance to the centre (stamping dots along it is 50 times slower). */
  ring(cx: number, cy: number, radius: number, thickness: number, colour: Colour): void {
    const outer = radius + thickness / 2 + 1;
    for (let y = Math.max(0, Math.floor(cy - outer)); y <= Math.min(this.height - 1, Math.ceil(cy + outer)); y++) {
      for (let x = Math.max(0, Math.floor(cx - outer)); x <= Math.min(this.width - 1, Math.ceil(cx + outer)); x++) {
        const coverage = Math.max(0, Math.min(1, thickness / 2 + 0.5 - Math.abs(Math.hypot(x - cx, y - cy) - radius)));
        if (coverage <= 0) continue;
        const at = (y * this.width + x) * 4;
        this.pixels.set([colour[0], colour[1], colour[2], Math.max(this.pixels[at + 3], Math.round(coverage * 255))], at);
      }
    }
  }

  /** Even-odd fill of a polygon (the star). */
  fill(points: readonly [number, number][], colour: Colour): void {
    for (let y = 0; y < this.height; y++) {
      const crossings: number[] = [];
      for (let index = 0; index < points.length; index++) {
        const [xa, ya] = points[index];
        const [xb, yb] = points[(index + 1) % points.length];
        if (ya <= y + 0.5 !== yb <= y + 0.5) crossings.push(xa + ((y + 0.5 - ya) / (yb - ya)) * (xb - xa));
      }
      crossings.sort((a, b) => a - b);
      for (let pair = 0; pair + 1 < crossings.length; pair += 2)
        for (let x = Math.ceil(crossings[pair]); x < crossings[pair + 1]; x++) this.pixels.set([colour[0], colour[1], colour[2], 255], (y * this.width + x) * 4);
    }
  }

  png(): Buffer {
    return encodeRgbaPng(this.width, this.height, this.pixels);
  }
}

const BLUE: Colour = [18, 52, 168];
const RED: Colour = [218, 30, 36];

/** A cursive-looking flourish, different for each seed (the demo signer's name). */
export function demoSignaturePng(seed: string): Buffer {
  const canvas = new Canvas(600, 240);
  let hash = 7;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const wobble = 0.6 + (hash % 7) / 10;
  let previous: [number, number] | null = null;
  for (let step = 0; step <= 900; step++) {
    const t = step / 900;
    const x = 40 + 500 * t + 35 * Math.sin(t * Math.PI * 10 * wobble);
    const y = 130 - 60 * Math.sin(t * Math.PI * 6) * Math.exp(-t * 1.2) + 25 * Math.cos(t * Math.PI * 14 * wobble);
    if (previous) canvas.line(previous[0], previous[1], x, y, 3.2, BLUE);
    previous = [x, y];
  }
  canvas.line(70, 200, 540, 185, 2.6, BLUE); // the underline stroke
  return canvas.png();
}

/** Stroke letters for the word across the demo seal (no font rasteriser needed). */
const LETTERS: Record<string, [number, number, number, number][]> = {
  D: [[0, 0, 0, 1], [0, 0, 0.6, 0.1], [0.6, 0.1, 0.8, 0.5], [0.8, 0.5, 0.6, 0.9], [0.6, 0.9, 0, 1]],
  E: [[0, 0, 0, 1], [0, 0, 0.8, 0], [0, 0.5, 0.6, 0.5], [0, 1, 0.8, 1]],
  M: [[0, 1, 0, 0], [0, 0, 0.4, 0.6], [0.4, 0.6, 0.8, 0], [0.8, 0, 0.8, 1]],
  O: [[0.4, 0, 0.8, 0.3], [0.8, 0.3, 0.8, 0.7], [0.8, 0.7, 0.4, 1], [0.4, 1, 0, 0.7], [0, 0.7, 0, 0.3], [0, 0.3, 0.4, 0]],
};

/** A round red seal, transparent around and inside, clearly marked DEMO. */
export function demoSealPng(): Buffer {
  const size = 500;
  const canvas = new Canvas(size, size);
  const centre = size / 2;
  canvas.ring(centre, centre, 238, 12, RED);
  canvas.ring(centre, centre, 200, 5, RED);
  for (let index = 0; index < 36; index++) {
    const angle = (2 * Math.PI * index) / 36;
    canvas.dot(centre + 219 * Math.cos(angle), centre + 219 * Math.sin(angle), 5, RED);
  }
  const star: [number, number][] = [];
  for (let index = 0; index < 10; index++) {
    const radius = index % 2 === 0 ? 70 : 28;
    const angle = -Math.PI / 2 + (Math.PI * index) / 5;
    star.push([centre + radius * Math.cos(angle), centre - 45 + radius * Math.sin(angle)]);
  }
  canvas.fill(star, RED);
  const word = 'DEMO';
  const letter = 60;
  const left = centre - (word.length * letter * 1.1) / 2;
  [...word].forEach((char, index) => {
    for (const [x0, y0, x1, y1] of LETTERS[char]) {
      const ox = left + index * letter * 1.1;
      canvas.line(ox + x0 * letter, centre + 60 + y0 * letter, ox + x1 * letter, centre + 60 + y1 * letter, 6, RED);
    }
  });
  return canvas.png();
}
