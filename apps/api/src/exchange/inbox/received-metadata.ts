import { DOCUMENT_TYPES, DocumentTypeCode, Urgency } from '@app/contracts';
import type { EdxmlDocumentMessage } from '@app/edxml';

/** Priority 0–4 → our urgency; 4 (hỏa tốc hẹn giờ) is handled as hỏa tốc. */
const URGENCY_OF_PRIORITY: Urgency[] = ['normal', 'urgent', 'very_urgent', 'express', 'express'];

/** The type by its name (Type's numbers differ between producers); a name we do not know is a công văn. */
export function documentTypeOf(typeName: string | undefined): DocumentTypeCode {
  const name = (typeName ?? '').trim().toLocaleLowerCase('vi');
  return DOCUMENT_TYPES.find((type) => type.vi.toLocaleLowerCase('vi') === name)?.code ?? 'official_letter';
}

/** The fields of the incoming document a message prefills, cut to the columns' lengths. */
export function receivedMetadata(message: EdxmlDocumentMessage, today: string) {
  const { header } = message;
  const number = header.code?.codeNumber?.trim().slice(0, 11) ?? '';
  const notation = header.code?.codeNotation?.trim().slice(0, 30) ?? '';
  return {
    issuerName: (header.from.organName || header.from.organizationInCharge || header.from.organId || '').slice(0, 200),
    numberAndNotation: notation ? `${number}/${notation}` : number,
    promulgatedOn: header.promulgationInfo?.promulgationDate ?? today,
    documentType: documentTypeOf(header.documentType?.typeName),
    subject: (header.subject || header.content || 'Văn bản không có trích yếu').slice(0, 500),
    signerName: header.signerInfo?.fullName ?? null,
    signerPosition: [header.signerInfo?.competence, header.signerInfo?.position].filter(Boolean).join(' ') || null,
    urgency: URGENCY_OF_PRIORITY[header.otherInfo?.priority ?? 0] ?? 'normal',
    recipientsText: header.toPlaces.join('; '),
    dueOn: header.dueDate ?? null,
  };
}
