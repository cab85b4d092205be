/** The interconnection with the national document exchange axis, as the API shows it. */

/** The edXML status codes (QCVN 102:2016): 01–06 from the receiver, 13 the sender's recall request, 15/16 the answer. */
export const EXCHANGE_STATUS_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;

export interface ExchangeStatus {
  code: string;
  description: string | null;
  /** who did it at the receiver */
  staff: string | null;
  /** when the receiver did it */
  statedAt: string | null;
  receivedAt: string;
}

export interface ExchangeMessageState {
  kind: 'dispatch' | 'recall' | 'replace' | string;
  status: 'waiting_for_axis' | 'sent' | 'failed' | string;
  attempts: number;
  sentAt: string | null;
}

export interface ExchangeRecipient {
  organId: string;
  organName: string;
  messages: ExchangeMessageState[];
  statuses: ExchangeStatus[];
}

/** GET /api/outgoing-documents/:id/exchange */
export interface OutgoingExchange {
  /** the edXML DocumentId the document travels under, once sent */
  documentId: string | null;
  recipients: ExchangeRecipient[];
}

/** GET /api/incoming-documents/:id/exchange */
export interface ReceivedExchange {
  fromOrganId: string;
  fromOrganName: string | null;
  documentId: string;
  changeKind: 'recall' | 'update' | 'replace' | null;
  changeReason: string | null;
  changeAnswer: 'accepted' | 'refused' | null;
  /** a replacement: the incoming document the sender's new message became (subject empty for who may not see it) */
  replacedBy: { incomingDocumentId: string; numberAndNotation: string; subject: string } | null;
  statusesSent: { code: string; status: string; sentAt: string | null }[];
}

/** POST /api/incoming-documents/:id/exchange/change-answer */
export interface ChangeAnswerRequest {
  accept: boolean;
  /** required when refusing */
  reason?: string;
}
