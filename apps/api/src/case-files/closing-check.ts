import type { ClosingCheckDto, ClosingReason } from '@app/contracts';
import type { CaseFileDocument } from './case-file-document.entity';

/** What a document needs for the archive (Decree 30 Appendix VI: Subject, IssuedDate, TypeName, OrganName, PageAmount). */
const REQUIRED_DOCUMENT_FIELDS = ['title', 'documentDate', 'typeName', 'author', 'pageCount'] as const;
const FIELD_NAMES: Record<(typeof REQUIRED_DOCUMENT_FIELDS)[number], { vi: string; en: string }> = {
  title: { vi: 'trích yếu', en: 'subject' },
  documentDate: { vi: 'ngày văn bản', en: 'date' },
  typeName: { vi: 'tên loại', en: 'type' },
  author: { vi: 'tác giả', en: 'author' },
  pageCount: { vi: 'số trang', en: 'page count' },
};

export type CheckedDocument = Pick<CaseFileDocument, 'id' | 'position' | 'title' | 'numberAndNotation' | 'documentDate' | 'typeName' | 'author' | 'pageCount' | 'final' | 'confidential' | 'files'>;

/** A confidential document is named by its place in the file only: the reasons are read by people who may not see it. */
const describe = (document: CheckedDocument) =>
  document.confidential ? `số ${document.position} (mật)` : document.numberAndNotation ? `${document.numberAndNotation} — ${document.title}` : document.title || '(không tên)';
const normalise = (text: string | null) => (text ?? '').normalize('NFC').trim().toLowerCase();

/**
 * The review when a case file is closed (kết thúc hồ sơ, Decree 30 Art. 29): it must hold
 * documents, each with the metadata the archive needs, each in its final (signed, registered)
 * version, and no document twice (same file, or same number, date and author). Pure: the service
 * reads the documents, this says what is wrong, in Vietnamese and English, document by document.
 */
export function checkClosing(documents: readonly CheckedDocument[]): ClosingCheckDto {
  const reasons: ClosingReason[] = [];
  if (documents.length === 0)
    reasons.push({ problem: 'no_documents', caseFileDocumentId: null, message: 'Hồ sơ chưa có văn bản nào.', messageEn: 'The case file holds no document.' });
  const seenFiles = new Map<string, CheckedDocument>();
  const seenNumbers = new Map<string, CheckedDocument>();
  for (const document of documents) {
    const missing = REQUIRED_DOCUMENT_FIELDS.filter((field) => document[field] === null || document[field] === '');
    if (missing.length)
      reasons.push({
        problem: 'missing_metadata',
        caseFileDocumentId: document.id,
        fields: [...missing],
        message: `Văn bản "${describe(document)}" còn thiếu: ${missing.map((field) => FIELD_NAMES[field].vi).join(', ')}.`,
        messageEn: `Document "${describe(document)}" lacks: ${missing.map((field) => FIELD_NAMES[field].en).join(', ')}.`,
      });
    if (!document.final)
      reasons.push({
        problem: 'not_final',
        caseFileDocumentId: document.id,
        message: `Văn bản "${describe(document)}" chưa có bản chính thức đã ký số (hoặc chưa vào sổ).`,
        messageEn: `Document "${describe(document)}" has no final signed (or registered) version.`,
      });
    const main = document.files[0]?.sha256;
    const numberKey = document.numberAndNotation ? [normalise(document.numberAndNotation), document.documentDate ?? '', normalise(document.author)].join('|') : null;
    const earlier = (main ? seenFiles.get(main) : undefined) ?? (numberKey ? seenNumbers.get(numberKey) : undefined);
    if (earlier)
      reasons.push({
        problem: 'duplicate',
        caseFileDocumentId: document.id,
        message: `Văn bản "${describe(document)}" trùng với "${describe(earlier)}": hãy bỏ bớt một bản.`,
        messageEn: `Document "${describe(document)}" duplicates "${describe(earlier)}": remove one of them.`,
      });
    if (main && !seenFiles.has(main)) seenFiles.set(main, document);
    if (numberKey && !seenNumbers.has(numberKey)) seenNumbers.set(numberKey, document);
  }
  return {
    complete: reasons.length === 0,
    reasons,
    documentCount: documents.length,
    pageCount: documents.reduce((sum, document) => sum + (document.pageCount ?? 0), 0),
  };
}
