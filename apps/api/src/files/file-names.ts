const MAX_NAME_LENGTH = 255;
const FALLBACK_NAME = 'tep-tai-len';

/**
 * The uploader's file name as we keep it: NFC (macOS sends decomposed Vietnamese letters), without
 * any folder part (old browsers send `C:\fakepath\…`) or control characters, at most 255 characters
 * with the extension kept. It is only ever shown and offered as the download name.
 */
export function cleanFileName(raw: string | undefined | null): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name.replace(/[\u0000-\u001F\u007F]/g, '').trim();
  if (!name || /^\.+$/.test(name)) return FALLBACK_NAME;
  const characters = Array.from(name);
  if (characters.length <= MAX_NAME_LENGTH) return name;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(name)?.[0] ?? '';
  return characters.slice(0, MAX_NAME_LENGTH - extension.length).join('') + extension;
}

/**
 * `Content-Disposition: attachment` with both an ASCII `filename` for old clients and the exact
 * name as RFC 5987 `filename*=UTF-8''…`, so Vietnamese names survive the download.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
