import { OutgoingRecipientDto } from '@app/contracts';

/**
 * How a recipient's delivery reads (a translation key under outgoing.delivery): before dispatch an
 * agency of the directory says it will go over the axis; after it, an agency's message waits for
 * the interconnection ("waiting for the axis") until it is sent.
 */
export function deliveryKey(recipient: Pick<OutgoingRecipientDto, 'kind' | 'status'>): string {
  if (recipient.status === 'pending') return recipient.kind === 'organ' ? 'outgoing.delivery.pendingAxis' : 'outgoing.delivery.pendingUnit';
  return `outgoing.delivery.${recipient.status}`;
}

export function deliveryIcon(recipient: Pick<OutgoingRecipientDto, 'kind' | 'status'>): string {
  switch (recipient.status) {
    case 'delivered':
    case 'sent':
      return 'mark_email_read';
    case 'waiting_for_axis':
      return 'schedule_send';
    case 'recalled':
    case 'replaced':
      return 'block';
    default:
      return recipient.kind === 'organ' ? 'public' : 'apartment';
  }
}
