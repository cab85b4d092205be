import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { InternalReceiptService } from '../../incoming/internal-receipt.service';
import { AppConfig } from '../../platform/config/app-config';
import { ExchangeOutboxEntry, outboxKey } from '../dispatch/exchange-outbox-entry.entity';
import { OutgoingDocument } from '../outgoing-document.entity';
import { OutgoingRecipient } from '../outgoing-recipient.entity';

export interface Withdrawn {
  /** the units' incoming copies, now marked recalled */
  incomingIds: string[];
  /** the agencies (organ directory ids) a message was queued for */
  organIds: string[];
  /** who holds a copy: told after the commit */
  holders: string[];
}

/**
 * What a recall and a replacement both do to a document that has gone out, in the caller's
 * transaction: the units' incoming copies leave the working lists (Decree 30 Appendix VI: the
 * recipient destroys it, keeping the metadata), and the recipients show what happened. A recall
 * also queues a message (edXML Bussiness 1 thu hồi) for every agency it was dispatched to; a
 * replacement does not: the agencies learn of it from the replacing document's own dispatch
 * (Bussiness 3 with ReplacementInfo naming this one, as the operator's samples do).
 */
@Injectable()
export class Withdrawal {
  constructor(
    private readonly receipts: InternalReceiptService,
    private readonly config: AppConfig,
  ) {}

  async withdraw(
    manager: EntityManager,
    document: OutgoingDocument,
    input: { kind: 'recall' | 'replace'; reason: string; copyReason: string; now: Date },
    actor: AuthenticatedUser,
  ): Promise<Withdrawn> {
    const copies = await this.receipts.recall(manager, document.id, input.copyReason, actor);
    const organIds = input.kind === 'recall' ? await this.queue(manager, document, input) : await this.agenciesOf(manager, document);
    await manager.update(
      OutgoingRecipient,
      { documentId: document.id, status: In(['delivered', 'waiting_for_axis', 'sent']) },
      { status: input.kind === 'recall' ? 'recalled' : 'replaced' },
    );
    const incomingIds = copies.map((copy) => copy.id);
    return { incomingIds, organIds, holders: await this.holdersOf(manager, incomingIds) };
  }

  /** The agencies a dispatch message was queued for (sent or not). */
  private async agenciesOf(manager: EntityManager, document: OutgoingDocument): Promise<string[]> {
    const dispatched = await manager.find(ExchangeOutboxEntry, { where: { outgoingDocumentId: document.id, kind: 'dispatch' }, select: { organId: true } });
    return dispatched.map((message) => message.organId);
  }

  /** A recall message for every agency a dispatch message was queued for (sent or not: the axis delivers them in order). */
  private async queue(manager: EntityManager, document: OutgoingDocument, input: { reason: string; now: Date }): Promise<string[]> {
    const dispatched = await manager.find(ExchangeOutboxEntry, { where: { outgoingDocumentId: document.id, kind: 'dispatch' }, relations: { organ: true } });
    for (const message of dispatched)
      await manager.insert(ExchangeOutboxEntry, {
        kind: 'recall',
        outgoingDocumentId: document.id,
        organId: message.organId,
        status: 'waiting_for_axis',
        payload: {
          outgoingDocumentId: document.id,
          numberAndNotation: document.numberAndNotation,
          issuedOn: document.issuedOn,
          reason: input.reason,
          fromOrganId: this.config.ORGAN_ID,
          toOrganId: message.organ?.organId,
        } as never,
        idempotencyKey: outboxKey('recall', document.id, message.organId),
        createdAt: input.now,
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
