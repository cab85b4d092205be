/** Vietnam keeps UTC+7 all year (no daylight saving), so the offset is a constant. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function parts(at: Date) {
  if (Number.isNaN(at.getTime())) throw new TypeError('not a valid date');
  const shifted = new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString(); // yyyy-MM-ddTHH:mm:ss.sssZ, in Vietnam time
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 19) };
}

/** ISO 8601 in Vietnam time, as Decree 30 wants the signing time shown: `2026-11-30T17:40:12+07:00`. */
export function vietnamIsoTimestamp(at: Date): string {
  const { date, time } = parts(at);
  return `${date}T${time}+07:00`;
}

/** `30/11/2026 17:40:12 +07:00`: the signing time as people read it. */
export function vietnamSigningTime(at: Date): string {
  const { date, time } = parts(at);
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year} ${time} +07:00`;
}

/** `ngày 05 tháng 01 năm 2026` (Decree 30: day below 10 and months 1–2 zero-padded). */
export function vietnamDateLine(at: Date): string {
  const [year, month, day] = parts(at).date.split('-');
  const monthNumber = Number(month);
  return `ngày ${day} tháng ${monthNumber <= 2 ? month : String(monthNumber)} năm ${year}`;
}
