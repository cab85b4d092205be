import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, InsertEvent } from 'typeorm';
import { EdxmlStatusCode } from '@app/edxml';
import { User } from '../../identity/user.entity';
import { IncomingHistoryEntry } from '../../incoming/incoming-history-entry.entity';
import { ExchangeReceivedDocument } from '../exchange.entities';
import { StatusOutboxService } from './status-outbox.service';

/**
 * The statuses owed to a sender follow the incoming work by themselves: every step of an incoming
 * document is a line of its history (the incoming context's record of what happened), and a line
 * about a document received through the axis becomes the status it means, in the same transaction.
 */
export function statusOfHistory(action: string, details: Record<string, unknown> | null): EdxmlStatusCode | null {
  switch (action) {
    case 'registered':
      return EdxmlStatusCode.Registered;
    case 'directed':
      return EdxmlStatusCode.Assigned;
    case 'delegated':
    case 'progress':
      return EdxmlStatusCode.InProgress;
    // the lead's completion completes the document; a supporter's is progress
    case 'completed':
      return details?.role === 'lead' ? EdxmlStatusCode.Completed : EdxmlStatusCode.InProgress;
    case 'rejected':
      return EdxmlStatusCode.Refused;
    default:
      return null;
  }
}

@Injectable()
export class IncomingStatusSubscriber implements EntitySubscriberInterface<IncomingHistoryEntry> {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly statuses: StatusOutboxService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo() {
    return IncomingHistoryEntry;
  }

  async afterInsert(event: InsertEvent<IncomingHistoryEntry>): Promise<void> {
    const entry = event.entity;
    const code = statusOfHistory(entry.action, entry.details);
    if (!code) return;
    const received = await event.manager.findOneBy(ExchangeReceivedDocument, { incomingDocumentId: entry.documentId });
    if (!received) return;
    const actor = entry.actorId ? await event.manager.findOneBy(User, { id: entry.actorId }) : null;
    const reason = code === EdxmlStatusCode.Refused && typeof entry.details?.reason === 'string' ? entry.details.reason : undefined;
    await this.statuses.record(event.manager, received.id, code, actor ? { staff: actor.fullName, ...(actor.email ? { email: actor.email } : {}) } : null, reason);
  }
}
