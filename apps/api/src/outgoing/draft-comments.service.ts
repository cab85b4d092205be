import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DraftCommentDto, ErrorCode } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { UsersService } from '../identity/users.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Clock } from '../platform/clock/clock';
import { badRequest } from '../platform/errors/app-exception';
import { DraftComment } from './draft-comment.entity';
import { DraftVersion } from './draft-version.entity';
import { AddDraftCommentDto } from './dto/outgoing-draft.dto';
import { versionNotFound } from './outgoing-errors';
import { OutgoingRecords } from './outgoing-records';

/**
 * Comments on a draft (góp ý), threaded per version: everyone who sees the draft may comment on a
 * version or answer a comment on the same version; a reviewer's reason for returning is one too.
 */
@Injectable()
export class DraftCommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: OutgoingRecords,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async add(documentId: string, input: AddDraftCommentDto, user: AuthenticatedUser): Promise<DraftCommentDto> {
    const { comment, document, version } = await this.dataSource.transaction(async (manager) => {
      const document = await this.records.lockVisible(manager, documentId, user, { lock: false });
      const version = await manager.findOneBy(DraftVersion, { documentId, number: input.versionNumber });
      if (!version) throw versionNotFound(input.versionNumber);
      if (input.parentId && !(await manager.existsBy(DraftComment, { id: input.parentId, versionId: version.id })))
        throw badRequest(ErrorCode.ValidationFailed, 'Ý kiến được trả lời không thuộc phiên bản này.', 'The comment answered is not on this version.', [{ field: 'parentId' }]);
      const comment = await manager.save(
        manager.create(DraftComment, { documentId, versionId: version.id, parentId: input.parentId ?? null, authorId: user.id, text: input.text, at: this.clock.now() }),
      );
      await this.records.addHistory(manager, documentId, user, 'commented', { version: version.number, commentId: comment.id });
      await this.audit.record({ action: 'outgoing.comment', actor: user, entityType: 'outgoing_document', entityId: documentId, details: { version: version.number, commentId: comment.id } }, manager);
      return { comment, document, version };
    });
    // the drafter hears of comments on their draft; the author of the comment answered hears of the answer
    const tell = [document.drafterId];
    if (comment.parentId) tell.push((await this.dataSource.getRepository(DraftComment).findOneByOrFail({ id: comment.parentId })).authorId);
    await this.notifications.notifyAfterCommit(
      [...new Set(tell)].filter((id) => id !== user.id),
      { kind: 'outgoing.comment', title: `Góp ý mới về dự thảo: ${document.subject}`, link: `/outgoing/${documentId}` },
    );
    return { id: comment.id, versionNumber: version.number, parentId: comment.parentId, author: { id: user.id, fullName: user.fullName }, text: comment.text, at: comment.at.toISOString(), replies: [] };
  }

  /** The comments as threads (answers under what they answer), oldest first; all versions or one. */
  async list(documentId: string, versionNumber: number | undefined, user: AuthenticatedUser): Promise<DraftCommentDto[]> {
    await this.dataSource.transaction((manager) => this.records.lockVisible(manager, documentId, user, { lock: false }));
    const builder = this.dataSource
      .getRepository(DraftComment)
      .createQueryBuilder('comment')
      .innerJoinAndSelect('comment.draftVersion', 'version')
      .where('comment.document_id = :documentId', { documentId })
      .orderBy('comment.at', 'ASC')
      .addOrderBy('comment.id', 'ASC');
    if (versionNumber !== undefined) builder.andWhere('version.number = :versionNumber', { versionNumber });
    const rows = await builder.getMany();
    const names = await this.users.namesOf(rows.map((row) => row.authorId));
    const byId = new Map<string, DraftCommentDto>();
    for (const row of rows)
      byId.set(row.id, {
        id: row.id,
        versionNumber: (row.draftVersion as DraftVersion).number,
        parentId: row.parentId,
        author: { id: row.authorId, fullName: names.get(row.authorId) ?? '' },
        text: row.text,
        at: row.at.toISOString(),
        replies: [],
      });
    const roots: DraftCommentDto[] = [];
    for (const comment of byId.values()) {
      const parent = comment.parentId ? byId.get(comment.parentId) : undefined;
      (parent ? parent.replies : roots).push(comment);
    }
    return roots;
  }
}
