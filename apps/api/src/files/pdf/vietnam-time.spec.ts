import { formatVietnamDateTime } from './vietnam-time';

describe('Vietnam time on the stamp', () => {
  it('writes dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7), whatever the server zone', () => {
    expect(formatVietnamDateTime(new Date('2026-01-05T07:30:00Z'))).toBe('05/01/2026 14:30');
    expect(formatVietnamDateTime(new Date('2025-12-31T17:05:00Z'))).toBe('01/01/2026 00:05'); // already the new year there
  });

  it('refuses an invalid date instead of printing NaN on a document', () => {
    expect(() => formatVietnamDateTime(new Date('not a date'))).toThrow(TypeError);
  });
});
