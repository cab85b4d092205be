import Holidays from 'date-holidays';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from '@app/contracts';
import { addDays, isWeekend } from './calendar-date';
import { baseHolidays, ruleHolidays } from './holiday-rules';
import { lunarToGregorian } from './testing/lunar-oracle';

const dates = (year: number, rules?: Parameters<typeof ruleHolidays>[1]) => ruleHolidays(year, rules).map((day) => day.date);
const YEARS = Array.from({ length: CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1 }, (_, index) => CALENDAR_FIRST_YEAR + index);

describe('the lunar dates date-holidays gives', () => {
  it('has the lunar New Year and Hùng Kings’ day of 2025–2027 right', () => {
    expect(baseHolidays(2025)).toMatchObject({ lunarNewYear: '2025-01-29', hungKings: '2025-04-07' });
    expect(baseHolidays(2026)).toMatchObject({ lunarNewYear: '2026-02-17', hungKings: '2026-04-26' });
    expect(baseHolidays(2027)).toMatchObject({ lunarNewYear: '2027-02-06', hungKings: '2027-04-16' });
  });

  it('checks the second computation against dates known to differ from the Chinese calendar', () => {
    // Vietnam reckons in UTC+7, China in UTC+8: Tết 1985 and 2007 came earlier in Vietnam.
    expect(lunarToGregorian(1, 1, 1985)).toBe('1985-01-21');
    expect(lunarToGregorian(1, 1, 2007)).toBe('2007-02-17');
    expect(lunarToGregorian(1, 1, 2030)).toBe('2030-02-02');
    expect(lunarToGregorian(1, 1, 2026)).toBe('2026-02-17');
    expect(lunarToGregorian(10, 3, 2026)).toBe('2026-04-26');
  });

  it(`agrees with the second computation for every year ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} (after the fixes)`, () => {
    const disagreements = YEARS.filter((year) => {
      const base = baseHolidays(year);
      return base.lunarNewYear !== lunarToGregorian(1, 1, year) || base.hungKings !== lunarToGregorian(10, 3, year);
    });
    expect(disagreements).toEqual([]);
  });

  it('still needs the fixes: date-holidays 3.37.0 puts Hùng Kings’ day 2050 and 2083 a day early', () => {
    // When this fails, date-holidays was fixed: drop DATE_HOLIDAYS_FIXES in holiday-rules.ts.
    const raw = new Holidays('VN', { timezone: 'Asia/Ho_Chi_Minh' });
    const hungKings = (year: number) => raw.getHolidays(year).find((holiday) => holiday.rule === 'vietnamese 3-0-10')?.date.slice(0, 10);
    expect([hungKings(2050), hungKings(2083)]).toEqual(['2050-03-31', '2083-04-25']);
    expect([lunarToGregorian(10, 3, 2050), lunarToGregorian(10, 3, 2083)]).toEqual(['2050-04-01', '2083-04-26']);
    expect(baseHolidays(2050).hungKings).toBe('2050-04-01');
  });
});

describe('the holidays of the Labour Code, by default', () => {
  it('2025: Tết 28/01–01/02 with Saturday 01/02 compensated on Monday 03/02; Hùng Kings 07/04; National Day 01–02/09', () => {
    expect(ruleHolidays(2025).map(({ date, compensates }) => [date, compensates])).toEqual([
      ['2025-01-01', null],
      ['2025-01-28', null],
      ['2025-01-29', null],
      ['2025-01-30', null],
      ['2025-01-31', null],
      ['2025-02-01', null],
      ['2025-02-03', '2025-02-01'],
      ['2025-04-07', null],
      ['2025-04-30', null],
      ['2025-05-01', null],
      ['2025-09-01', null],
      ['2025-09-02', null],
    ]);
  });

  it('2026: Tết 16–20/02; Hùng Kings on Sunday 26/04 compensated on Monday 27/04; 30/04 and 01/05 Thu–Fri; National Day 01–02/09', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    const hungKings = ruleHolidays(2026).find((day) => day.date === '2026-04-27');
    expect(hungKings).toEqual({ date: '2026-04-27', name: 'Nghỉ bù ngày 26/04: Giỗ Tổ Hùng Vương (10/3 Âm lịch)', compensates: '2026-04-26' });
  });

  it('2027: Tết from Friday 05/02 with Saturday and Sunday compensated on Wednesday 10 and Thursday 11; 01/05 (Sat) on Monday 03/05; National Day 02–03/09', () => {
    expect(ruleHolidays(2027).map(({ date, compensates }) => [date, compensates])).toEqual([
      ['2027-01-01', null],
      ['2027-02-05', null],
      ['2027-02-06', null],
      ['2027-02-07', null],
      ['2027-02-08', null],
      ['2027-02-09', null],
      ['2027-02-10', '2027-02-06'],
      ['2027-02-11', '2027-02-07'],
      ['2027-04-16', null],
      ['2027-04-30', null],
      ['2027-05-01', null],
      ['2027-05-03', '2027-05-01'],
      ['2027-09-02', null],
      ['2027-09-03', null],
    ]);
  });

  it('names the days in Vietnamese', () => {
    expect(ruleHolidays(2026).slice(0, 3).map((day) => day.name)).toEqual([
      'Tết Dương lịch',
      'Tết Nguyên đán (ngày cuối năm Âm lịch)',
      'Tết Nguyên đán (mùng 1 tháng Giêng)',
    ]);
  });

  it('compensates New Year on a weekend, and 30/04 + 01/05 falling on Saturday and Sunday with Monday and Tuesday', () => {
    expect(dates(2022)).toEqual(expect.arrayContaining(['2022-01-01', '2022-01-03', '2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03']));
    expect(dates(2023)).toEqual(expect.arrayContaining(['2023-01-01', '2023-01-02']));
    expect(dates(2023)).not.toContain('2023-01-03');
  });

  it('bridges National Day to a weekend as the Government does', () => {
    const nationalDay = (year: number) => dates(year).filter((date) => date >= `${year}-08-30` && date <= `${year}-09-05`);
    expect(nationalDay(2022)).toEqual(['2022-09-01', '2022-09-02']); // Friday: Thursday before
    expect(nationalDay(2023)).toEqual(['2023-09-01', '2023-09-02', '2023-09-04']); // Saturday: Friday before, compensated Monday
    expect(nationalDay(2024)).toEqual(['2024-09-02', '2024-09-03']); // Monday: Tuesday after
    expect(nationalDay(2025)).toEqual(['2025-09-01', '2025-09-02']); // Tuesday: Monday before
    expect(nationalDay(2026)).toEqual(['2026-09-01', '2026-09-02']); // Wednesday: no bridge, the day before
    expect(nationalDay(2027)).toEqual(['2027-09-02', '2027-09-03']); // Thursday: Friday after
    expect(nationalDay(2029)).toEqual(['2029-09-02', '2029-09-03', '2029-09-04']); // Sunday: Monday after, Sunday compensated Tuesday
  });

  it('lets the National Day adjacent day and the Tết days be configured', () => {
    expect(dates(2027, { tetDaysBefore: 1, tetDaysFrom: 4, nationalDayAdjacent: 'before' })).toContain('2027-09-01');
    expect(dates(2025, { tetDaysBefore: 1, tetDaysFrom: 4, nationalDayAdjacent: 'after' })).toEqual(expect.arrayContaining(['2025-09-02', '2025-09-03']));
    // 29 tháng Chạp to mùng 3: the Government's Tết 2024 (Thursday 08/02 to Wednesday 14/02)
    const tet2024 = dates(2024, { tetDaysBefore: 2, tetDaysFrom: 3, nationalDayAdjacent: 'bridge' }).filter((date) => date.startsWith('2024-02'));
    expect(tet2024).toEqual(['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14']);
    expect(() => ruleHolidays(2026, { tetDaysBefore: -1, tetDaysFrom: 4, nationalDayAdjacent: 'bridge' })).toThrow(RangeError);
    expect(() => ruleHolidays(2026, { tetDaysBefore: 0, tetDaysFrom: 0, nationalDayAdjacent: 'bridge' })).toThrow(RangeError);
  });

  it(`gives 11 weekdays off every year ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}, each weekend holiday compensated once, on a weekday just after`, () => {
    for (const year of YEARS) {
      const days = ruleHolidays(year);
      expect({ year, weekdaysOff: days.filter((day) => !isWeekend(day.date)).length }).toEqual({ year, weekdaysOff: 11 });
      expect(new Set(days.map((day) => day.date)).size).toBe(days.length);
      for (const day of days.filter((candidate) => candidate.compensates)) {
        expect(isWeekend(day.compensates!)).toBe(true);
        expect(day.date > day.compensates! && day.date <= addDays(day.compensates!, 6)).toBe(true);
      }
      expect(days.filter((day) => isWeekend(day.date)).length).toBe(days.filter((day) => day.compensates).length);
    }
  });

  it('refuses years outside the calendar', () => {
    expect(() => ruleHolidays(CALENDAR_FIRST_YEAR - 1)).toThrow(RangeError);
    expect(() => ruleHolidays(CALENDAR_LAST_YEAR + 1)).toThrow(RangeError);
    expect(() => ruleHolidays(2026.5)).toThrow(RangeError);
  });
});
