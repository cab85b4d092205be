import { requestedRange } from './byte-range';

const ETAG = '"abc"';
const range = (header: string | undefined, size = 1000, ifRange?: string) => requestedRange(header, ifRange, size, ETAG);

describe('requestedRange', () => {
  it('answers the whole file without a usable Range header', () => {
    expect(range(undefined)).toBeNull();
    expect(range('items=0-10')).toBeNull();
    expect(range('bytes=0-10,20-30')).toBeNull(); // several ranges: the whole file instead
    expect(range('bytes=abc')).toBeNull();
    expect(range('bytes=-')).toBeNull();
    expect(range('bytes=20-10')).toBeNull();
  });

  it('reads first-last, open-ended and suffix ranges', () => {
    expect(range('bytes=0-0')).toEqual({ start: 0, end: 0 });
    expect(range('bytes=100-199')).toEqual({ start: 100, end: 199 });
    expect(range('bytes=900-5000')).toEqual({ start: 900, end: 999 });
    expect(range('bytes=990-')).toEqual({ start: 990, end: 999 });
    expect(range('bytes=-10')).toEqual({ start: 990, end: 999 });
    expect(range('bytes=-5000')).toEqual({ start: 0, end: 999 });
  });

  it('says when a range lies outside the file', () => {
    expect(range('bytes=1000-')).toBe('unsatisfiable');
    expect(range('bytes=1000-2000')).toBe('unsatisfiable');
    expect(range('bytes=-0')).toBe('unsatisfiable');
  });

  it('honours If-Range only with the current ETag', () => {
    expect(range('bytes=0-9', 1000, ETAG)).toEqual({ start: 0, end: 9 });
    expect(range('bytes=0-9', 1000, '"old"')).toBeNull();
    expect(range('bytes=0-9', 1000, 'Wed, 21 Oct 2026 07:28:00 GMT')).toBeNull();
  });
});
