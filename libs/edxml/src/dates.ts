/**
 * edXML dates. The standard writes `yyyy/MM/dd` and `yyyy/MM/dd HH:mm:ss` in Vietnam time (UTC+7, no
 * daylight saving); some senders write `dd/MM/yyyy` (Bkav's Tây Ninh hub) or ISO `yyyy-MM-dd`.
 * Inside the library a date is `YYYY-MM-DD` and an instant `YYYY-MM-DDTHH:mm:ss+07:00`.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const YEAR_FIRST = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DAY_FIRST = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function partsOf(text: string): Parts | null {
  const trimmed = text.trim();
  const yearFirst = YEAR_FIRST.exec(trimmed);
  const dayFirst = yearFirst ? null : DAY_FIRST.exec(trimmed);
  if (!yearFirst && !dayFirst) return null;
  const [year, month, day] = yearFirst ? [yearFirst[1], yearFirst[2], yearFirst[3]] : [dayFirst![3], dayFirst![2], dayFirst![1]];
  const time = (yearFirst ?? dayFirst)!.slice(4, 7);
  const parts: Parts = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(time[0] ?? 0),
    minute: Number(time[1] ?? 0),
    second: Number(time[2] ?? 0),
  };
  const check = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  const real = check.getUTCFullYear() === parts.year && check.getUTCMonth() === parts.month - 1 && check.getUTCDate() === parts.day;
  if (!real || parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  return parts;
}

/** `2018/09/28`, `30/10/2020`, `2018-09-28` → `2018-09-28`; null when not a real date. */
export function parseEdxmlDate(text: string): string | null {
  const parts = partsOf(text);
  return parts ? `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}` : null;
}

/** `2018/09/28 14:05:00` (Vietnam time) → `2018-09-28T14:05:00+07:00`; null when not a real date. */
export function parseEdxmlTimestamp(text: string): string | null {
  const trimmed = text.trim();
  if (ISO_INSTANT.test(trimmed)) return toVietnamIso(new Date(trimmed));
  const parts = partsOf(trimmed);
  if (!parts) return null;
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}+07:00`;
}

function toVietnamIso(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+07:00`;
}

/** `2018-09-28` → `2018/09/28` for the wire; null when not a date. */
export function formatEdxmlDate(date: string): string | null {
  const parsed = parseEdxmlDate(date);
  return parsed ? parsed.replaceAll('-', '/') : null;
}

/** an ISO instant (any offset) or a Date → `yyyy/MM/dd HH:mm:ss` in Vietnam time; null when not an instant. */
export function formatEdxmlTimestamp(instant: string | Date): string | null {
  const iso = instant instanceof Date ? toVietnamIso(instant) : parseEdxmlTimestamp(instant);
  if (!iso) return null;
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 19)}`;
}
