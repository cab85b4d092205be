import { importEsm } from '../esm';
import { zipEntryNamesFromTail } from './zip-entry-names';

type FileTypeModule = typeof import('file-type');

/** file-type 21 is ESM-only: loaded once, through the shared ES-module loader. */
let fileTypeModule: Promise<FileTypeModule> | undefined;
const loadFileType = () => (fileTypeModule ??= importEsm<FileTypeModule>('file-type'));

/** file-type needs 4100 bytes for most formats; the first zip entries of office files may need more. */
export const HEAD_SAMPLE_BYTES = 64 * 1024;
/** Enough for the central directory of any ordinary office file. */
export const TAIL_SAMPLE_BYTES = 128 * 1024;

export const MediaType = {
  Zip: 'application/zip',
  Cfb: 'application/x-cfb',
  Xml: 'application/xml',
  Html: 'text/html',
  Text: 'text/plain',
  Docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  Xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  Pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  Doc: 'application/msword',
  Xls: 'application/vnd.ms-excel',
  Ppt: 'application/vnd.ms-powerpoint',
} as const;

export interface ContentSample {
  /** the first bytes of the content (up to HEAD_SAMPLE_BYTES) */
  head: Uint8Array;
  /** the last bytes (up to TAIL_SAMPLE_BYTES); omit when only the head has been seen so far */
  tail?: Uint8Array;
  /** true when head is the whole content */
  complete: boolean;
}

/**
 * The media type the bytes show, whatever the file is called; null when nothing recognisable.
 * Containers are looked into: a zip that is really a DOCX/XLSX/PPTX says so, and an OLE compound
 * file says whether it is a Word, Excel or PowerPoint file when its directory is within reach.
 */
export async function detectMediaType(sample: ContentSample): Promise<string | null> {
  if (sample.head.length === 0) return null;
  // A UTF-16 byte-order mark looks like an MPEG frame to file-type: text wins when it decodes.
  if (hasUtf16Bom(sample.head)) {
    const text = textType(sample.head, sample.complete);
    if (text) return text;
  }
  const { fileTypeFromBuffer } = await loadFileType();
  const found = (await fileTypeFromBuffer(sample.head))?.mime ?? null;
  if (found === MediaType.Zip && sample.tail) return officeTypeOfZip(zipEntryNamesFromTail(sample.tail)) ?? found;
  if (found === MediaType.Cfb) return officeTypeOfCompoundFile([sample.head, sample.tail]) ?? found;
  if (found) return found;
  return textType(sample.head, sample.complete);
}

/** Same rule as file-type's own: an OOXML package has `[Content_Types].xml` and its main folder. */
function officeTypeOfZip(names: string[] | null): string | null {
  if (!names?.includes('[Content_Types].xml')) return null;
  if (names.some((name) => name.startsWith('word/'))) return MediaType.Docx;
  if (names.some((name) => name.startsWith('xl/'))) return MediaType.Xlsx;
  if (names.some((name) => name.startsWith('ppt/'))) return MediaType.Pptx;
  return null;
}

const utf16 = (text: string) => Buffer.from(text, 'utf16le');
/** Stream names in an OLE compound file's directory (UTF-16LE), first match wins. */
const COMPOUND_FILE_STREAMS: [Buffer, string][] = [
  [utf16('WordDocument'), MediaType.Doc],
  [utf16('PowerPoint Document'), MediaType.Ppt],
  [utf16('Workbook'), MediaType.Xls],
  [utf16('Book'), MediaType.Xls],
];

function officeTypeOfCompoundFile(parts: (Uint8Array | undefined)[]): string | null {
  for (const [marker, type] of COMPOUND_FILE_STREAMS) {
    if (parts.some((part) => part && Buffer.from(part.buffer, part.byteOffset, part.byteLength).includes(marker))) return type;
  }
  return null;
}

const hasUtf16Bom = (head: Uint8Array) => (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);

/** Control characters that never appear in text (tab, line feed, vertical tab, form feed, carriage return do). */
const NON_TEXT = /[\u0000-\u0008\u000E-\u001F\u007F]/;

/**
 * file-type recognises binary formats only. Text is what decodes cleanly as UTF-8 (or UTF-16 with
 * a byte-order mark) without control characters; markup is told apart so that HTML can be refused.
 */
function textType(head: Uint8Array, complete: boolean): string | null {
  const encoding = !hasUtf16Bom(head) ? 'utf-8' : head[0] === 0xff ? 'utf-16le' : 'utf-16be';
  const start = encoding === 'utf-8' ? 0 : 2;
  let text: string;
  try {
    // `stream: true` keeps a character cut in half at the end of the sample from counting as an error
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(head.subarray(start), { stream: !complete });
  } catch {
    return null;
  }
  if (NON_TEXT.test(text)) return null;
  const opening = text.replace(/^\uFEFF/, '').trimStart().slice(0, 1024).toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<(head|body|script|iframe)[\s>]/.test(opening)) return MediaType.Html;
  if (/^<(\?xml|!--|!doctype|[a-z_][\w.:-]*[\s/>])/.test(opening)) return MediaType.Xml;
  return MediaType.Text;
}
