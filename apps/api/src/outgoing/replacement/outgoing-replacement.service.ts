import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { ErrorCode, OutgoingDocumentDto } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { conflict } from '../../platform/errors/app-exception';
import { OutgoingDocument } from '../outgoing-document.entity';
import { OutgoingRecords } from '../outgoing-records';
import { Withdrawal } from '../recall/withdrawal';

/** What can be replaced: a document that went out and was neither recalled nor replaced. */
const REPLACEABLE = ['issued', 'dispatched'] as const;

const notReplaceable = () =>
  conflict(
    ErrorCode.InvalidState,
    'Chỉ thay thế được văn bản đã ban hành, chưa bị thu hồi hay thay thế.',
    'Only an issued document that was neither recalled nor replaced can be replaced.',
  );

/**
 * Replacement (thay thế; Decree 30 Art. 18: an issued document wrong in its content is replaced by
 * a document of the same form). The replacing draft names the document and the reason from its
 * start; the replacement takes effect when that draft is issued, in the issuance's transaction:
 * the old document becomes `replaced`, both timelines say so and the units' copies leave the
 * working lists. The agencies it went to hear of it when the new document is dispatched to them:
 * that dispatch travels as a replacement (edXML Bussiness 3) naming the old one (see
 * OutgoingDispatchService).
 */
@Injectable()
export class OutgoingReplacementService {
  constructor(
    private readonly records: OutgoingRecords,
    private readonly withdrawal: Withdrawal,
    private readonly audit: AuditService,
  ) {}

  /** When the replacing draft is started: the drafter must see the document, and it must be replaceable now. */
  async checkReplaceable(manager: EntityManager, replacesId: string, drafter: AuthenticatedUser): Promise<OutgoingDocument> {
    const replaced = await this.records.lockVisible(manager, replacesId, drafter, { lock: false });
    if (!(REPLACEABLE as readonly string[]).includes(replaced.state)) throw notReplaceable();
    return replaced;
  }

  /** The replacing draft was started: the old document's timeline says a replacement is on its way. */
  async recordDraft(manager: EntityManager, replaced: OutgoingDocument, replacement: OutgoingDocument, drafter: AuthenticatedUser): Promise<void> {
    await this.records.addHistory(manager, replaced.id, drafter, 'replacement_drafted', { replacementId: replacement.id, reason: replacement.replacementReason });
  }

  /**
   * At the issuance of `replacement`, before its number is taken: the replaced document, locked
   * until the issuance commits, if it can still be replaced (a refusal uses no number).
   */
  async lockReplaced(manager: EntityManager, replacement: OutgoingDocument): Promise<OutgoingDocument> {
    const replaced = await manager.findOne(OutgoingDocument, { where: { id: replacement.replacesId as string }, lock: { mode: 'pessimistic_write' } });
    if (!replaced || !(REPLACEABLE as readonly string[]).includes(replaced.state)) throw notReplaceable();
    return replaced;
  }

  /** Then, once it is issued, in the same transaction. Returns who must be told once it is committed. */
  async apply(
    manager: EntityManager,
    replaced: OutgoingDocument,
    replacement: OutgoingDocument,
    numberAndNotation: string,
    clerk: AuthenticatedUser,
    now: Date,
  ): Promise<{ replaced: OutgoingDocument; notify: string[] }> {
    const reason = replacement.replacementReason ?? '';
    const withdrawn = await this.withdrawal.withdraw(
      manager,
      replaced,
      {
        kind: 'replace',
        reason,
        copyReason: `Được thay thế bởi văn bản số ${numberAndNotation}: ${reason}`,
        now,
      },
      clerk,
    );
    await this.records.touch(manager, replaced, { state: 'replaced', replacedAt: now });
    await this.records.addHistory(manager, replaced.id, clerk, 'replaced', { replacementId: replacement.id, numberAndNotation, reason, incomingCopies: withdrawn.incomingIds.length, agencies: withdrawn.organIds.length });
    await this.records.addHistory(manager, replacement.id, clerk, 'replaces', { replacedId: replaced.id, numberAndNotation: replaced.numberAndNotation, reason });
    await this.audit.record(
      {
        action: 'outgoing.replace',
        actor: clerk,
        entityType: 'outgoing_document',
        entityId: replaced.id,
        details: { replacementId: replacement.id, numberAndNotation, reason, incomingIds: withdrawn.incomingIds, organIds: withdrawn.organIds },
      },
      manager,
    );
    return { replaced, notify: [replaced.drafterId, replaced.signerId, ...withdrawn.holders] };
  }

  /** Both links of a document for its page: subjects only for those who may see the other document. */
  async linksOf(manager: EntityManager, document: OutgoingDocument, user: AuthenticatedUser): Promise<Pick<OutgoingDocumentDto, 'replaces' | 'replacedBy'>> {
    // the one issued (a unique index allows one); drafts started as replacements are not a replacement yet
    const replacing = document.replacedAt ? await manager.findOneBy(OutgoingDocument, { replacesId: document.id, issuedAt: Not(IsNull()) }) : null;
    const link = async (other: OutgoingDocument) => {
      const visible = await this.records.isVisible(manager, other.id, user);
      return { id: other.id, subject: visible ? other.subject : '', numberAndNotation: other.numberAndNotation, state: other.state };
    };
    const replaces = document.replacesId ? await manager.findOneBy(OutgoingDocument, { id: document.replacesId }) : null;
    return {
      replaces: replaces ? { ...(await link(replaces)), reason: document.replacementReason ?? '' } : null,
      replacedBy: replacing?.issuedAt ? { ...(await link(replacing)), at: replacing.issuedAt.toISOString(), reason: replacing.replacementReason ?? '' } : null,
    };
  }
}
