/**
 * The working-day calendar: weekends and Vietnamese public holidays (lunar ones included) are not
 * working days; the admin adds the days off and swapped working days the Government announces.
 * Dates are calendar dates in Asia/Ho_Chi_Minh, written `yyyy-MM-dd`.
 */
export type CalendarDayKind = 'holiday' | 'day_off' | 'working_day';
export type CalendarExceptionKind = 'day_off' | 'working_day';

/** The years the calendar computes (the lunar holidays are verified for these). */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2100;
/** The longest deadline the API computes, in working days (about three years). */
export const MAX_DEADLINE_WORKING_DAYS = 750;

/**
 * One day that differs from "Monday to Friday work": `holiday` = a public holiday of the Labour
 * Code or its compensation day (nghỉ bù); `day_off` / `working_day` = the admin's exceptions.
 */
export interface CalendarDayDto {
  date: string;
  kind: CalendarDayKind;
  name: string;
  /** `rule` = computed from the law; `admin` = added by an administrator (can be removed) */
  source: 'rule' | 'admin';
  /** the admin's exception id (to delete it); null for a rule day */
  id: string | null;
  /** whether the day is worked after all rules and exceptions (a holiday on a Sunday: false) */
  working: boolean;
}

export interface CalendarYearDto {
  year: number;
  /**
   * In date order, one entry per date: the public holidays (those on a weekend too, so the
   * compensation day that follows is explained), the compensation days, and the admin's days off
   * and working days; where the admin set a date the rule also names, the admin's entry wins.
   */
  days: CalendarDayDto[];
}

export interface CreateCalendarExceptionRequest {
  date: string;
  /**
   * `day_off` on a weekday that is otherwise worked; `working_day` on a weekend day (a swapped
   * Saturday) or on a weekday the rule makes a holiday (the Government moved it elsewhere).
   */
  kind: CalendarExceptionKind;
  name: string;
}

export interface DeadlineQuery {
  /**
   * an ISO instant with its offset (`2026-04-24T16:00:00+07:00`); counting starts on the next
   * working day after its date in Vietnam, so N = 1 is the next working day; N = 0 is that same
   * day if it is worked, else the next working day
   */
  from: string;
  workingDays: number;
}

export interface DeadlineDto {
  /** the last working day, `yyyy-MM-dd` */
  dueDate: string;
  /** end of that day (23:59:59.999 in Vietnam), ISO */
  dueAt: string;
}
