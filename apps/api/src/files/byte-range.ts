import type { ByteRange } from '../platform/storage/storage-driver';

/**
 * The part of a file an HTTP request asks for: null for the whole file, 'unsatisfiable' for a range
 * outside it (416). Only one range is served; several ranges, other units, a malformed header or
 * an `If-Range` that does not match the current ETag all get the whole file, as RFC 9110 allows.
 */
export function requestedRange(
  rangeHeader: string | undefined,
  ifRange: string | undefined,
  size: number,
  etag: string,
): ByteRange | 'unsatisfiable' | null {
  if (!rangeHeader) return null;
  if (ifRange !== undefined && ifRange.trim() !== etag) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, first, last] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
