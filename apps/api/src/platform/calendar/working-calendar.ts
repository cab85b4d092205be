import type { CalendarDayDto, CalendarExceptionKind } from '@app/contracts';
import { addDays, calendarDate, isWeekend, vietnamDate, yearOf } from './calendar-date';
import { HolidayRules, LABOUR_CODE_RULES, ruleHolidays } from './holiday-rules';

/** A day the admin recorded: a day off on a weekday, or a working day on a weekend or a holiday. */
export interface CalendarExceptionDay {
  id: string | null;
  date: string;
  kind: CalendarExceptionKind;
  name: string;
}

/** Why an exception would change nothing, judged by the rule alone (weekends and the law's holidays). */
export type ExceptionRefusal = 'already_working' | 'weekend_already_off' | 'holiday_already_off';

export function exceptionRefusal(date: string, kind: CalendarExceptionKind, rules: HolidayRules = LABOUR_CODE_RULES): ExceptionRefusal | null {
  const holiday = ruleHolidays(yearOf(date), rules).some((day) => day.date === date);
  if (kind === 'working_day') return isWeekend(date) || holiday ? null : 'already_working';
  if (isWeekend(date)) return 'weekend_already_off';
  return holiday ? 'holiday_already_off' : null;
}

/**
 * Which days are worked: Monday to Friday, except the Labour Code holidays and their compensation
 * days (holiday-rules.ts); the admin's exceptions override both ways, because the Government's
 * yearly announcement is the final word. Pure and synchronous: the service builds one from the
 * exceptions it read and keeps it while they do not change.
 */
export class WorkingCalendar {
  private readonly exceptions = new Map<string, CalendarExceptionDay>();
  private readonly holidaysByYear = new Map<number, Set<string>>();

  constructor(
    exceptions: Iterable<CalendarExceptionDay>,
    private readonly rules: HolidayRules = LABOUR_CODE_RULES,
  ) {
    for (const exception of exceptions) this.exceptions.set(exception.date, exception);
  }

  isWorkingDay(date: string): boolean {
    const exception = this.exceptions.get(date);
    if (exception) return exception.kind === 'working_day';
    return !isWeekend(date) && !this.holidays(yearOf(date)).has(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    let next = addDays(date, 1);
    while (!this.isWorkingDay(next)) next = addDays(next, 1);
    return next;
  }

  /**
   * The date of a deadline `workingDays` working days after an instant. Counting starts on the
   * first working day after the instant's date in Vietnam, whatever the hour: a document received
   * Friday 16:00 with 1 working day is due Monday. With 0 the deadline is that same day if it is
   * worked, else the next working day ("the same day, at the latest the next working day").
   */
  addWorkingDays(from: Date, workingDays: number): string {
    if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${workingDays}`);
    const start = vietnamDate(from);
    if (workingDays === 0) return this.isWorkingDay(start) ? start : this.nextWorkingDay(start);
    let date = start;
    for (let counted = 0; counted < workingDays; counted += 1) date = this.nextWorkingDay(date);
    return date;
  }

  /**
   * The working days after `from` up to and including `to` (negative when `to` is earlier), so
   * that for a working day `to`, addWorkingDays(from, workingDaysBetween(from, to)) lands on `to`.
   */
  workingDaysBetween(from: string, to: string): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let date = from; date < to; ) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) count += 1;
    }
    return count;
  }

  /** Every date of `year` that is not worked, weekends included, in date order. */
  nonWorkingDays(year: number): string[] {
    const days: string[] = [];
    for (let date = calendarDate(year, 1, 1); yearOf(date) === year; date = addDays(date, 1)) if (!this.isWorkingDay(date)) days.push(date);
    return days;
  }

  /** The year as the calendar page shows it (CalendarYearDto.days). */
  yearDays(year: number): CalendarDayDto[] {
    const byDate = new Map<string, CalendarDayDto>();
    for (const day of ruleHolidays(year, this.rules))
      byDate.set(day.date, { date: day.date, kind: 'holiday', name: day.name, source: 'rule', id: null, working: this.isWorkingDay(day.date) });
    for (const exception of this.exceptions.values())
      if (yearOf(exception.date) === year)
        byDate.set(exception.date, {
          date: exception.date,
          kind: exception.kind,
          name: exception.name,
          source: 'admin',
          id: exception.id,
          working: exception.kind === 'working_day',
        });
    return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  private holidays(year: number): Set<string> {
    let dates = this.holidaysByYear.get(year);
    if (!dates) {
      dates = new Set(ruleHolidays(year, this.rules).map((day) => day.date));
      this.holidaysByYear.set(year, dates);
    }
    return dates;
  }
}
