import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Permission } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { NotificationsService } from '../../notifications/notifications.service';
import { Clock } from '../../platform/clock/clock';
import { forbidden } from '../../platform/errors/app-exception';
import { OutgoingRecords } from '../outgoing-records';
import { RecallOutgoingDto } from './recall.dto';
import { Withdrawal } from './withdrawal';

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
    private readonly withdrawal: Withdrawal,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
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

      const withdrawn = await this.withdrawal.withdraw(manager, document, { kind: 'recall', reason, copyReason: reason, now }, user);
      await this.records.touch(manager, document, { state: 'recalled', recalledAt: now, recalledById: user.id, recallReason: reason });
      await this.records.addHistory(manager, document.id, user, 'recalled', { reason, incomingCopies: withdrawn.incomingIds.length, agencies: withdrawn.organIds.length });
      await this.audit.record(
        { action: 'outgoing.recall', actor: user, entityType: 'outgoing_document', entityId: document.id, details: { reason, incomingIds: withdrawn.incomingIds, organIds: withdrawn.organIds } },
        manager,
      );
      return { document, holders: withdrawn.holders };
    });

    await this.notifications.notifyAfterCommit(
      [...new Set([document.drafterId, document.signerId, ...holders])].filter((id) => id !== user.id),
      { kind: 'outgoing.recalled', title: `Văn bản bị thu hồi: ${document.numberAndNotation ?? ''} ${document.subject}`.replace(/\s+/g, ' '), link: `/outgoing/${documentId}` },
    );
  }
}
