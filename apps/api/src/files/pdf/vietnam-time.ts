const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `dd/MM/yyyy HH:mm` in Vietnam time (what a clerk writes on the stamp), whatever the server's zone. */
export function formatVietnamDateTime(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new TypeError('not a valid date');
  const part = Object.fromEntries(VIETNAM_TIME.formatToParts(at).map(({ type, value }) => [type, value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}
