import { Pipe, PipeTransform } from '@angular/core';

/** Every date is stored in UTC and shown as it reads on a wall clock in Vietnam. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type VietnamDateFormat = 'date' | 'dateTime';

// en-GB gives two-digit day and month parts; the order is assembled below, not taken from the locale.
const PARTS_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Formats an instant as `dd/MM/yyyy` (or `dd/MM/yyyy HH:mm`) in Vietnam's time zone, in both interface
 * languages alike: administrative documents always write dates this way. Empty or invalid input gives ''.
 */
export function formatVietnamDate(value: string | number | Date | null | undefined, format: VietnamDateFormat = 'date'): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  const parts: Record<string, string> = {};
  for (const part of PARTS_FORMAT.formatToParts(instant)) parts[part.type] = part.value;
  const date = `${parts['day']}/${parts['month']}/${parts['year']}`;
  return format === 'dateTime' ? `${date} ${parts['hour']}:${parts['minute']}` : date;
}

@Pipe({ name: 'vietnamDate' })
export class VietnamDatePipe implements PipeTransform {
  transform(value: string | number | Date | null | undefined, format: VietnamDateFormat = 'date'): string {
    return formatVietnamDate(value, format);
  }
}
