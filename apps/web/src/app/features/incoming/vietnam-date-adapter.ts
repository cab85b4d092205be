import { Injectable, Provider, effect, inject } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MatDateFormats, NativeDateAdapter } from '@angular/material/core';
import { LanguageService } from '../../core/i18n/language.service';

/**
 * Reads a date as Vietnamese clerks type it: day first, always (`20/11/2026`, `20-11-2026`,
 * `20.11.2026`), also without separators (`20112026`, `201126`), with a two-digit year (`20/11/26`)
 * or without a year (`20/11`, this year), and the ISO form `2026-11-20`. Gives a local date at
 * midnight, or null when the text is no real date (31/02 is none).
 */
export function parseVietnameseDate(text: string, today: Date = new Date()): Date | null {
  const value = text.trim();
  let day: number;
  let month: number;
  let year: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/.\-\s]+(\d{1,2})(?:[/.\-\s]+(\d{2}|\d{4}))?$/.exec(value))) {
    [day, month] = [Number(match[1]), Number(match[2])];
    year = match[3] === undefined ? today.getFullYear() : Number(match[3]);
    if (match[3]?.length === 2) year += 2000;
  } else if ((match = /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(value))) {
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3].length === 2) year += 2000;
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2999) return null;
  const date = new Date(year, month - 1, day);
  // 31/04 rolls over to 01/05 in Date: refuse it instead
  return date.getDate() === day && date.getMonth() === month - 1 ? date : null;
}

/** `dd/MM/yyyy` for a local date, as administrative documents write it (Decree 30, Appendix I). */
export function formatDayMonthYear(date: Date): string {
  const day = String(date.getDate()).padStart(2, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  return `${day}/${month}/${date.getFullYear()}`;
}

/** The marker for "the text in a date field": dd/MM/yyyy in both interface languages. */
export const DAY_MONTH_YEAR = Object.freeze({ dayMonthYear: true });

export const VIETNAM_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: DAY_MONTH_YEAR, timeInput: null },
  display: {
    dateInput: DAY_MONTH_YEAR,
    monthLabel: { month: 'short' },
    monthYearLabel: { year: 'numeric', month: 'long' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
    timeInput: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    timeOptionLabel: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  },
};

/**
 * The native adapter with the date fields written and read day first, a week that starts on Monday
 * (as in Vietnam), and the calendar's month names in the interface language.
 */
@Injectable()
export class VietnamDateAdapter extends NativeDateAdapter {
  constructor() {
    super();
    const language = inject(LanguageService);
    effect(() => this.setLocale(language.current() === 'en' ? 'en-GB' : 'vi-VN'));
  }

  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (parseFormat === DAY_MONTH_YEAR && typeof value === 'string') {
      if (value.trim() === '') return null;
      return parseVietnameseDate(value) ?? this.invalid();
    }
    return super.parse(value, parseFormat);
  }

  override format(date: Date, displayFormat: object): string {
    if (displayFormat === DAY_MONTH_YEAR) {
      if (!this.isValid(date)) throw Error('VietnamDateAdapter: cannot format an invalid date.');
      return formatDayMonthYear(date);
    }
    return super.format(date, displayFormat);
  }

  override getFirstDayOfWeek(): number {
    return 1;
  }
}

/** For a route's providers: the datepickers and timepickers below it use the adapter above. */
export function provideVietnamDateAdapter(): Provider[] {
  return [
    { provide: DateAdapter, useClass: VietnamDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: VIETNAM_DATE_FORMATS },
  ];
}
