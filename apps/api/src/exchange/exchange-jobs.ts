/** The interconnection's pg-boss queues. */
export const SEND_DOCUMENT_JOB = 'exchange.send-document';
export const SEND_STATUS_JOB = 'exchange.send-status';
/** every minute: fetch from the axis, and queue again what is still waiting to go */
export const POLL_JOB = 'exchange.poll';

export interface SendDocumentJob {
  outboxId: string;
}
export interface SendStatusJob {
  statusId: string;
}
