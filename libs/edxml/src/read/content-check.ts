import { extname } from 'node:path';
import mime from 'mime-types';

/**
 * The two facts about a payload's bytes that reading edXML depends on: is it a zip (to unpack,
 * whatever was declared — the operator's library zips everything and labels it freely), and is a
 * PDF whole (a binary→text round trip on the way damages PDFs; the receiver must be told).
 */
const ZIP_SIGNATURES = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const PDF_END = Buffer.from('%%EOF', 'latin1');
/** U+FFFD three times in UTF-8: what a PDF's binary comment line becomes after being decoded as text */
const REPLACEMENT_CHARACTERS = Buffer.from('\uFFFD\uFFFD\uFFFD', 'utf8');

export const isZip = (head: Buffer) => ZIP_SIGNATURES.some((signature) => head.subarray(0, 4).equals(signature));
export const isPdf = (head: Buffer) => head.subarray(0, 5).equals(PDF_SIGNATURE);

/** Why these bytes cannot be the PDF they claim to be; null when they can. */
export function pdfDamage(head: Buffer, tail: Buffer): string | null {
  if (!isPdf(head)) return 'it does not start with %PDF-';
  if (head.subarray(0, 64).includes(REPLACEMENT_CHARACTERS)) return 'its binary marker was replaced by text (damaged by a binary→text conversion)';
  if (!tail.includes(PDF_END)) return 'it has no %%EOF trailer (cut or damaged)';
  return null;
}

/** A file's type from its name, for files found inside a zip. */
export function contentTypeOfName(name: string): string {
  // a message zipped inside a message (the operator's large samples do it): the mime database has no .edxml
  if (/\.edxml$/i.test(name)) return 'application/xml';
  return (extname(name) && mime.lookup(name)) || 'application/octet-stream';
}

export const isPdfType = (contentType: string | undefined) => /^application\/pdf\b/i.test(contentType ?? '');
export const isZipType = (contentType: string | undefined) => /^application\/(x-)?zip(-compressed)?\b/i.test(contentType ?? '');
