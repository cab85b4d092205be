import type { Retention } from '@app/contracts';

/**
 * Retention (thời hạn bảo quản) and the time limits that follow from it, pure so the rules are
 * tested without a database. In the database a retention is a number of years, NULL for permanent.
 */
export const toRetention = (years: number | null): Retention => (years === null ? 'permanent' : years);
export const toRetentionYears = (retention: Retention): number | null => (retention === 'permanent' ? null : retention);

/** Decree 30 Art. 30: every case file kept 5 years or more goes to the agency archive. */
export const HANDOVER_MIN_YEARS = 5;

export function mustBeHandedOver(retentionYears: number | null): boolean {
  return retentionYears === null || retentionYears >= HANDOVER_MIN_YEARS;
}

/** `yyyy-MM-dd` plus whole years; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = year + years;
  const last = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** `yyyy-MM-dd` plus days (negative to go back). */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/**
 * Decree 30 Art. 30: the handover is due within one year from the day the work ended (the case
 * file's end date). Null where nothing is due: still open, or kept under 5 years.
 */
export function handoverDueOn(endDate: string | null, retentionYears: number | null): string | null {
  if (!endDate || !mustBeHandedOver(retentionYears)) return null;
  return addYears(endDate, 1);
}

/** Reminders go out from 30 days before the time limit (Appendix VI Part I §III). */
export const HANDOVER_REMINDER_DAYS = 30;

/** The last day of the retention (end + N years); null for permanent files, which never expire. */
export function retentionExpiresOn(endDate: string | null, retentionYears: number | null): string | null {
  if (!endDate || retentionYears === null) return null;
  return addYears(endDate, retentionYears);
}

/** How a retention is written on the forms: `20 năm`, `Vĩnh viễn`. */
export function retentionLabel(retention: Retention): string {
  return retention === 'permanent' ? 'Vĩnh viễn' : `${retention} năm`;
}
