/** Midnight in Hà Nội at the start of a `yyyy-MM-dd` day, as an instant PostgreSQL reads (Vietnam has no daylight saving). */
export function startOfVietnamDay(date: string): string {
  return `${date}T00:00:00+07:00`;
}

/** The calendar day after a `yyyy-MM-dd` day: ranges "up to and including `to`" end before it. */
export function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
