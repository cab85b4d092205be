import { DOCUMENT_TYPES, DocumentTypeCode, IncomingState } from '@app/contracts';
import { VIETNAM_TIME_ZONE } from '../../core/i18n/vietnam-date.pipe';

/**
 * Số, ký hiệu are printed together as `15/QĐ-BYT` (Decree 30, Art. 15; the API joins them the same
 * way in `numberAndNotation`), and clerks often type the whole of it into the Số field: split it at
 * the first slash. Spaces around the parts go; the notation keeps its own dashes and letters.
 * Returns null when there is no slash, i.e. nothing to split.
 */
export function splitNumberAndNotation(text: string): { codeNumber: string; codeNotation: string } | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const codeNumber = text.slice(0, slash).trim();
  const codeNotation = text.slice(slash + 1).trim().replace(/\s*-\s*/g, '-');
  if (!codeNumber && !codeNotation) return null;
  return { codeNumber, codeNotation };
}

/**
 * The document type a notation reveals: the first group of `QĐ-BYT` is the type's abbreviation
 * (Appendix III). A notation whose first group is no type abbreviation is a công văn's
 * (`BNV-VP`: issuer, then drafting unit). Null when the notation is empty.
 */
export function inferDocumentType(codeNotation: string | null | undefined): DocumentTypeCode | null {
  const first = codeNotation?.trim().split('-')[0]?.trim();
  if (!first) return null;
  const exact = DOCUMENT_TYPES.find((type) => type.abbreviation === first);
  if (exact) return exact.code;
  const upper = first.toLocaleUpperCase('vi');
  const loose = DOCUMENT_TYPES.find((type) => type.abbreviation?.toLocaleUpperCase('vi') === upper);
  if (loose) return loose.code;
  // a single group is a bare number's notation or a typo, not yet a công văn pattern
  return codeNotation?.includes('-') ? 'official_letter' : null;
}

/** A calendar date picked in the browser (local midnight) as the API's `yyyy-MM-dd`. */
export function toIsoDate(date: Date): string {
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The API's `yyyy-MM-dd` as a local date for the datepicker; null when it is not one. */
export function fromIsoDate(value: string | null | undefined): Date | null {
  const match = value ? ISO_DATE.exec(value) : null;
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.getMonth() === Number(match[2]) - 1 ? date : null;
}

/**
 * A calendar date (`yyyy-MM-dd`, no time, no zone) as `dd/MM/yyyy`. Not through Date: a date has no
 * time zone, and parsing it as an instant could shift it by a day.
 */
export function formatIsoDate(value: string | null | undefined): string {
  const match = value ? ISO_DATE.exec(value) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date on a wall calendar in Vietnam, `yyyy-MM-dd`. */
export function vietnamToday(now: Date = new Date()): string {
  return VIETNAM_DAY.format(now);
}

/** The current year in Vietnam: registers restart their numbers every 1 January. */
export function vietnamYear(now: Date = new Date()): number {
  return Number(vietnamToday(now).slice(0, 4));
}

/** The date of one value and the time of day of another, e.g. a datepicker and a timepicker. */
export function combineDateAndTime(date: Date, time: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), time.getHours(), time.getMinutes(), 0, 0);
}

export type DueStatus = 'overdue' | 'today' | 'soon' | 'later';

/** How many days ahead counts as "soon" for a deadline (calendar days; the list only colours it). */
export const DUE_SOON_DAYS = 3;

/**
 * How pressing a deadline is, for colouring the Hạn xử lý column. Documents already handled
 * (done, rejected) have no pressing deadline: null, as for no deadline at all.
 */
export function dueStatus(dueOn: string | null | undefined, state: IncomingState, today: string): DueStatus | null {
  if (!dueOn || state === 'done' || state === 'rejected') return null;
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  const soon = fromIsoDate(today);
  if (!soon) return 'later';
  soon.setDate(soon.getDate() + DUE_SOON_DAYS);
  return dueOn <= toIsoDate(soon) ? 'soon' : 'later';
}
