import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutgoingState } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { Clock } from '../platform/clock/clock';
import { forbidden, versionConflict } from '../platform/errors/app-exception';
import { OutgoingDocument } from './outgoing-document.entity';
import { OutgoingHistoryEntry } from './outgoing-history-entry.entity';
import { outgoingNotFound, wrongState } from './outgoing-errors';
import { restrictToVisible } from './outgoing-visibility';

/**
 * What every write on an outgoing document starts and ends with, shared by the services of the
 * context: read it locked if the caller may see it, check the version and the state, bump the
 * version, write the timeline line.
 */
@Injectable()
export class OutgoingRecords {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The document, locked for a change in the caller's transaction, if the user may see it:
   * 403 (audited) when it exists but is not theirs to see, 404 when it does not exist.
   */
  async lockVisible(manager: EntityManager, id: string, user: AuthenticatedUser, options: { lock: boolean } = { lock: true }): Promise<OutgoingDocument> {
    const builder = manager.getRepository(OutgoingDocument).createQueryBuilder('document').where('document.id = :id', { id });
    const query = restrictToVisible(builder.clone(), 'document', user);
    const visible = await (options.lock ? query.setLock('pessimistic_write') : query).getOne();
    if (visible) return visible;
    if (await builder.getExists()) {
      // in a transaction of its own: the caller's rolls back with the 403, the record of the refusal must stay
      await this.audit.record({ action: 'permission.denied', actor: user, outcome: 'denied', entityType: 'outgoing_document', entityId: id });
      throw forbidden('Bạn không có quyền xem văn bản này.', 'You may not see this document.');
    }
    throw outgoingNotFound();
  }

  /** Whether the user may see the document, without a refusal: for showing a link's subject or not. */
  isVisible(manager: EntityManager, id: string, user: AuthenticatedUser): Promise<boolean> {
    const builder = manager.getRepository(OutgoingDocument).createQueryBuilder('document').where('document.id = :id', { id });
    return restrictToVisible(builder, 'document', user).getExists();
  }

  /** The document locked for a change that only its drafter makes, at the version they read, in one of the states given. */
  async lockForDrafter(manager: EntityManager, id: string, user: AuthenticatedUser, version: number, from: readonly OutgoingState[]): Promise<OutgoingDocument> {
    const document = await this.lockVisible(manager, id, user);
    if (document.drafterId !== user.id) throw forbidden('Chỉ người soạn thảo mới thực hiện được thao tác này.', 'Only the drafter can do this.');
    return this.check(document, version, from);
  }

  check(document: OutgoingDocument, version: number, from: readonly OutgoingState[]): OutgoingDocument {
    if (document.version !== version) throw versionConflict('Văn bản', 'The document');
    if (!from.includes(document.state)) throw wrongState(document.state);
    return document;
  }

  /** Records a change: the next version, the time of the change (the lists are ordered by it), and whatever else changed. */
  async touch(manager: EntityManager, document: OutgoingDocument, changes: Partial<OutgoingDocument> = {}): Promise<number> {
    const version = document.version + 1;
    await manager.update(OutgoingDocument, { id: document.id }, { ...changes, updatedAt: this.clock.now(), version });
    return version;
  }

  async addHistory(manager: EntityManager, documentId: string, actor: { id: string } | null, action: string, details: Record<string, unknown> | null): Promise<void> {
    await manager.insert(OutgoingHistoryEntry, { documentId, at: this.clock.now(), actorId: actor?.id ?? null, action, details: details as never });
  }
}
