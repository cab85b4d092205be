import type { TaskRecurrenceFrequency } from '@app/contracts';
import { addDays, toDayNumber } from '../../platform/calendar/calendar-date';

/** ISO weekday of a date: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: string): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * The first day on or after `from` on which a recurring task is given: the weekday `day` (1–7)
 * each week, or the day `day` (1–28, so every month has it) each month.
 */
export function occurrenceOnOrAfter(frequency: TaskRecurrenceFrequency, day: number, from: string): string {
  if (frequency === 'weekly') return addDays(from, (day - isoWeekday(from) + 7) % 7);
  const [year, month, dayOfMonth] = from.split('-').map(Number);
  if (dayOfMonth <= day) return `${from.slice(0, 8)}${String(day).padStart(2, '0')}`;
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return `${next.year}-${String(next.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The occurrence after `on`. */
export function nextOccurrence(frequency: TaskRecurrenceFrequency, day: number, on: string): string {
  return occurrenceOnOrAfter(frequency, day, addDays(on, 1));
}

/**
 * Which occurrence to give when the job runs on `today` and the recurrence's next day is
 * `nextOn`: the latest occurrence not after today (days missed while the system was down are not
 * given one by one — only the current one matters), and the day after which it continues.
 */
export function dueOccurrence(frequency: TaskRecurrenceFrequency, day: number, nextOn: string, today: string): { on: string; next: string } | null {
  if (nextOn > today) return null;
  let on = nextOn;
  for (let next = nextOccurrence(frequency, day, on); next <= today; next = nextOccurrence(frequency, day, on)) on = next;
  return { on, next: nextOccurrence(frequency, day, on) };
}
