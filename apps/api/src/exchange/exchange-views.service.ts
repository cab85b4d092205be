import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@app/contracts';
import { IncomingService } from '../incoming/incoming.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { OutgoingDraftsService } from '../outgoing/outgoing-drafts.service';
import { notFound } from '../platform/errors/app-exception';
import { ExchangeReceivedDocument } from './exchange.entities';
import { OutgoingExchangeDto, ReceivedExchangeDto } from './dto/exchange.dto';

/** What the people working on a document see of its journey through the axis. */
@Injectable()
export class ExchangeViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outgoing: OutgoingDraftsService,
    private readonly incoming: IncomingService,
  ) {}

  /** Per agency recipient of an outgoing document: each message's send state and every status it sent back, in order. */
  async ofOutgoing(outgoingId: string, user: AuthenticatedUser): Promise<OutgoingExchangeDto> {
    // whoever may see the document sees its exchange; the outgoing context says who that is
    await this.outgoing.get(outgoingId, user, { audit: false });
    const [sent] = (await this.dataSource.query(`SELECT document_id FROM exchange_sent_document WHERE outgoing_document_id = $1`, [outgoingId])) as { document_id: string }[];
    const recipients: { organ_id: string; name: string }[] = await this.dataSource.query(
      `SELECT organ.organ_id, organ.name FROM outgoing_recipient recipient JOIN organ ON organ.id = recipient.organ_id WHERE recipient.document_id = $1 ORDER BY recipient.position`,
      [outgoingId],
    );
    const messages: { organ_id: string; kind: string; status: string; attempts: number; sent_at: Date | null }[] = await this.dataSource.query(
      `SELECT organ.organ_id, outbox.kind, outbox.status, outbox.attempts, outbox.sent_at FROM exchange_outbox outbox JOIN organ ON organ.id = outbox.organ_id WHERE outbox.outgoing_document_id = $1 ORDER BY outbox.created_at`,
      [outgoingId],
    );
    const statuses: { organ_id: string; status_code: string; description: string | null; staff: Record<string, string> | null; stated_at: Date | null; received_at: Date }[] = await this.dataSource.query(
      `SELECT organ_id, status_code, description, staff, stated_at, received_at FROM exchange_received_status WHERE outgoing_document_id = $1 ORDER BY coalesce(stated_at, received_at), status_code`,
      [outgoingId],
    );
    return {
      documentId: sent?.document_id ?? null,
      recipients: recipients.map((recipient) => ({
        organId: recipient.organ_id,
        organName: recipient.name,
        messages: messages
          .filter((message) => message.organ_id === recipient.organ_id)
          .map((message) => ({ kind: message.kind, status: message.status, attempts: message.attempts, sentAt: message.sent_at?.toISOString() ?? null })),
        statuses: statuses
          .filter((status) => status.organ_id === recipient.organ_id)
          .map((status) => ({
            code: status.status_code,
            description: status.description,
            staff: status.staff?.staff ?? null,
            statedAt: status.stated_at?.toISOString() ?? null,
            receivedAt: status.received_at.toISOString(),
          })),
      })),
    };
  }

  /** The replacing incoming document: its number always (the sender's, on the old one's request), its subject for who may see it. */
  private async replacement(incomingId: string, user: AuthenticatedUser): Promise<ReceivedExchangeDto['replacedBy']> {
    const [row] = (await this.dataSource.query(`SELECT code_number, code_notation, subject FROM incoming_document WHERE id = $1`, [incomingId])) as { code_number: string; code_notation: string | null; subject: string }[];
    if (!row) return null;
    const visible = await this.incoming.get(incomingId, user, { audit: false }).then(
      () => true,
      () => false,
    );
    return { incomingDocumentId: incomingId, numberAndNotation: row.code_notation ? `${row.code_number}/${row.code_notation}` : row.code_number, subject: visible ? row.subject : '' };
  }

  /** Where a received document came from, the change its sender asked for, the statuses sent back. */
  async ofIncoming(incomingId: string, user: AuthenticatedUser): Promise<ReceivedExchangeDto> {
    await this.incoming.get(incomingId, user, { audit: false });
    const received = await this.dataSource.getRepository(ExchangeReceivedDocument).findOneBy({ incomingDocumentId: incomingId });
    if (!received) throw notFound(ErrorCode.NotFound, 'Văn bản này không đến qua trục liên thông.', 'This document did not come through the axis.');
    const sent: { status_code: string; status: string; sent_at: Date | null }[] = await this.dataSource.query(
      `SELECT status_code, status, sent_at FROM exchange_status_outbox WHERE received_document_id = $1 ORDER BY created_at, status_code`,
      [received.id],
    );
    return {
      fromOrganId: received.fromOrganId,
      fromOrganName: received.fromOrganName,
      documentId: received.documentId,
      changeKind: received.changeKind,
      changeReason: received.changeReason,
      changeAnswer: received.changeAnswer,
      replacedBy: received.replacementIncomingId ? await this.replacement(received.replacementIncomingId, user) : null,
      statusesSent: sent.map((row) => ({ code: row.status_code, status: row.status, sentAt: row.sent_at?.toISOString() ?? null })),
    };
  }
}
