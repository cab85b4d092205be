import { gunzipSync } from 'node:zlib';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { BE_VIETNAM_PRO_BOLD_TTF_GZ_BASE64, BE_VIETNAM_PRO_REGULAR_TTF_GZ_BASE64 } from './assets/be-vietnam-pro.font';

export type FontWeight = 'regular' | 'bold';

const cache = new Map<FontWeight, Uint8Array>();

/** The TrueType bytes of Be Vietnam Pro (Latin + Vietnamese), unpacked once per process. */
export function vietnameseFontBytes(weight: FontWeight = 'regular'): Uint8Array {
  let bytes = cache.get(weight);
  if (!bytes) {
    const packed = weight === 'bold' ? BE_VIETNAM_PRO_BOLD_TTF_GZ_BASE64 : BE_VIETNAM_PRO_REGULAR_TTF_GZ_BASE64;
    bytes = new Uint8Array(gunzipSync(Buffer.from(packed, 'base64')));
    cache.set(weight, bytes);
  }
  return bytes;
}

/**
 * Embeds the font into a pdf-lib document, subset to the glyphs drawn (a few kB per file).
 * pdf-lib writes a ToUnicode map for it, so text drawn with it can be extracted and searched.
 */
export async function embedVietnameseFont(document: PDFDocument, weight: FontWeight = 'regular'): Promise<PDFFont> {
  document.registerFontkit(fontkit);
  return document.embedFont(vietnameseFontBytes(weight), { subset: true });
}
