import type { PersonRef } from './outgoing';

/**
 * Case files (hồ sơ công việc) and the archive (Decree 30/2020 Art. 28–31, Appendix V and VI;
 * Circular 02/2019/TT-BNV). Retention (thời hạn bảo quản) is a number of years or `permanent`.
 */
export type Retention = number | 'permanent';

/** Chế độ sử dụng (Appendix VI "Rights"): open to readers of the archive, or only with approval. */
export const USAGE_MODES = ['public', 'restricted'] as const;
export type UsageMode = (typeof USAGE_MODES)[number];
export const USAGE_MODE_LABELS: Record<UsageMode, { vi: string; en: string }> = {
  public: { vi: 'Công khai', en: 'Public' },
  restricted: { vi: 'Hạn chế sử dụng', en: 'Restricted' },
};

/**
 * `open` while the work goes on; `closed` (kết thúc hồ sơ) is read-only; `archived` once the
 * archivist received it (nộp lưu).
 */
/**
 * Kept in the system (`electronic`: processed online) or on paper, recorded only so the plan and
 * the figures are complete (the e-government target counts the electronic share).
 */
export const CASE_FILE_MEDIA = ['electronic', 'paper'] as const;
export type CaseFileMedium = (typeof CASE_FILE_MEDIA)[number];

/** Error codes of case files and the archive. */
export const CaseFileErrorCode = {
  CaseFileNotFound: 'CASE_FILE_NOT_FOUND',
  CaseFileClosed: 'CASE_FILE_CLOSED',
  CaseFileIncomplete: 'CASE_FILE_INCOMPLETE',
  DuplicateCaseFileCode: 'DUPLICATE_CASE_FILE_CODE',
  DocumentAlreadyLinked: 'DOCUMENT_ALREADY_LINKED',
  FilePlanNotFound: 'FILE_PLAN_NOT_FOUND',
  FilePlanExists: 'FILE_PLAN_EXISTS',
  FilePlanApproved: 'FILE_PLAN_APPROVED',
  NotHandoverable: 'NOT_HANDOVERABLE',
  BorrowNotFound: 'BORROW_REQUEST_NOT_FOUND',
} as const;

export const CASE_FILE_STATES = ['open', 'closed', 'archived'] as const;
export type CaseFileState = (typeof CASE_FILE_STATES)[number];

/** Where a linked document comes from; an internal paper is a file uploaded into the case file itself. */
export const CASE_FILE_DOCUMENT_KINDS = ['incoming', 'outgoing', 'internal'] as const;
export type CaseFileDocumentKind = (typeof CASE_FILE_DOCUMENT_KINDS)[number];

export const CASE_FILE_SHARE_ACCESS = ['read', 'contribute'] as const;
export type CaseFileShareAccess = (typeof CASE_FILE_SHARE_ACCESS)[number];

// ---- the yearly file plan (danh mục hồ sơ) ----

export type FilePlanState = 'draft' | 'approved';

export interface FilePlanEntryDto {
  id: string;
  headingId: string;
  /** `01.TCCB`: the ordinal and the abbreviation of the heading */
  code: string;
  title: string;
  retention: Retention;
  keeper: PersonRef | null;
  note: string | null;
  /** the case file opened from this entry, if any */
  caseFileId: string | null;
}

export interface FilePlanHeadingDto {
  id: string;
  /** `TCCB`: the abbreviation used in the codes of the files under it */
  code: string;
  title: string;
  entries: FilePlanEntryDto[];
}

export interface FilePlanSummary {
  id: string;
  year: number;
  state: FilePlanState;
}

export interface FilePlanDto {
  id: string;
  year: number;
  state: FilePlanState;
  approvedBy: PersonRef | null;
  approvedAt: string | null;
  headings: FilePlanHeadingDto[];
  version: number;
}

export interface CreateFilePlanRequest {
  year: number;
  /** copy the headings and entries of the plan of that year */
  copyFromYear?: number;
}

export interface FilePlanHeadingInput {
  code: string;
  title: string;
}

export interface FilePlanEntryInput {
  headingId: string;
  /** `01`: the ordinal; the code becomes `01.<heading code>` */
  ordinal: string;
  title: string;
  retention: Retention;
  keeperId?: string | null;
  note?: string | null;
}

// ---- case files ----

export interface CaseFileSummaryDto {
  id: string;
  year: number;
  code: string;
  title: string;
  retention: Retention;
  usageMode: UsageMode;
  medium: CaseFileMedium;
  keeper: PersonRef;
  unit: { id: string; name: string } | null;
  startDate: string;
  endDate: string | null;
  state: CaseFileState;
  documentCount: number;
  pageCount: number | null;
  /** the last day to hand it over to the archive (1 year after its end), for files of 5 years or more */
  handoverDueOn: string | null;
  updatedAt: string;
}

export interface CaseFileDocumentDto {
  id: string;
  kind: CaseFileDocumentKind;
  /** the incoming or outgoing document; null for an internal paper */
  documentId: string | null;
  position: number;
  title: string;
  numberAndNotation: string | null;
  documentDate: string | null;
  typeName: string | null;
  author: string | null;
  pageCount: number | null;
  /** the final, signed or registered version exists */
  final: boolean;
  files: { id: string; name: string; mediaType: string; size: number; sha256: string }[];
  addedBy: PersonRef | null;
  addedAt: string;
}

export interface CaseFileNoteDto {
  id: string;
  author: PersonRef | null;
  text: string;
  createdAt: string;
}

export interface CaseFileHistoryEntryDto {
  at: string;
  actor: PersonRef | null;
  action: string;
  details: Record<string, unknown> | null;
}

export interface CaseFileShareDto {
  user: PersonRef;
  access: CaseFileShareAccess;
}

export interface CaseFileDto extends CaseFileSummaryDto {
  planEntryId: string | null;
  description: string | null;
  language: string;
  documents: CaseFileDocumentDto[];
  shares: CaseFileShareDto[];
  closedAt: string | null;
  closedBy: PersonRef | null;
  archivedAt: string | null;
  handoverId: string | null;
  /** what the caller may do: `read`, `contribute` (link, note), `manage` (share, close, edit) */
  access: 'read' | 'contribute' | 'manage' | 'archive';
  version: number;
}

export interface OpenCaseFileRequest {
  /** from the plan: code, title, retention and keeper come from the entry unless given */
  planEntryId?: string;
  code?: string;
  title?: string;
  retention?: Retention;
  usageMode?: UsageMode;
  medium?: CaseFileMedium;
  keeperId?: string;
  startDate?: string;
  description?: string | null;
}

export interface UpdateCaseFileRequest {
  title?: string;
  retention?: Retention;
  usageMode?: UsageMode;
  description?: string | null;
  version: number;
}

export interface LinkDocumentRequest {
  kind: CaseFileDocumentKind;
  /** incoming or outgoing */
  documentId?: string;
  /** internal: the uploaded file (POST /api/files) and what it is */
  fileId?: string;
  title?: string;
  numberAndNotation?: string | null;
  documentDate?: string | null;
  typeName?: string | null;
  author?: string | null;
  pageCount?: number | null;
}

export interface UpdateCaseFileDocumentRequest {
  title?: string;
  numberAndNotation?: string | null;
  documentDate?: string | null;
  typeName?: string | null;
  author?: string | null;
  pageCount?: number | null;
}

/** Why a case file cannot be closed yet (kết thúc hồ sơ). */
export const CLOSING_PROBLEMS = ['no_documents', 'missing_metadata', 'not_final', 'duplicate'] as const;
export type ClosingProblem = (typeof CLOSING_PROBLEMS)[number];

export interface ClosingReason {
  problem: ClosingProblem;
  /** the linked document concerned, if one */
  caseFileDocumentId: string | null;
  /** the missing fields, for missing_metadata */
  fields?: string[];
  message: string;
  messageEn: string;
}

export interface ClosingCheckDto {
  complete: boolean;
  reasons: ClosingReason[];
  documentCount: number;
  pageCount: number;
}

export interface CaseFileListQuery {
  view?: 'mine' | 'shared' | 'unit' | 'to_hand_over' | 'archive';
  year?: number;
  state?: CaseFileState;
  q?: string;
  cursor?: string;
  limit?: number;
}

// ---- archive ----

export interface ArchiveHandoverDto {
  id: string;
  /** one per year: `03/2026` */
  number: string;
  unit: { id: string; name: string } | null;
  deliveredBy: PersonRef | null;
  receivedBy: PersonRef;
  receivedAt: string;
  caseFiles: CaseFileSummaryDto[];
  fileCount: number;
  documentCount: number;
  pageCount: number;
}

export interface CreateHandoverRequest {
  caseFileIds: string[];
  note?: string | null;
}

export type BorrowState = 'pending' | 'approved' | 'refused' | 'returned';

export interface BorrowRequestDto {
  id: string;
  caseFile: { id: string; code: string; title: string };
  requester: PersonRef;
  purpose: string;
  until: string;
  state: BorrowState;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
  version: number;
}

export interface CreateBorrowRequest {
  caseFileId: string;
  purpose: string;
  until: string;
}

export interface DecideBorrowRequest {
  decision: 'approve' | 'refuse' | 'return';
  note?: string | null;
  version: number;
}

export interface RetentionExpiryDto {
  caseFile: CaseFileSummaryDto;
  /** the end of the retention: end date + N years */
  expiresOn: string;
}

/** Share of case files processed online (hồ sơ xử lý trên môi trường mạng), by unit and year. */
export interface OnlineShareRow {
  unitId: string | null;
  unitName: string | null;
  year: number;
  total: number;
  online: number;
  /** online / total, 0..1 (0 when there is none) */
  share: number;
}
