/** Vietnam has no daylight saving time: a day there is [00:00+07:00, next 00:00+07:00). */
export function vietnamDayRange(from: string, to: string): { start: Date; end: Date; days: number } {
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 24 * 3600_000);
  const days = Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) ? 0 : Math.round((end.getTime() - start.getTime()) / (24 * 3600_000));
  return { start, end, days };
}
