import { Language } from '../i18n/language';
import { formatVietnamDate } from '../i18n/vietnam-date.pipe';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formats = new Map<Language, Intl.RelativeTimeFormat>();

function formatFor(language: Language): Intl.RelativeTimeFormat {
  let format = formats.get(language);
  if (!format) {
    // numeric 'auto' says "hôm qua" / "yesterday" rather than "1 ngày trước"
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    formats.set(language, format);
  }
  return format;
}

/**
 * When a notification arrived, as people say it: "5 phút trước", "hôm qua". After a week the
 * date itself (dd/MM/yyyy HH:mm, Vietnam time) says more than "3 tuần trước".
 */
export function relativeTime(value: string, now: Date, language: Language): string {
  const instant = new Date(value);
  const elapsed = now.getTime() - instant.getTime();
  if (Number.isNaN(elapsed)) return '';
  const format = formatFor(language);
  // a clock slightly ahead of ours must not say "in 2 minutes"
  if (elapsed < MINUTE) return format.format(0, 'second');
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return format.format(-Math.floor(elapsed / DAY), 'day');
  return formatVietnamDate(instant, 'dateTime');
}
