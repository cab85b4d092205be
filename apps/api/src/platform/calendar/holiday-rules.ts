import Holidays from 'date-holidays';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from '@app/contracts';
import { addDays, calendarDate, dayMonth, isWeekend, VIETNAM_TIME_ZONE } from './calendar-date';

/**
 * The public holidays of the Labour Code 2019, Article 112, for one year, with the compensation
 * days (nghỉ bù) it gives when a holiday falls on a weekend. `date-holidays` is the base: it knows
 * every date, the lunar ones included (Tết, Hùng Kings' day 10/3). It lists Tết as New Year's Eve
 * plus New Year's day and gives neither National Day's second day nor any compensation day; this
 * file completes it. The Government announces the exact Tết and National Day days each year, at
 * times with a Saturday worked in exchange; the admin records those as calendar exceptions.
 */

export type NationalDayAdjacent = 'before' | 'after' | 'bridge';

export interface HolidayRules {
  /**
   * Tết is 5 days (Art. 112(1)(b)): these days before lunar New Year's day — the last days of the
   * old year (29 or 30 tháng Chạp, Tất niên) — plus `tetDaysFrom` days from New Year's day on.
   */
  tetDaysBefore: number;
  tetDaysFrom: number;
  /**
   * National Day is 2/9 and "the day before or after" (Art. 112(1)(đ)), picked by the Government.
   * `bridge` picks the weekday that joins the holiday to a weekend, as the Government has done in
   * recent years (Fri 2/9/2022 → Thu 1/9; Mon 2/9/2024 → Tue 3/9; Tue 2/9/2025 → Mon 1/9; so
   * Thu 2/9/2027 → Fri 3/9); when neither joins a weekend (2/9 a Wednesday) it takes the day before.
   */
  nationalDayAdjacent: NationalDayAdjacent;
}

/** The default: Tất niên + the first 4 days of the new lunar year; National Day bridged to a weekend. */
export const LABOUR_CODE_RULES: Readonly<HolidayRules> = Object.freeze({ tetDaysBefore: 1, tetDaysFrom: 4, nationalDayAdjacent: 'bridge' });

export interface RuleHoliday {
  date: string;
  name: string;
  /** for a compensation day: the date of the weekend holiday it stands in for */
  compensates: string | null;
}

/** The rule strings of the VN data in date-holidays 3.37.0, for the six holidays of the law. */
const BASE_RULES = {
  newYear: '01-01',
  lunarNewYear: 'vietnamese 1-0-1',
  hungKings: 'vietnamese 3-0-10',
  reunification: '04-30',
  labour: '05-01',
  nationalDay: '09-02',
} as const;
type BaseHoliday = keyof typeof BASE_RULES;

/**
 * date-holidays 3.37.0 puts Hùng Kings' day one day early in 2050 and 2083 (and 2105, 2109, 2110,
 * beyond our range): its lunar→Gregorian round trip slips a day in those years. The 3rd lunar
 * month of 2050 begins with the new moon of 23/3/2050 at 07:40 Vietnam time, so 10/3 is 1/4/2050;
 * date-chinese's own toJDE (the library date-holidays uses) and an independent computation
 * (Hồ Ngọc Đức's algorithm, testing/lunar-oracle.ts) agree. Only that exact wrong answer is
 * replaced, so a fixed date-holidays is simply used as it is.
 */
const DATE_HOLIDAYS_FIXES: Readonly<Record<string, string>> = { '2050-03-31': '2050-04-01', '2083-04-25': '2083-04-26' };

const base = new Holidays('VN', { timezone: VIETNAM_TIME_ZONE, types: ['public'] });
const memo = new Map<string, readonly RuleHoliday[]>();

export function assertCalendarYear(year: number): void {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR)
    throw new RangeError(`the working-day calendar covers ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}, not ${year}`);
}

/** The dates date-holidays gives for the six holidays of the law; fails loudly if its data changed. */
export function baseHolidays(year: number): Record<BaseHoliday, string> {
  const listed = base.getHolidays(year).filter((holiday) => holiday.type === 'public');
  const dates = {} as Record<BaseHoliday, string>;
  for (const [key, rule] of Object.entries(BASE_RULES) as [BaseHoliday, string][]) {
    const holiday = listed.find((candidate) => candidate.rule === rule);
    // A silently missing Tết would move every deadline around it: stop instead.
    if (!holiday) throw new Error(`date-holidays gives no "${rule}" for VN ${year}: check its data before trusting the calendar`);
    const date = holiday.date.slice(0, 10);
    dates[key] = DATE_HOLIDAYS_FIXES[date] ?? date;
  }
  return dates;
}

function assertRules(rules: HolidayRules): void {
  const counts = [rules.tetDaysBefore, rules.tetDaysFrom];
  if (counts.some((count) => !Number.isInteger(count) || count < 0 || count > 9) || rules.tetDaysBefore + rules.tetDaysFrom < 1)
    throw new RangeError('Tết is 0–9 days before and 0–9 days from New Year, at least 1 in all');
  if (!['before', 'after', 'bridge'].includes(rules.nationalDayAdjacent)) throw new RangeError(`unknown National Day rule ${rules.nationalDayAdjacent}`);
}

function nationalDayAdjacent(year: number, choice: NationalDayAdjacent): string {
  const before = calendarDate(year, 9, 1);
  const after = calendarDate(year, 9, 3);
  if (choice === 'before') return before;
  if (choice === 'after') return after;
  const weekdays = [before, after].filter((date) => !isWeekend(date));
  if (weekdays.length === 1) return weekdays[0];
  if (isWeekend(addDays(before, -1))) return before;
  if (isWeekend(addDays(after, 1))) return after;
  return before;
}

function holidaysOfLaw(year: number, rules: HolidayRules): { date: string; name: string }[] {
  const dates = baseHolidays(year);
  const days = [{ date: dates.newYear, name: 'Tết Dương lịch' }];
  for (let offset = -rules.tetDaysBefore; offset < rules.tetDaysFrom; offset += 1)
    days.push({
      date: addDays(dates.lunarNewYear, offset),
      name: offset < 0 ? 'Tết Nguyên đán (ngày cuối năm Âm lịch)' : `Tết Nguyên đán (mùng ${offset + 1} tháng Giêng)`,
    });
  days.push(
    { date: dates.hungKings, name: 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)' },
    { date: dates.reunification, name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
    { date: dates.labour, name: 'Ngày Quốc tế Lao động' },
    { date: dates.nationalDay, name: 'Quốc khánh' },
    { date: nationalDayAdjacent(year, rules.nationalDayAdjacent), name: 'Quốc khánh (ngày liền kề)' },
  );
  // Two holidays on one date (Hùng Kings' day can meet 30/4) are one day off: the law adds none.
  const byDate = new Map<string, string>();
  for (const day of days) byDate.set(day.date, byDate.has(day.date) ? `${byDate.get(day.date)}; ${day.name}` : day.name);
  return [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The holidays of `year` in date order, those on a weekend included (so the calendar shows why the
 * next Monday is off), each followed by its compensation day: the first weekday after it that is
 * not itself a holiday or already a compensation day (Art. 112(3)).
 */
export function ruleHolidays(year: number, rules: HolidayRules = LABOUR_CODE_RULES): readonly RuleHoliday[] {
  assertCalendarYear(year);
  assertRules(rules);
  const key = `${year}:${rules.tetDaysBefore}:${rules.tetDaysFrom}:${rules.nationalDayAdjacent}`;
  const known = memo.get(key);
  if (known) return known;

  const holidays = holidaysOfLaw(year, rules);
  const taken = new Set(holidays.map((holiday) => holiday.date));
  const days: RuleHoliday[] = holidays.map((holiday) => ({ ...holiday, compensates: null }));
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    days.push({ date, name: `Nghỉ bù ngày ${dayMonth(holiday.date)}: ${holiday.name}`, compensates: holiday.date });
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  const frozen = Object.freeze(days.map((day) => Object.freeze(day)));
  memo.set(key, frozen);
  return frozen;
}
