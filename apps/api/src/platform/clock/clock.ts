import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The one source of "now" for rules that depend on the date (yearly numbering, deadlines).
 * Tests replace `now` to step across a new year without waiting for one.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}

const VIETNAM_YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' });

/** The calendar year of an instant in Vietnam (1 January 00:30 in Hà Nội is still 31 December in UTC). */
export function vietnamYear(instant: Date): number {
  return Number(VIETNAM_YEAR.format(instant));
}

const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of an instant in Vietnam, `yyyy-MM-dd`. */
export function vietnamDate(instant: Date): string {
  return VIETNAM_DATE.format(instant);
}
