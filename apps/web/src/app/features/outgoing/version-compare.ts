import { DraftVersionChange, StoredFileDto } from '@app/contracts';

/** One row of the comparison table, already as text (a name, a size, a short hash). */
export interface ComparisonRow {
  /** translation key of the field's name */
  labelKey: string;
  from: string;
  to: string;
}

const LABEL_KEYS: Record<DraftVersionChange['field'], string> = {
  fileName: 'outgoing.compare.fields.fileName',
  mediaType: 'outgoing.compare.fields.mediaType',
  size: 'outgoing.compare.fields.size',
  sha256: 'outgoing.compare.fields.sha256',
  note: 'outgoing.compare.fields.note',
  uploadedBy: 'outgoing.compare.fields.uploadedBy',
  attachments: 'outgoing.compare.fields.attachments',
};

/** A file's size as a reader wants it: 1 234 567 → "1,2 MB". */
export function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1).replace('.', ',')} ${units[unit]}`;
}

/** The API sends the attachments as `{ name, sha256 }`; a file record is read by its name too. */
function attachmentNames(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((item: unknown) => (typeof item === 'string' ? item : (item as { name?: string } | null)?.name ?? (item as Partial<StoredFileDto> | null)?.originalName ?? ''))
    .filter((name) => name !== '')
    .join(', ');
}

function asText(field: DraftVersionChange['field'], value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field) {
    case 'size':
      return typeof value === 'number' ? readableSize(value) : String(value);
    // a full SHA-256 is unreadable; its first characters are enough to see that it changed
    case 'sha256':
      return String(value).slice(0, 12) + '…';
    case 'uploadedBy':
      return typeof value === 'object' ? ((value as { fullName?: string }).fullName ?? '—') : String(value);
    case 'attachments':
      return attachmentNames(value) || '—';
    default:
      return String(value);
  }
}

/** The API's list of changes as the rows of the small comparison table, in the API's order. */
export function comparisonRows(changes: readonly DraftVersionChange[]): ComparisonRow[] {
  return changes.map((change) => ({ labelKey: LABEL_KEYS[change.field], from: asText(change.field, change.from), to: asText(change.field, change.to) }));
}
