/**
 * Calendar dates (`yyyy-MM-dd`) as Vietnam counts them. Dates are plain strings and their
 * arithmetic runs on whole days since 1970-01-01, so no time zone can shift a day: only turning
 * an instant into a date, and a date into "the end of that day", involve Asia/Ho_Chi_Minh.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Vietnam has kept UTC+07:00, without summer time, since 1975. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET = '+07:00';
const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** True for a real date written `yyyy-MM-dd` (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

function assertDate(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date (yyyy-MM-dd): ${date}`);
}

/** Days since 1970-01-01: consecutive dates are consecutive integers. */
export function toDayNumber(date: string): number {
  assertDate(date);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function yearOf(date: string): number {
  assertDate(date);
  return Number(date.slice(0, 4));
}

export function calendarDate(year: number, month: number, day: number): string {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  assertDate(date);
  return date;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
}

/** Saturday and Sunday are the weekly days off of state agencies. */
export function isWeekend(date: string): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/** The date an instant falls on in Vietnam: 2026-04-24T17:30Z is already 25 April in Hà Nội. */
export function vietnamDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
  return VIETNAM_DATE.format(instant);
}

/** The last millisecond of that day in Vietnam (23:59:59.999 +07:00): when a deadline runs out. */
export function endOfVietnamDay(date: string): Date {
  assertDate(date);
  return new Date(`${date}T23:59:59.999${VIETNAM_OFFSET}`);
}

/** `dd/MM`, as the names of compensation days show the holiday they stand in for. */
export function dayMonth(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}`;
}
