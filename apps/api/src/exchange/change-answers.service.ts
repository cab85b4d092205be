import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '@app/contracts';
import { EdxmlStatusCode } from '@app/edxml';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { InternalReceiptService } from '../incoming/internal-receipt.service';
import { Clock } from '../platform/clock/clock';
import { badRequest, conflict, notFound } from '../platform/errors/app-exception';
import { ExchangeReceivedDocument } from './exchange.entities';
import { StatusOutboxService } from './outbox/status-outbox.service';

/**
 * The clerk's answer to a sender who asks to take back (or update, or replace) a document it sent
 * us: agreed (15) — a recalled or replaced document is withdrawn, kept with its history — or
 * refused (16) with the reason. The answer goes back to the sender through the axis.
 */
@Injectable()
export class ChangeAnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly receipts: InternalReceiptService,
    private readonly statuses: StatusOutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async answer(incomingDocumentId: string, input: { accept: boolean; reason?: string }, clerk: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const received = await manager.findOne(ExchangeReceivedDocument, { where: { incomingDocumentId }, lock: { mode: 'pessimistic_write' } });
      if (!received) throw notFound(ErrorCode.NotFound, 'Văn bản này không đến qua trục liên thông.', 'This document did not come through the axis.');
      if (!received.changeKind || received.changeAnswer)
        throw conflict(ErrorCode.InvalidState, 'Không có đề nghị thu hồi hay thay đổi nào đang chờ trả lời.', 'No recall or change request is waiting for an answer.');
      const reason = input.reason?.trim() || null;
      if (!input.accept && !reason) throw badRequest(ErrorCode.ValidationFailed, 'Hãy nêu lý do từ chối.', 'Give the reason for refusing.', [{ field: 'reason' }]);
      await manager.update(ExchangeReceivedDocument, { id: received.id }, { changeAnswer: input.accept ? 'accepted' : 'refused', changeAnswerReason: reason, changeAnsweredAt: this.clock.now(), changeAnsweredById: clerk.id });
      if (input.accept && received.changeKind !== 'update') await this.receipts.withdraw(manager, incomingDocumentId, await this.withdrawalReason(manager, received), clerk);
      const staff = { staff: clerk.fullName };
      await this.statuses.record(manager, received.id, input.accept ? EdxmlStatusCode.ChangeAccepted : EdxmlStatusCode.ChangeRefused, staff, reason ?? undefined);
      await this.audit.record(
        {
          action: input.accept ? 'exchange.change_accept' : 'exchange.change_refuse',
          actor: clerk,
          entityType: 'incoming_document',
          entityId: incomingDocumentId,
          details: { kind: received.changeKind, reason, ...(received.replacementIncomingId ? { replacementIncomingId: received.replacementIncomingId } : {}) },
        },
        manager,
      );
    });
  }

  /** The history line of the withdrawn document: a replaced one names its replacement, as a unit's replaced copy does. */
  private async withdrawalReason(manager: EntityManager, received: ExchangeReceivedDocument): Promise<string> {
    const reason = received.changeReason ?? '';
    if (received.changeKind !== 'replace' || !received.replacementIncomingId) return reason;
    const replacement = await manager.findOneBy(ExchangeReceivedDocument, { incomingDocumentId: received.replacementIncomingId });
    return `Được thay thế bởi văn bản số ${replacement?.code ?? replacement?.documentId ?? ''}: ${reason}`;
  }
}
