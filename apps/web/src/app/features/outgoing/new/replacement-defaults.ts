import { Confidentiality, DocumentTypeCode, OutgoingDocumentDto, Urgency } from '@app/contracts';

export interface ReplacementDefaults {
  classification: { documentType: DocumentTypeCode; urgency: Urgency; confidentiality: Confidentiality };
  subject: string;
  signerId: string;
  recipientUnitIds: string[];
  organs: { id: string; name: string }[];
  recipientsText: string;
}

/**
 * A replacement is "a document of the same form" (Decree 30 Art. 18) going to the same people: the
 * new draft starts from the replaced one's type, marks, subject, signer and recipients, for the
 * drafter to correct.
 */
export function replacementDefaults(replaced: OutgoingDocumentDto): ReplacementDefaults {
  return {
    classification: { documentType: replaced.documentType, urgency: replaced.urgency, confidentiality: replaced.confidentiality },
    subject: replaced.subject,
    signerId: replaced.signer.id,
    recipientUnitIds: replaced.recipients.filter((recipient) => recipient.kind === 'unit').map((recipient) => recipient.id),
    organs: replaced.recipients.filter((recipient) => recipient.kind === 'organ').map((recipient) => ({ id: recipient.id, name: recipient.name })),
    recipientsText: replaced.recipientsText ?? '',
  };
}
