/**
 * Outgoing documents (văn bản đi), Decree 30/2020 Art. 10–19: a draft is written, reviewed along a
 * chain (the drafting unit's head, the check of form, the signer), then signed, numbered, sealed
 * and dispatched. This part covers drafting and approval; the later states are listed already so
 * that the next parts continue the same machine.
 */
import type { Confidentiality, DocumentTypeCode, Urgency } from './documents';
import type { StoredFileDto } from './files';

/**
 * draft → in_review → (returned → in_review) → approved (by the signer) → form_checked (ready to
 * sign) → signed → issued → dispatched; recalled / replaced afterwards. `approved` is the state in
 * which the signer has approved but the check of form still waits (Decree 30 orders it after the
 * approval); with the check done before the approval, the approval goes straight to form_checked.
 */
export const OUTGOING_STATES = ['draft', 'in_review', 'returned', 'approved', 'form_checked', 'signed', 'issued', 'dispatched', 'recalled', 'replaced'] as const;
export type OutgoingState = (typeof OUTGOING_STATES)[number];
export const OUTGOING_STATE_LABELS: Record<OutgoingState, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  in_review: { vi: 'Đang trình duyệt', en: 'In review' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  form_checked: { vi: 'Đã kiểm tra thể thức, chờ ký', en: 'Form checked, ready to sign' },
  signed: { vi: 'Đã ký', en: 'Signed' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  dispatched: { vi: 'Đã phát hành', en: 'Dispatched' },
  recalled: { vi: 'Đã thu hồi', en: 'Recalled' },
  replaced: { vi: 'Đã thay thế', en: 'Replaced' },
};

/** review: content (the unit head, a colleague); form_check: thể thức (a designated clerk); approve: the signer. */
export const REVIEW_STEP_KINDS = ['review', 'form_check', 'approve'] as const;
export type ReviewStepKind = (typeof REVIEW_STEP_KINDS)[number];
export const REVIEW_STEP_KIND_LABELS: Record<ReviewStepKind, { vi: string; en: string }> = {
  review: { vi: 'Xem xét nội dung', en: 'Content review' },
  form_check: { vi: 'Kiểm tra thể thức', en: 'Check of form' },
  approve: { vi: 'Duyệt ký', en: 'Approval by the signer' },
};

/** waiting: not reached yet; current: the reviewer's turn; done: passed on; returned: sent back to the drafter. */
export const REVIEW_STEP_STATES = ['waiting', 'current', 'done', 'returned'] as const;
export type ReviewStepState = (typeof REVIEW_STEP_STATES)[number];

/** A reviewer's answer: pass it on (forward, form checked, approved — by the step's kind) or return it with a comment. */
export const REVIEW_DECISIONS = ['approve', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * Working lists: the caller's own drafts, the drafts waiting for the caller, the approved ones the
 * caller sees, and (for the clerks) the signed ones waiting to be numbered and issued.
 */
export const OUTGOING_VIEWS = ['mine', 'waiting', 'approved', 'to_issue'] as const;
export type OutgoingView = (typeof OUTGOING_VIEWS)[number];

/**
 * Why a draft has no PDF to sign yet, for the UI to say:
 * - `not_approved`: the signer has not approved it yet (a DOCX is converted on approval);
 * - `conversion_pending`: approved, the DOCX is being converted (or the conversion was interrupted: ask for it again);
 * - `converter_unavailable`: the main file is DOCX and LibreOffice is not installed on the server — only a PDF can be signed;
 * - `conversion_failed`: LibreOffice could not convert the file.
 */
export const PDF_FOR_SIGNING_ISSUES = ['not_approved', 'conversion_pending', 'converter_unavailable', 'conversion_failed'] as const;
export type PdfForSigningIssue = (typeof PDF_FOR_SIGNING_ISSUES)[number];
/** What the UI says where the PDF to sign would be. */
export const PDF_FOR_SIGNING_ISSUE_LABELS: Record<PdfForSigningIssue, { vi: string; en: string }> = {
  not_approved: { vi: 'Bản PDF để ký có sau khi người ký duyệt dự thảo.', en: 'The PDF to sign comes once the signer approves the draft.' },
  conversion_pending: { vi: 'Đang chuyển dự thảo Word sang PDF để ký…', en: 'Converting the Word draft into the PDF to sign…' },
  converter_unavailable: {
    vi: 'Máy chủ chưa cài LibreOffice nên không chuyển được tệp Word sang PDF; chỉ ký được tệp PDF. Hãy tải lên bản PDF của dự thảo.',
    en: 'LibreOffice is not installed on the server, so Word files cannot be converted; only PDF can be signed. Upload the draft as a PDF.',
  },
  conversion_failed: {
    vi: 'Không chuyển được tệp Word sang PDF. Hãy kiểm tra tệp hoặc tải lên bản PDF của dự thảo.',
    en: 'The Word file could not be converted to PDF. Check the file or upload the draft as a PDF.',
  },
};

export const OutgoingErrorCode = {
  OutgoingDocumentNotFound: 'OUTGOING_DOCUMENT_NOT_FOUND',
  DraftVersionNotFound: 'DRAFT_VERSION_NOT_FOUND',
  InvalidReviewChain: 'INVALID_REVIEW_CHAIN',
  NotYourTurn: 'NOT_YOUR_TURN',
  /** signing or issuing needs a PDF to sign (or the signed PDF) that the draft does not have */
  NoPdfToSign: 'NO_PDF_TO_SIGN',
} as const;

/** The signature a version of a draft added: the signer's (ký số), or the organisation's at issuance (with the number and date). */
export const DRAFT_SIGNATURES = ['signer', 'organisation'] as const;
export type DraftSignature = (typeof DRAFT_SIGNATURES)[number];
export type OutgoingErrorCode = (typeof OutgoingErrorCode)[keyof typeof OutgoingErrorCode];

export interface PersonRef {
  id: string;
  fullName: string;
}

/** One recipient: a unit of this agency or an agency of the directory (the free text "nơi nhận" is beside). */
export interface OutgoingRecipientDto {
  kind: 'unit' | 'organ';
  id: string;
  name: string;
  /** pending until dispatch; then `delivered` (a unit: its incoming document) or `waiting_for_axis` (an agency: queued for the interconnection) */
  status: RecipientDeliveryStatus;
  deliveredAt: string | null;
  /** the incoming document a unit received */
  incomingDocumentId: string | null;
}

/** `replaced`: the document was replaced (thay thế) after it reached the recipient; its replacement is sent on its own. */
export const RECIPIENT_DELIVERY_STATUSES = ['pending', 'delivered', 'waiting_for_axis', 'sent', 'recalled', 'replaced'] as const;
export type RecipientDeliveryStatus = (typeof RECIPIENT_DELIVERY_STATUSES)[number];

/** Dispatch (phát hành) of an issued document to its recipients. */
export interface DispatchOutgoingInput {
  version: number;
}

/** Recall (thu hồi) of an issued or dispatched document. */
export interface RecallOutgoingInput {
  reason: string;
  version: number;
}

/** The number, in a register, the next issuance would take — a forecast for the clerk, not a reservation. */
export interface OutgoingIssuancePreviewDto {
  register: { id: string; code: string; name: string };
  year: number;
  number: number;
  /** `15/QĐ-BYT`, as it would be written */
  numberAndNotation: string;
}

/** Another outgoing document named by this one (the one it replaces, the one that replaced it). */
export interface OutgoingDocumentLink {
  id: string;
  /** empty when the caller may not see it */
  subject: string;
  numberAndNotation: string | null;
  state: OutgoingState;
}

export interface OutgoingDocumentSummaryDto {
  id: string;
  documentType: DocumentTypeCode;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  state: OutgoingState;
  drafter: PersonRef;
  signer: PersonRef;
  /** whose turn it is, while in review */
  currentReviewer: PersonRef | null;
  updatedAt: string;
}

export interface DraftVersionDto {
  id: string;
  /** 1..n within the draft */
  number: number;
  file: StoredFileDto;
  attachments: StoredFileDto[];
  uploadedBy: PersonRef | null;
  uploadedAt: string;
  note: string | null;
  /** set on the PDF made from a DOCX version for signing */
  convertedFromNumber: number | null;
  /** set on the signed PDF (`signer`) and on the issued one (`organisation`) */
  signature: DraftSignature | null;
}

/** The number, date and register a document was issued with (Decree 30 Art. 15–16). */
export interface OutgoingIssuanceDto {
  register: { id: string; code: string; name: string };
  number: number;
  /** `15/QĐ-BYT`, `05/BYT-VP` */
  numberAndNotation: string;
  /** the date of the document, YYYY-MM-DD (Vietnam) */
  issuedOn: string;
  issuedAt: string;
  issuedBy: PersonRef | null;
}

export interface ReviewStepDto {
  id: string;
  position: number;
  kind: ReviewStepKind;
  reviewer: PersonRef;
  state: ReviewStepState;
  decidedAt: string | null;
  /** the version the last decision was made on */
  decidedOnVersion: number | null;
}

export interface OutgoingDocumentDto extends OutgoingDocumentSummaryDto {
  draftingUnit: { id: string; name: string } | null;
  recipients: OutgoingRecipientDto[];
  recipientsText: string | null;
  replyToIncoming: { id: string; subject: string; numberAndNotation: string | null } | null;
  latestVersion: DraftVersionDto | null;
  reviewChain: ReviewStepDto[];
  /** the PDF the signer will sign: the latest version when it is a PDF, else its conversion */
  pdfForSigning: DraftVersionDto | null;
  pdfForSigningIssue: PdfForSigningIssue | null;
  /** whether this server can turn DOCX into PDF (LibreOffice installed): without it only a PDF can be signed */
  docxConversionAvailable: boolean;
  /** the PDF with the signer's signature, once signed */
  signedPdf: DraftVersionDto | null;
  signedAt: string | null;
  /** the PDF as issued (number, date, the organisation's signature) */
  issuedPdf: DraftVersionDto | null;
  issuance: OutgoingIssuanceDto | null;
  dispatchedAt: string | null;
  /** set once recalled (thu hồi) */
  recall: { at: string; by: PersonRef | null; reason: string } | null;
  /** the issued document this one replaces (thay thế) and why; it becomes `replaced` when this one is issued */
  replaces: (OutgoingDocumentLink & { reason: string }) | null;
  /** the document that replaced this one, once issued */
  replacedBy: (OutgoingDocumentLink & { at: string; reason: string }) | null;
  createdAt: string;
  version: number;
}

/** One difference between two versions, e.g. `{ field: 'sha256', from: 'ab…', to: 'cd…' }`. */
export interface DraftVersionChange {
  field: 'fileName' | 'mediaType' | 'size' | 'sha256' | 'note' | 'uploadedBy' | 'attachments';
  from: unknown;
  to: unknown;
}

export interface DraftVersionComparison {
  from: DraftVersionDto;
  to: DraftVersionDto;
  sameContent: boolean;
  changes: DraftVersionChange[];
}

export interface DraftCommentDto {
  id: string;
  versionNumber: number;
  parentId: string | null;
  author: PersonRef;
  text: string;
  at: string;
  replies: DraftCommentDto[];
}

export interface OutgoingHistoryEntryDto {
  at: string;
  actor: PersonRef | null;
  action: string;
  details: Record<string, unknown> | null;
}

export interface DraftMetadataInput {
  documentType: DocumentTypeCode;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  signerId: string;
  recipientUnitIds?: string[];
  /** ids of the organ directory (the row id, not the organ code) */
  recipientOrganIds?: string[];
  recipientsText?: string | null;
  replyToIncomingId?: string | null;
}

export interface CreateOutgoingDraftRequest extends DraftMetadataInput {
  /** an issued (or dispatched) document this draft replaces; `replacementReason` is then required */
  replacesId?: string | null;
  replacementReason?: string | null;
  /** uploaded with POST /api/files; PDF or DOCX */
  mainFileId: string;
  attachmentFileIds?: string[];
  note?: string | null;
}

export interface UpdateOutgoingDraftRequest extends Partial<DraftMetadataInput> {
  version: number;
}

export interface AddDraftVersionRequest {
  mainFileId: string;
  /** omitted: the previous version's attachments are kept; [] removes them */
  attachmentFileIds?: string[];
  note?: string | null;
  version: number;
}

export interface ReviewStepInput {
  kind: ReviewStepKind;
  reviewerId: string;
}

export interface SetReviewChainRequest {
  steps: ReviewStepInput[];
  version: number;
}

export interface SubmitDraftRequest {
  /** after a return: send it through the whole chain again, not only from the step that returned it */
  restartFromFirst?: boolean;
  note?: string | null;
  version: number;
}

export interface ReviewDecisionRequest {
  decision: ReviewDecision;
  /** required to return; kept as a comment on the version decided on */
  comment?: string | null;
  version: number;
}

export interface AddDraftCommentRequest {
  versionNumber: number;
  parentId?: string | null;
  text: string;
}

export interface OutgoingListQuery {
  view?: OutgoingView;
  cursor?: string;
  limit?: number;
}
