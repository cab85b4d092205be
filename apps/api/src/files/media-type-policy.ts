import { HttpStatus } from '@nestjs/common';
import { ALLOWED_MEDIA_TYPES, ErrorCode } from '@app/contracts';
import { AppException } from '../platform/errors/app-exception';
import { MediaType } from '../platform/storage/detect-media-type';

/**
 * What a file name's extension claims. Allowed types, plus the usual disguises (programs, scripts,
 * web pages) so that e.g. a text file named `.html` is refused as a mismatch instead of slipping
 * through as text. An extension not listed claims nothing (Vietnamese names often contain dots,
 * e.g. `QĐ 15.2026`), and then only the bytes decide.
 */
const EXTENSION_CLAIMS: Record<string, string> = {
  pdf: 'application/pdf',
  docx: MediaType.Docx,
  xlsx: MediaType.Xlsx,
  pptx: MediaType.Pptx,
  doc: MediaType.Doc,
  xls: MediaType.Xls,
  ppt: MediaType.Ppt,
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  zip: MediaType.Zip,
  xml: MediaType.Xml,
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  gif: 'image/gif',
  txt: MediaType.Text,
  text: MediaType.Text,
  log: MediaType.Text,
  csv: MediaType.Text,
  html: MediaType.Html,
  htm: MediaType.Html,
  svg: 'image/svg+xml',
  exe: 'application/x-msdownload',
  dll: 'application/x-msdownload',
  com: 'application/x-msdownload',
  scr: 'application/x-msdownload',
  msi: 'application/x-msi',
  jar: 'application/java-archive',
  apk: 'application/vnd.android.package-archive',
  js: 'text/javascript',
  mjs: 'text/javascript',
  sh: 'text/x-script',
  bat: 'text/x-script',
  cmd: 'text/x-script',
  ps1: 'text/x-script',
  vbs: 'text/x-script',
};

const ZIP_BASED = new Set<string>([
  MediaType.Docx,
  MediaType.Xlsx,
  MediaType.Pptx,
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);
const LEGACY_OFFICE = new Set<string>([MediaType.Doc, MediaType.Xls, MediaType.Ppt]);
const ALLOWED = new Set<string>(ALLOWED_MEDIA_TYPES);

export function claimedMediaType(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match ? (EXTENSION_CLAIMS[match[1].toLowerCase()] ?? null) : null;
}

/**
 * Containers whose real type may only show at the end of the file (the zip central directory,
 * the compound file's directory): no verdict from the first bytes alone.
 */
export function needsWholeFile(detected: string | null): boolean {
  return detected === MediaType.Zip || detected === MediaType.Cfb;
}

/**
 * Decides the media type a file is stored with: the one its bytes show. Refuses (415) a file whose
 * extension claims another type than its bytes, and a type not on the allowed list.
 * Where the bytes are a container the name is allowed to be more precise (a compound file named
 * `.doc` is a Word file; XML named `.txt` is text).
 */
export function decideMediaType(detected: string | null, fileName: string): string {
  const claimed = claimedMediaType(fileName);
  const type = claimed ? reconcile(claimed, detected) : detected;
  if (claimed && type !== claimed && !(claimed === MediaType.Zip && type && ZIP_BASED.has(type)))
    throw new AppException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      ErrorCode.FileTypeMismatch,
      `Nội dung tệp "${fileName}" không đúng với đuôi tên tệp (nội dung là ${vi(detected)}). Hãy kiểm tra lại tệp hoặc lưu lại đúng định dạng rồi tải lên.`,
      `The content of "${fileName}" does not match its extension (the content is ${en(detected)}). Check the file, or save it in the right format and upload it again.`,
      { claimed, detected },
    );
  if (!type || !ALLOWED.has(type))
    throw new AppException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      ErrorCode.FileTypeNotAllowed,
      `Không nhận loại tệp này (${vi(type)}). Chỉ nhận PDF, Word, Excel, PowerPoint, OpenDocument, ảnh PNG/JPEG/TIFF, XML, văn bản thuần và tệp ZIP.`,
      `This kind of file is not accepted (${en(type)}). Accepted: PDF, Word, Excel, PowerPoint, OpenDocument, PNG/JPEG/TIFF images, XML, plain text and ZIP.`,
      { detected: type, allowed: ALLOWED_MEDIA_TYPES },
    );
  return type;
}

function reconcile(claimed: string, detected: string | null): string | null {
  if (detected === MediaType.Cfb && LEGACY_OFFICE.has(claimed)) return claimed;
  if (detected === MediaType.Xml && claimed === MediaType.Text) return claimed;
  return detected;
}

const vi = (type: string | null) => type ?? 'không nhận ra được';
const en = (type: string | null) => type ?? 'not recognisable';
