import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { Clock, vietnamDate } from '../platform/clock/clock';
import { forbidden, versionConflict } from '../platform/errors/app-exception';
import { accessTo, allows, CaseFileAccess, restrictToVisible } from './case-file-access';
import { caseFileClosed, caseFileNotFound } from './case-file-errors';
import { CaseFile } from './case-file.entity';
import { CaseFileHistoryEntry } from './case-file-note.entity';

export interface VisibleCaseFile {
  file: CaseFile;
  access: CaseFileAccess;
}

/**
 * What every read and write of a case file starts and ends with, shared by the services of the
 * context: read it (locked for a change) if the caller may see it, check what they may do and
 * that it is still open, bump the version, write the timeline line.
 */
@Injectable()
export class CaseFileRecords {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** 403 (audited) when it exists but is not the caller's to see, 404 when it does not exist. */
  async visible(manager: EntityManager, id: string, user: AuthenticatedUser, options: { lock: boolean } = { lock: false }): Promise<VisibleCaseFile> {
    const builder = manager.getRepository(CaseFile).createQueryBuilder('case_file').where('case_file.id = :id', { id });
    const query = restrictToVisible(builder.clone(), 'case_file', user, vietnamDate(this.clock.now()));
    const file = await (options.lock ? query.setLock('pessimistic_write') : query).getOne();
    if (file) return { file, access: await accessTo(manager, file, user) };
    if (await builder.getExists()) {
      // in a transaction of its own: the caller's rolls back with the 403, the record of the refusal must stay
      await this.audit.record({ action: 'permission.denied', actor: user, outcome: 'denied', entityType: 'case_file', entityId: id });
      throw forbidden('Bạn không có quyền xem hồ sơ này.', 'You may not see this case file.');
    }
    throw caseFileNotFound();
  }

  /**
   * The case file locked for a change in the work (link, note, share, close, edit): the caller
   * must have the access needed, and the file must be open — a closed file is read-only (409).
   * With `version`, a stale client loses the race (409).
   */
  async lockForWork(manager: EntityManager, id: string, user: AuthenticatedUser, needed: 'contribute' | 'manage', version?: number): Promise<VisibleCaseFile> {
    const visible = await this.visible(manager, id, user, { lock: true });
    if (!allows(visible.access, needed))
      throw forbidden(
        needed === 'manage' ? 'Chỉ người lập hồ sơ (hoặc lãnh đạo đơn vị) mới làm được việc này.' : 'Bạn chỉ được xem hồ sơ này.',
        needed === 'manage' ? 'Only the keeper of the case file (or the head of the unit) can do this.' : 'You may only read this case file.',
      );
    if (visible.file.state !== 'open') throw caseFileClosed();
    if (version !== undefined && visible.file.version !== version) throw versionConflict('Hồ sơ', 'The case file');
    return visible;
  }

  /** Records a change: the next version and the time of the change (lists are ordered by it). */
  async touch(manager: EntityManager, file: CaseFile, changes: Partial<CaseFile> = {}): Promise<number> {
    const version = file.version + 1;
    await manager.update(CaseFile, { id: file.id }, { ...changes, updatedAt: this.clock.now(), version });
    return version;
  }

  async addHistory(manager: EntityManager, caseFileId: string, actor: { id: string } | null, action: string, details: Record<string, unknown> | null): Promise<void> {
    await manager.insert(CaseFileHistoryEntry, { caseFileId, at: this.clock.now(), actorId: actor?.id ?? null, action, details: details as never });
  }

  /** The change's timeline line and audit row, in the change's transaction. */
  async record(manager: EntityManager, caseFileId: string, actor: AuthenticatedUser, action: string, details: Record<string, unknown> | null): Promise<void> {
    await this.addHistory(manager, caseFileId, actor, action, details);
    await this.audit.record({ action: `case_file.${action}`, actor, entityType: 'case_file', entityId: caseFileId, details }, manager);
  }
}
