import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Permission } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { InternalReceiptService } from '../../incoming/internal-receipt.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { Clock } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { forbidden } from '../../platform/errors/app-exception';
import { ExchangeOutboxEntry, outboxKey } from '../dispatch/exchange-outbox-entry.entity';
import { OutgoingDocument } from '../outgoing-document.entity';
import { OutgoingRecipient } from '../outgoing-recipient.entity';
import { OutgoingRecords } from '../outgoing-records';
import { RecallOutgoingDto } from './recall.dto';

/**
 * Recall (thu hồi; Decree 30 Appendix VI — on recall the sender freezes the outgoing document and
 * the recipient destroys its copy, both keeping the recall's metadata): the document becomes
 * `recalled` with the reason, its number stays used; the units' incoming copies are marked
 * recalled and leave the working lists; every agency it was dispatched to gets a recall message
 * for the interconnection. One transaction under the document's row lock.
 */
@Injectable()
export class OutgoingRecallService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: OutgoingRecords,
    private readonly receipts: InternalReceiptService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async recall(documentId: string, input: RecallOutgoingDto, user: AuthenticatedUser): Promise<void> {
    const { document, holders } = await this.dataSource.transaction(async (manager) => {
      const document = this.records.check(await this.records.lockVisible(manager, documentId, user), input.version, ['issued', 'dispatched']);
      // the one who signed it, or a clerk who keeps the register it was issued in
      if (document.signerId !== user.id && !user.permissions.includes(Permission.OutgoingCheckForm))
        throw forbidden('Chỉ người ký hoặc văn thư mới thu hồi được văn bản.', 'Only the signer or a clerk can recall a document.');
      const now = this.clock.now();
      const reason = input.reason.trim();

      const copies = await this.receipts.recall(manager, document.id, reason, user);
      const agencies = await this.queueRecalls(manager, document, reason, now);
      await manager.update(OutgoingRecipient, { documentId: document.id, status: In(['delivered', 'waiting_for_axis', 'sent']) }, { status: 'recalled' });

      await this.records.touch(manager, document, { state: 'recalled', recalledAt: now, recalledById: user.id, recallReason: reason });
      await this.records.addHistory(manager, document.id, user, 'recalled', { reason, incomingCopies: copies.length, agencies: agencies.length });
      await this.audit.record(
        { action: 'outgoing.recall', actor: user, entityType: 'outgoing_document', entityId: document.id, details: { reason, incomingIds: copies.map((copy) => copy.id), organIds: agencies } },
        manager,
      );
      return { document, holders: await this.holdersOf(manager, copies.map((copy) => copy.id)) };
    });

    await this.notifications.notifyAfterCommit(
      [...new Set([document.drafterId, document.signerId, ...holders])].filter((id) => id !== user.id),
      { kind: 'outgoing.recalled', title: `Văn bản bị thu hồi: ${document.numberAndNotation ?? ''} ${document.subject}`.replace(/\s+/g, ' '), link: `/outgoing/${documentId}` },
    );
  }

  /** A recall message for every agency a dispatch message was queued for (sent or not: the axis delivers them in order). */
  private async queueRecalls(manager: EntityManager, document: OutgoingDocument, reason: string, now: Date): Promise<string[]> {
    const dispatched = await manager.find(ExchangeOutboxEntry, { where: { outgoingDocumentId: document.id, kind: 'dispatch' }, relations: { organ: true } });
    for (const message of dispatched)
      await manager.insert(ExchangeOutboxEntry, {
        kind: 'recall',
        outgoingDocumentId: document.id,
        organId: message.organId,
        status: 'waiting_for_axis',
        payload: { outgoingDocumentId: document.id, numberAndNotation: document.numberAndNotation, issuedOn: document.issuedOn, reason, fromOrganId: this.config.ORGAN_ID, toOrganId: message.organ?.organId } as never,
        idempotencyKey: outboxKey('recall', document.id, message.organId),
        createdAt: now,
        sentAt: null,
      });
    return dispatched.map((message) => message.organId);
  }

  /**
   * Who holds an incoming copy: the clerks (they register what arrives), whoever registered it or
   * had it submitted to them, and the people and units it was assigned to.
   */
  private async holdersOf(manager: EntityManager, incomingIds: string[]): Promise<string[]> {
    if (!incomingIds.length) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM "user" WHERE active AND 'clerk' = ANY(roles)
       UNION SELECT registered_by_id FROM incoming_document WHERE id = ANY($1) AND registered_by_id IS NOT NULL
       UNION SELECT submitted_to_id FROM incoming_document WHERE id = ANY($1) AND submitted_to_id IS NOT NULL
       UNION SELECT part.user_id FROM assignment part WHERE part.document_id = ANY($1) AND part.user_id IS NOT NULL
       UNION SELECT member.id FROM assignment part JOIN "user" member ON member.unit_id = part.unit_id AND member.active WHERE part.document_id = ANY($1)`,
      [incomingIds],
    );
    return rows.map((row) => row.id);
  }
}
