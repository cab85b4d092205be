import { VietnamDatePipe, formatVietnamDate } from './vietnam-date.pipe';

describe('formatVietnamDate', () => {
  it('writes dd/MM/yyyy', () => {
    expect(formatVietnamDate('2026-03-05T03:00:00Z')).toBe('05/03/2026');
  });

  it('uses Vietnam time (UTC+7), not UTC or the machine zone', () => {
    // 17:30 UTC on 31 December is already 00:30 on 1 January in Hà Nội
    expect(formatVietnamDate('2025-12-31T17:30:00Z')).toBe('01/01/2026');
    expect(formatVietnamDate('2025-12-31T16:59:00Z')).toBe('31/12/2025');
  });

  it('adds HH:mm on a 24-hour clock when asked', () => {
    expect(formatVietnamDate('2026-11-23T07:05:00Z', 'dateTime')).toBe('23/11/2026 14:05');
    expect(formatVietnamDate('2026-11-23T17:00:00Z', 'dateTime')).toBe('24/11/2026 00:00');
  });

  it('accepts Date objects and epoch milliseconds', () => {
    const instant = Date.UTC(2026, 0, 9, 12, 0);
    expect(formatVietnamDate(new Date(instant))).toBe('09/01/2026');
    expect(formatVietnamDate(instant)).toBe('09/01/2026');
  });

  it('gives an empty string for missing or invalid values', () => {
    expect(formatVietnamDate(null)).toBe('');
    expect(formatVietnamDate(undefined)).toBe('');
    expect(formatVietnamDate('')).toBe('');
    expect(formatVietnamDate('not a date')).toBe('');
  });
});

describe('VietnamDatePipe', () => {
  it('formats through the same function', () => {
    const pipe = new VietnamDatePipe();
    expect(pipe.transform('2026-02-28T20:00:00Z')).toBe('01/03/2026');
    expect(pipe.transform('2026-02-28T20:00:00Z', 'dateTime')).toBe('01/03/2026 03:00');
  });
});
