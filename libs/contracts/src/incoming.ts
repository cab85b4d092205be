import type { Confidentiality, DocumentTypeCode, Urgency } from './documents';
import type { StoredFileDto } from './files';

/** How an incoming document reached the agency. */
export const RECEIPT_CHANNELS = ['paper', 'email', 'axis', 'upload'] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];

/** registered → submitted → assigned → in_progress → done; returned and rejected on the side. */
export const INCOMING_STATES = ['received', 'registered', 'submitted', 'assigned', 'in_progress', 'done', 'returned', 'rejected'] as const;
export type IncomingState = (typeof INCOMING_STATES)[number];
export const INCOMING_STATE_LABELS: Record<IncomingState, { vi: string; en: string }> = {
  received: { vi: 'Chờ vào sổ', en: 'To register' },
  registered: { vi: 'Đã vào sổ', en: 'Registered' },
  submitted: { vi: 'Đã trình', en: 'Submitted' },
  assigned: { vi: 'Đã phân công', en: 'Assigned' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  rejected: { vi: 'Từ chối tiếp nhận', en: 'Refused' },
};

/** The metadata of Decree 30/2020 Appendix VI for an incoming document, as the clerk enters it. */
export interface IncomingMetadata {
  /** Cơ quan ban hành: the name as printed; the organ id when it is in the directory */
  issuerName: string;
  issuerOrganId?: string | null;
  /** Số: up to 11 characters, e.g. `15` or `1234` */
  codeNumber?: string | null;
  /** Ký hiệu: up to 30 characters, e.g. `QĐ-BYT` */
  codeNotation?: string | null;
  /** Ngày ban hành, `yyyy-MM-dd` */
  promulgatedOn: string;
  documentType: DocumentTypeCode;
  /** Trích yếu, up to 500 characters */
  subject: string;
  signerName?: string | null;
  signerPosition?: string | null;
  urgency: Urgency;
  confidentiality: Confidentiality;
  pageCount?: number | null;
  /** Hạn xử lý stated on the document, `yyyy-MM-dd` */
  dueOn?: string | null;
  /** Nơi nhận as printed (ToPlaces), up to 1000 characters */
  recipientsText?: string | null;
}

export interface RegisterIncomingRequest extends IncomingMetadata {
  registerId: string;
  receivedVia: ReceiptChannel;
  /** when it arrived; defaults to now */
  arrivedAt?: string;
  /** a file uploaded through POST /api/files: the scanned or received document (PDF, DOCX, …) */
  mainFileId: string;
  attachmentFileIds?: string[];
}

export interface IncomingDocumentSummaryDto {
  id: string;
  registerId: string;
  arrivalNumber: number | null;
  arrivalYear: number | null;
  arrivedAt: string;
  issuerName: string;
  codeNumber: string | null;
  codeNotation: string | null;
  /** `15/QĐ-BYT` as written on the document */
  numberAndNotation: string | null;
  promulgatedOn: string;
  documentType: DocumentTypeCode;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  dueOn: string | null;
  state: IncomingState;
}

export interface IncomingDocumentDto extends IncomingDocumentSummaryDto {
  issuerOrganId: string | null;
  signerName: string | null;
  signerPosition: string | null;
  pageCount: number | null;
  recipientsText: string | null;
  receivedVia: ReceiptChannel;
  registeredAt: string | null;
  registeredBy: { id: string; fullName: string } | null;
  mainFile: StoredFileDto;
  /** the registered copy with the "ĐẾN" stamp drawn on its first page, once made */
  stampedFile: StoredFileDto | null;
  /** a copy with a text layer made by OCR from a scan, once made */
  searchableFile: StoredFileDto | null;
  attachments: StoredFileDto[];
  /** null while the text is being extracted */
  hasTextLayer: boolean | null;
  /** the leader it was last submitted to (trình), who may direct or refuse it */
  submittedTo: { id: string; fullName: string } | null;
  /** the reply sent when it was completed, as its number and date (`120/BYT-PC ngày 28/11/2026`) */
  replyReference: string | null;
  /** why it was refused (từ chối tiếp nhận), when it was */
  rejectionReason: string | null;
  /** the outgoing document of this agency it is a copy of, when a unit received it by internal dispatch */
  sourceOutgoingId: string | null;
  /** when its sender recalled (or replaced) it: no longer worked on, kept with its history */
  recalledAt: string | null;
  version: number;
}

/**
 * The clerk registers a document that arrived through the System (from the axis, or dispatched by
 * a unit of this agency): it gets the next arrival number; nothing is re-typed.
 */
export interface RegisterReceivedRequest {
  /** another register than the one it was put in on arrival (same confidentiality rules) */
  registerId?: string | null;
  version: number;
}

/** A registration answers with the document and, as a warning only, documents that look the same. */
export interface RegisterIncomingResult {
  document: IncomingDocumentDto;
  possibleDuplicates: IncomingDocumentSummaryDto[];
}

export interface IncomingHistoryEntryDto {
  at: string;
  actor: { id: string; fullName: string } | null;
  action: string;
  details: Record<string, unknown> | null;
}

/** Chủ trì / Phối hợp / Để biết. */
export const ASSIGNMENT_ROLES = ['lead', 'support', 'inform'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_ROLE_LABELS: Record<AssignmentRole, { vi: string; en: string }> = {
  lead: { vi: 'Chủ trì', en: 'Lead' },
  support: { vi: 'Phối hợp', en: 'Support' },
  inform: { vi: 'Để biết', en: 'For information' },
};

export const ASSIGNMENT_STATES = ['pending', 'in_progress', 'done', 'returned'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** Exactly one of unitId and userId. */
export interface AssigneeInput {
  role: AssignmentRole;
  unitId?: string | null;
  userId?: string | null;
}

/** The clerk sends the document up to a leader for direction (trình). */
export interface SubmitIncomingRequest {
  leaderId: string;
  note?: string | null;
  version: number;
}

/** The leader's directive (ý kiến chỉ đạo) and who handles the document. */
export interface DirectIncomingRequest {
  directive: string;
  assignees: AssigneeInput[];
  /** a date, `yyyy-MM-dd`, or a number of working days from now — not both */
  dueOn?: string | null;
  dueInWorkingDays?: number | null;
  version: number;
}

/** An assignee's progress note, return reason, or completion note. */
export interface AssignmentNoteRequest {
  text: string;
}

/** Completing one's part; the lead may name the reply document that settles it. */
export interface AssignmentCompletionRequest extends AssignmentNoteRequest {
  replyReference?: string | null;
}

/** The clerk (or the leader it was submitted to) refuses a document: wrongly addressed, not the agency's business. */
export interface RejectIncomingRequest {
  reason: string;
  version: number;
}

/** A unit head passes the unit's part on to one of its officers. */
export interface DelegateAssignmentRequest {
  userId: string;
  note?: string | null;
  dueOn?: string | null;
}

export interface AssignmentDto {
  id: string;
  documentId: string;
  role: AssignmentRole;
  unit: { id: string; name: string } | null;
  user: { id: string; fullName: string } | null;
  assignedBy: { id: string; fullName: string };
  assignedAt: string;
  directive: string | null;
  dueOn: string | null;
  state: AssignmentState;
  parentId: string | null;
  completedAt: string | null;
  note: string | null;
  version: number;
}

/**
 * The lists each role works from (GET /api/incoming-documents?view=…). All of them are also limited
 * to what the user may see.
 * - `all`: every visible document (the register as a clerk or leader reads it)
 * - `to_register`: received over the axis or by upload and not yet given an arrival number (clerks)
 * - `to_direct`: submitted to me and not yet directed (leaders)
 * - `assigned_to_me`: my own open parts, as lead (directly or passed on to me by my unit head)
 * - `my_unit`: open parts given to my unit as lead
 * - `supporting`: open parts as support, mine or my unit's
 * - `for_information`: parts given to me or my unit "for information"
 * - `due_soon`: open, with a deadline within the next 3 working days
 * - `overdue`: open, past its deadline
 * - `done`: completed
 */
export const INCOMING_VIEWS = ['all', 'to_register', 'to_direct', 'assigned_to_me', 'my_unit', 'supporting', 'for_information', 'due_soon', 'overdue', 'done'] as const;
export type IncomingView = (typeof INCOMING_VIEWS)[number];

export const INCOMING_SORTS = ['arrived_desc', 'arrived_asc', 'due_asc'] as const;
export type IncomingSort = (typeof INCOMING_SORTS)[number];

/** Query of GET /api/incoming-documents; every field optional; dates `yyyy-MM-dd` (Vietnam). */
export interface IncomingListQuery {
  view?: IncomingView;
  registerId?: string;
  year?: number;
  /** part of the issuer's name, accents and case ignored */
  issuer?: string;
  documentType?: DocumentTypeCode;
  urgency?: Urgency;
  state?: IncomingState;
  arrivedFrom?: string;
  arrivedTo?: string;
  /** documents whose open work (lead or support) the unit holds, itself or through one of its people — the dashboard's click-through */
  unitId?: string;
  sort?: IncomingSort;
  cursor?: string;
  limit?: number;
}

/**
 * GET /api/incoming-documents/counts: how many in each working list, for the badges. A count
 * stops at INCOMING_COUNT_LIMIT (show it as "1000+"), so a badge stays cheap on a million documents.
 */
export const INCOMING_COUNT_LIMIT = 1000;
export type IncomingCounts = Record<Exclude<IncomingView, 'all' | 'done'>, number>;

/** GET /api/incoming-documents/workload (leaders): per unit, its open documents. */
export interface UnitWorkloadDto {
  unit: { id: string; name: string };
  inProgress: number;
  dueSoon: number;
  overdue: number;
}

/** A piece of a search snippet; `match` pieces are shown highlighted. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** GET /api/incoming-documents/search?q=…&limit=&cursor=: ranked, accents and case ignored. */
export interface IncomingSearchHitDto {
  document: IncomingDocumentSummaryDto;
  /** where the words were found: the subject, the issuer, the number, or the document's text */
  foundIn: 'metadata' | 'text';
  snippet: SnippetPart[];
  rank: number;
}
