/**
 * The working-day calendar: weekends and Vietnamese public holidays (lunar ones included) are not
 * working days; the admin adds the days off and swapped working days the Government announces.
 * Dates are calendar dates in Asia/Ho_Chi_Minh, written `yyyy-MM-dd`.
 */
export type CalendarDayKind = 'holiday' | 'day_off' | 'working_day';

export interface CalendarDayDto {
  date: string;
  kind: CalendarDayKind;
  name: string;
  /** `rule` = computed from the law; `admin` = added by an administrator (can be removed) */
  source: 'rule' | 'admin';
  id: string | null;
}

export interface CalendarYearDto {
  year: number;
  /** every non-weekend day off and every weekend day worked, in date order */
  days: CalendarDayDto[];
}

export interface CreateCalendarExceptionRequest {
  date: string;
  kind: 'day_off' | 'working_day';
  name: string;
}

export interface DeadlineQuery {
  /** an ISO instant; counting starts on the next working day after it */
  from: string;
  workingDays: number;
}

export interface DeadlineDto {
  /** the last working day, `yyyy-MM-dd` */
  dueDate: string;
  /** end of that day (23:59:59.999 in Vietnam), ISO */
  dueAt: string;
}
