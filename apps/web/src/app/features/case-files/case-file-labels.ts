import { HttpErrorResponse } from '@angular/common/http';
import type { CaseFileState, ClosingReason, Retention } from '@app/contracts';

/** The translation key of a retention: `caseFiles.retention.permanent`, or years with a count. */
export function retentionText(retention: Retention, language: 'vi' | 'en'): string {
  if (retention === 'permanent') return language === 'vi' ? 'Vĩnh viễn' : 'Permanent';
  return language === 'vi' ? `${retention} năm` : `${retention} years`;
}

/** Retention as typed in a form: a number of years, or empty / "permanent" for permanent. */
export function parseRetention(value: string | number | null | undefined): Retention | null {
  if (value === 'permanent') return 'permanent';
  const years = Number(value);
  return Number.isInteger(years) && years >= 1 && years <= 100 ? years : null;
}

export const STATE_ICONS: Readonly<Record<CaseFileState, string>> = { open: 'folder_open', closed: 'lock', archived: 'inventory_2' };

/** The actions the API writes into a case file's timeline. */
export const CASE_FILE_HISTORY_ACTIONS = ['opened', 'updated', 'document_linked', 'document_updated', 'document_removed', 'note_added', 'shared', 'unshared', 'closed', 'archived'] as const;

export function historyActionKey(action: string): string {
  return (CASE_FILE_HISTORY_ACTIONS as readonly string[]).includes(action) ? `caseFiles.history.${action}` : 'caseFiles.history.other';
}

/** The reasons a closing was refused (422 `CASE_FILE_INCOMPLETE`), or null for any other failure. */
export function closingReasons(error: unknown): ClosingReason[] | null {
  if (!(error instanceof HttpErrorResponse) || error.error?.code !== 'CASE_FILE_INCOMPLETE') return null;
  const reasons = (error.error.details as { reasons?: unknown } | undefined)?.reasons;
  return Array.isArray(reasons) ? (reasons as ClosingReason[]) : null;
}
