import { formatDayMonthYear, parseVietnameseDate } from './vietnam-date-adapter';

describe('parseVietnameseDate', () => {
  const today = new Date(2026, 10, 23);

  it('reads day first, with any usual separator', () => {
    for (const text of ['20/11/2026', '20-11-2026', '20.11.2026', '20 11 2026', ' 20/11/2026 ']) expect(parseVietnameseDate(text, today)).toEqual(new Date(2026, 10, 20));
  });

  it('reads short forms typed for speed', () => {
    expect(parseVietnameseDate('5/3/2026', today)).toEqual(new Date(2026, 2, 5));
    expect(parseVietnameseDate('20/11/26', today)).toEqual(new Date(2026, 10, 20));
    expect(parseVietnameseDate('20112026', today)).toEqual(new Date(2026, 10, 20));
    expect(parseVietnameseDate('201126', today)).toEqual(new Date(2026, 10, 20));
  });

  it('takes this year when none is typed', () => {
    expect(parseVietnameseDate('05/01', today)).toEqual(new Date(2026, 0, 5));
  });

  it('reads the ISO form too', () => {
    expect(parseVietnameseDate('2026-11-20', today)).toEqual(new Date(2026, 10, 20));
  });

  it('never reads month first, and refuses dates that do not exist', () => {
    expect(parseVietnameseDate('11/20/2026', today)).toBeNull();
    expect(parseVietnameseDate('31/02/2026', today)).toBeNull();
    expect(parseVietnameseDate('29/02/2025', today)).toBeNull();
    expect(parseVietnameseDate('29/02/2028', today)).toEqual(new Date(2028, 1, 29));
    expect(parseVietnameseDate('hôm qua', today)).toBeNull();
    expect(parseVietnameseDate('', today)).toBeNull();
  });
});

describe('formatDayMonthYear', () => {
  it('writes dd/MM/yyyy with leading zeros', () => {
    expect(formatDayMonthYear(new Date(2026, 0, 5))).toBe('05/01/2026');
    expect(formatDayMonthYear(new Date(2026, 11, 31))).toBe('31/12/2026');
  });
});
