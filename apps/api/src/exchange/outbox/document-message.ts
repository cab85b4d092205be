import { DOCUMENT_TYPES, DocumentTypeCode, Urgency } from '@app/contracts';
import { vietnamInstant } from '../edxml-time';
import { EdxmlBussinessDocType, EdxmlDocumentMessageInput, EdxmlOrganization, EdxmlOutgoingAttachment } from '@app/edxml';

/** What a document message says about an issued outgoing document: a snapshot read from the database. */
export interface OutgoingSnapshot {
  from: EdxmlOrganization & { organId: string };
  to: EdxmlOrganization & { organId: string };
  /** `15/QĐ-BYT` */
  numberAndNotation: string;
  /** `yyyy-MM-dd` */
  issuedOn: string;
  documentType: DocumentTypeCode;
  subject: string;
  urgency: Urgency;
  signer: { fullName: string; position: string | null };
  /** who sends it (the clerk who dispatched or recalled) */
  staff: { department?: string; staff?: string; email?: string };
  /** 0 new, 1 recall of this document, 3 this document replaces `replaces` */
  bussinessDocType: EdxmlBussinessDocType;
  reason: string | null;
  /** the DocumentId of the earlier document this one replaces at this receiver (Bussiness 3) */
  replaces: string | null;
  attachments: EdxmlOutgoingAttachment[];
  now: Date;
}

/** 0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc */
export const PRIORITY_OF_URGENCY: Record<Urgency, number> = { normal: 0, urgent: 1, very_urgent: 2, express: 3 };

const REASONS: Record<EdxmlBussinessDocType, string> = {
  [EdxmlBussinessDocType.New]: 'Văn bản điện tử mới',
  [EdxmlBussinessDocType.Recall]: 'Thu hồi văn bản điện tử',
  [EdxmlBussinessDocType.Update]: 'Cập nhật văn bản điện tử',
  [EdxmlBussinessDocType.Replace]: 'Văn bản thay thế',
};

/**
 * The DocumentId a document travels under, in the samples' form `OrganId,yyyy/MM/dd,Number/Notation`
 * (`000.00.00.G22,2015/09/30,7816/VPCP-TTĐT`). Made from what never changes once issued, so every
 * retry of a send names the same document and the receiver can recognise it.
 */
export function edxmlDocumentId(organId: string, issuedOn: string, numberAndNotation: string): string {
  return `${organId},${issuedOn.replaceAll('-', '/')},${numberAndNotation}`;
}

/** `15/QĐ-BYT` → number `15`, notation `QĐ-BYT` */
export function splitNumberAndNotation(numberAndNotation: string): { codeNumber: string; codeNotation?: string } {
  const slash = numberAndNotation.indexOf('/');
  return slash > 0 ? { codeNumber: numberAndNotation.slice(0, slash), codeNotation: numberAndNotation.slice(slash + 1) } : { codeNumber: numberAndNotation };
}

/** The document message (one receiver per message: the axis routes by `To`, and each agency's send state is its own). */
export function documentMessage(snapshot: OutgoingSnapshot): EdxmlDocumentMessageInput {
  const documentId = edxmlDocumentId(snapshot.from.organId, snapshot.issuedOn, snapshot.numberAndNotation);
  const type = DOCUMENT_TYPES.find((candidate) => candidate.code === snapshot.documentType);
  return {
    header: {
      from: snapshot.from,
      to: [snapshot.to],
      documentId,
      code: splitNumberAndNotation(snapshot.numberAndNotation),
      promulgationInfo: { promulgationDate: snapshot.issuedOn },
      // Type: 1 with the name, as the operator's samples send it; receivers key on TypeName [U]
      documentType: { type: 1, typeDetail: 0, typeName: type?.vi ?? 'Công văn' },
      subject: snapshot.subject,
      signerInfo: { fullName: snapshot.signer.fullName, ...(snapshot.signer.position ? { position: snapshot.signer.position } : {}) },
      toPlaces: [],
      otherInfo: { priority: PRIORITY_OF_URGENCY[snapshot.urgency], appendixes: [] },
      responseFor: [],
      steeringType: 0,
    },
    traceHeaderList: {
      traceHeaders: [{ organId: snapshot.from.organId, timestamp: vietnamInstant(snapshot.now) }],
      bussiness: {
        // this document's own id, a replacement's too (our validator requires it; the old one is named in ReplacementInfo)
        documentId,
        bussinessDocType: snapshot.bussinessDocType,
        bussinessDocReason: snapshot.reason ?? REASONS[snapshot.bussinessDocType],
        paper: 0,
        staffInfo: snapshot.staff,
        // the samples' form: the old document's DocumentId and the agencies concerned (here the one receiver)
        replacementInfoList: snapshot.replaces ? [{ documentId: snapshot.replaces, organIdList: [snapshot.to.organId] }] : [],
      },
    },
    attachments: snapshot.attachments,
  };
}
