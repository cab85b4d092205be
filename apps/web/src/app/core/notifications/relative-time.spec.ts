import { relativeTime } from './relative-time';

describe('relativeTime', () => {
  const now = new Date('2026-11-26T03:00:00Z'); // 10:00 in Hà Nội

  it('speaks Vietnamese', () => {
    expect(relativeTime('2026-11-26T02:59:40Z', now, 'vi')).toBe('bây giờ');
    expect(relativeTime('2026-11-26T02:55:00Z', now, 'vi')).toBe('5 phút trước');
    expect(relativeTime('2026-11-26T00:00:00Z', now, 'vi')).toBe('3 giờ trước');
    expect(relativeTime('2026-11-25T03:00:00Z', now, 'vi')).toBe('Hôm qua');
    expect(relativeTime('2026-11-23T03:00:00Z', now, 'vi')).toBe('3 ngày trước');
  });

  it('speaks English', () => {
    expect(relativeTime('2026-11-26T02:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-11-25T03:00:00Z', now, 'en')).toBe('yesterday');
  });

  it('gives the date after a week, and "now" for a clock slightly ahead', () => {
    expect(relativeTime('2026-11-10T08:30:00Z', now, 'vi')).toBe('10/11/2026 15:30');
    expect(relativeTime('2026-11-26T03:00:30Z', now, 'en')).toBe('now');
    expect(relativeTime('not a date', now, 'vi')).toBe('');
  });
});
