import { addDays, dayOfWeek, endOfVietnamDay, isCalendarDate, isWeekend, toDayNumber, vietnamDate, yearOf } from './calendar-date';

describe('calendar dates', () => {
  it('accepts only real dates written yyyy-MM-dd', () => {
    expect(isCalendarDate('2026-04-30')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-4-30')).toBe(false);
    expect(isCalendarDate('30/04/2026')).toBe(false);
    expect(isCalendarDate('2026-04-30T00:00:00Z')).toBe(false);
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-02-17', 365)).toBe('2027-02-17');
    expect(yearOf('2026-12-31')).toBe(2026);
  });

  it('knows the weekday, Saturday and Sunday being the weekly days off', () => {
    expect(dayOfWeek('2026-04-26')).toBe(0); // Sunday
    expect(dayOfWeek('2026-04-30')).toBe(4); // Thursday
    expect(isWeekend('2026-04-25')).toBe(true);
    expect(isWeekend('2026-04-26')).toBe(true);
    expect(isWeekend('2026-04-27')).toBe(false);
  });

  it('takes the date of an instant in Vietnam, not in UTC nor in the server zone', () => {
    expect(vietnamDate(new Date('2026-04-24T16:59:59.999Z'))).toBe('2026-04-24');
    expect(vietnamDate(new Date('2026-04-24T17:00:00.000Z'))).toBe('2026-04-25');
    expect(vietnamDate(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(vietnamDate(new Date('2026-04-24T00:30:00+07:00'))).toBe('2026-04-24');
    expect(() => vietnamDate(new Date('nonsense'))).toThrow(RangeError);
  });

  it('ends a day at 23:59:59.999 in Vietnam', () => {
    expect(endOfVietnamDay('2026-04-24').toISOString()).toBe('2026-04-24T16:59:59.999Z');
    expect(vietnamDate(endOfVietnamDay('2026-12-31'))).toBe('2026-12-31');
    expect(vietnamDate(new Date(endOfVietnamDay('2026-12-31').getTime() + 1))).toBe('2027-01-01');
  });
});
