import { PDFDocument } from 'pdf-lib';
import { demoSealPng, demoSignaturePng } from './demo-images';
import { encodeRgbaPng, inspectPng } from './png';

describe('PNG images for signatures', () => {
  it('encodes RGBA that pdf-lib embeds, and reads the facts back', async () => {
    const png = encodeRgbaPng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 0]));
    expect(inspectPng(png)).toEqual({ width: 2, height: 1, transparent: true });
    const image = await (await PDFDocument.create()).embedPng(png);
    expect([image.width, image.height]).toEqual([2, 1]);
  });

  it('tells an opaque PNG and a non-PNG apart', () => {
    const opaque = Buffer.from(encodeRgbaPng(1, 1, new Uint8Array([0, 0, 0, 255])));
    opaque[25] = 2; // colour type RGB, no alpha (the header's CRC is not checked here)
    expect(inspectPng(opaque)?.transparent).toBe(false);
    expect(inspectPng(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('draws demo images that are transparent around the strokes', () => {
    for (const png of [demoSealPng(), demoSignaturePng('Phạm Quốc Hùng')]) expect(inspectPng(png)?.transparent).toBe(true);
    expect(demoSignaturePng('A').equals(demoSignaturePng('B'))).toBe(false);
  });
});
