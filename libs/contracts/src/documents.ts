/** Độ khẩn (glossary): normal, Khẩn, Thượng khẩn, Hỏa tốc. */
export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'express'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, { vi: string; en: string }> = {
  normal: { vi: 'Thường', en: 'Normal' },
  urgent: { vi: 'Khẩn', en: 'Urgent' },
  very_urgent: { vi: 'Thượng khẩn', en: 'Very urgent' },
  express: { vi: 'Hỏa tốc', en: 'Express' },
};

/** Độ mật (glossary): normal, Mật, Tối mật, Tuyệt mật. */
export const CONFIDENTIALITIES = ['normal', 'confidential', 'secret', 'top_secret'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];
export const CONFIDENTIALITY_LABELS: Record<Confidentiality, { vi: string; en: string }> = {
  normal: { vi: 'Thường', en: 'Normal' },
  confidential: { vi: 'Mật', en: 'Confidential' },
  secret: { vi: 'Tối mật', en: 'Secret' },
  top_secret: { vi: 'Tuyệt mật', en: 'Top secret' },
};

/**
 * Administrative document types (Decree 30/2020, Article 7) with their abbreviations (Appendix III).
 * `code` is the stable identifier stored in the database; `abbreviation` goes into notations
 * (`15/QĐ-BYT`). Công văn and Thư công have none.
 */
export const DOCUMENT_TYPES = [
  { code: 'resolution', abbreviation: 'NQ', vi: 'Nghị quyết', en: 'Resolution' },
  { code: 'decision', abbreviation: 'QĐ', vi: 'Quyết định', en: 'Decision' },
  { code: 'directive', abbreviation: 'CT', vi: 'Chỉ thị', en: 'Directive' },
  { code: 'regulation', abbreviation: 'QC', vi: 'Quy chế', en: 'Regulation' },
  { code: 'rule', abbreviation: 'QyĐ', vi: 'Quy định', en: 'Rule' },
  { code: 'communique', abbreviation: 'TC', vi: 'Thông cáo', en: 'Communiqué' },
  { code: 'notice', abbreviation: 'TB', vi: 'Thông báo', en: 'Notice' },
  { code: 'guidance', abbreviation: 'HD', vi: 'Hướng dẫn', en: 'Guidance' },
  { code: 'programme', abbreviation: 'CTr', vi: 'Chương trình', en: 'Programme' },
  { code: 'plan', abbreviation: 'KH', vi: 'Kế hoạch', en: 'Plan' },
  { code: 'option', abbreviation: 'PA', vi: 'Phương án', en: 'Option' },
  { code: 'scheme', abbreviation: 'ĐA', vi: 'Đề án', en: 'Scheme' },
  { code: 'project', abbreviation: 'DA', vi: 'Dự án', en: 'Project' },
  { code: 'report', abbreviation: 'BC', vi: 'Báo cáo', en: 'Report' },
  { code: 'minutes', abbreviation: 'BB', vi: 'Biên bản', en: 'Minutes' },
  { code: 'submission', abbreviation: 'TTr', vi: 'Tờ trình', en: 'Submission' },
  { code: 'contract', abbreviation: 'HĐ', vi: 'Hợp đồng', en: 'Contract' },
  { code: 'official_telegram', abbreviation: 'CĐ', vi: 'Công điện', en: 'Official telegram' },
  { code: 'memorandum', abbreviation: 'BGN', vi: 'Bản ghi nhớ', en: 'Memorandum of understanding' },
  { code: 'agreement', abbreviation: 'BTT', vi: 'Bản thỏa thuận', en: 'Agreement' },
  { code: 'power_of_attorney', abbreviation: 'GUQ', vi: 'Giấy ủy quyền', en: 'Power of attorney' },
  { code: 'invitation', abbreviation: 'GM', vi: 'Giấy mời', en: 'Invitation' },
  { code: 'introduction_letter', abbreviation: 'GGT', vi: 'Giấy giới thiệu', en: 'Letter of introduction' },
  { code: 'leave_permit', abbreviation: 'GNP', vi: 'Giấy nghỉ phép', en: 'Leave permit' },
  { code: 'dispatch_note', abbreviation: 'PG', vi: 'Phiếu gửi', en: 'Dispatch note' },
  { code: 'transfer_note', abbreviation: 'PC', vi: 'Phiếu chuyển', en: 'Transfer note' },
  { code: 'notification_note', abbreviation: 'PB', vi: 'Phiếu báo', en: 'Notification note' },
  { code: 'official_letter', abbreviation: null, vi: 'Công văn', en: 'Official letter' },
  { code: 'public_letter', abbreviation: null, vi: 'Thư công', en: 'Public letter' },
] as const;
export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];
export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((type) => type.code) as DocumentTypeCode[];
