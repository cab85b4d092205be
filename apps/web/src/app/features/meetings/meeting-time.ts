/**
 * Dates of the meetings' screens, always in Vietnam time (UTC+7, no daylight saving), whatever
 * the device's own time zone: the weekly schedule runs Monday to Sunday in Hà Nội.
 */
const DAY_MS = 24 * 3600_000;
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The Vietnam calendar day of an instant, yyyy-mm-dd. */
export function vietnamDay(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnam wall-clock time of an instant, HH:mm. */
export function vietnamClock(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(11, 16);
}

/** A day plus some days, yyyy-mm-dd. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week holding the day. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}

/** The seven days of the week starting that Monday. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The ISO week number of the week starting that Monday (tuần 49). */
export function weekNumber(monday: string): number {
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
}

/** A `datetime-local` value typed as Vietnam time, as an instant: 2026-12-07T08:00 → 2026-12-07T08:00:00+07:00. */
export function vietnamLocalToIso(local: string): string {
  return new Date(`${local}:00+07:00`).toISOString();
}

/** An instant as a `datetime-local` value in Vietnam time. */
export function isoToVietnamLocal(instant: string): string {
  return new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/** The items of each day, in start order; an item spanning days shows on each of them. */
export function byDay<T extends { startsAt: string; endsAt: string }>(items: readonly T[], days: readonly string[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>(days.map((day) => [day, []]));
  for (const item of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const first = vietnamDay(item.startsAt);
    // an end at midnight belongs to the day before
    const last = vietnamDay(new Date(new Date(item.endsAt).getTime() - 1));
    for (const day of days) if (day >= first && day <= last) grouped.get(day)?.push(item);
  }
  return grouped;
}
