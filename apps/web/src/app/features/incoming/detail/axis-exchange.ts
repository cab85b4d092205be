import { IncomingDocumentDto } from '@app/contracts';

/**
 * Whether the document has an exchange record on the axis (and so a change request to show): it came
 * over the axis from another agency. An internal dispatch is registered as received over the axis too,
 * but it comes from this agency's own outgoing document and has no exchange record.
 */
export function cameOverAxis(document: Pick<IncomingDocumentDto, 'receivedVia' | 'sourceOutgoingId'>): boolean {
  return document.receivedVia === 'axis' && !document.sourceOutgoingId;
}
