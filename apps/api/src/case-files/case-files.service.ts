import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { CaseFileErrorCode, ErrorCode, Permission } from '@app/contracts';
import type { CaseFileDto, CaseFileHistoryEntryDto, CaseFileNoteDto, CaseFileSummaryDto, Page } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { UsersService } from '../identity/users.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Clock, vietnamDate } from '../platform/clock/clock';
import { decodeCursor, encodeCursor } from '../platform/database/cursor';
import { AppException, badRequest, forbidden } from '../platform/errors/app-exception';
import { restrictToVisible } from './case-file-access';
import { CaseFileDocument } from './case-file-document.entity';
import { CaseFileHistoryEntry, CaseFileNote, CaseFileShare } from './case-file-note.entity';
import { CaseFileRecords } from './case-file-records';
import { CaseFileViews } from './case-file-views';
import { CaseFile } from './case-file.entity';
import { AddNoteDto, CaseFileListQueryDto, OpenCaseFileDto, ShareCaseFileDto, UpdateCaseFileDto } from './dto/case-file.dto';
import { FilePlanService } from './plan/file-plan.service';
import { toRetentionYears } from './retention';

const DEFAULT_PAGE = 50;
const duplicateCode = (code: string, year: number) =>
  new AppException(HttpStatus.CONFLICT, CaseFileErrorCode.DuplicateCaseFileCode, `Năm ${year} đã có hồ sơ mang số, ký hiệu ${code}.`, `Year ${year} already has a case file ${code}.`, [{ field: 'code' }]);

/**
 * Case files (hồ sơ công việc, Decree 30 Art. 28–29): opened from the yearly plan or not, read by
 * those who may see them, edited while open, with notes, shares and the timeline.
 */
@Injectable()
export class CaseFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CaseFileRecords,
    private readonly views: CaseFileViews,
    private readonly plans: FilePlanService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async open(input: OpenCaseFileDto, user: AuthenticatedUser): Promise<CaseFileDto> {
    const entry = input.planEntryId ? await this.plans.openableEntry(input.planEntryId) : null;
    const code = input.code ?? entry?.code;
    const title = input.title ?? entry?.title;
    const retention = input.retention ?? (entry ? (entry.retention) : undefined);
    if (!code || !title || retention === undefined)
      throw badRequest(
        ErrorCode.ValidationFailed,
        'Hồ sơ ngoài danh mục cần số, ký hiệu, tiêu đề và thời hạn bảo quản.',
        'A case file outside the plan needs a code, a title and a retention.',
        [code ? null : { field: 'code' }, title ? null : { field: 'title' }, retention === undefined ? { field: 'retention' } : null].filter(Boolean),
      );
    const keeperId = input.keeperId ?? entry?.keeper?.id ?? user.id;
    const keeper = await this.users.requireActive(keeperId).catch(() => {
      throw badRequest(ErrorCode.UserNotFound, 'Người lập hồ sơ không tồn tại hoặc đã nghỉ.', 'The keeper does not exist or is inactive.', [{ field: 'keeperId' }]);
    });
    const now = this.clock.now();
    const startDate = input.startDate ?? vietnamDate(now);
    if (startDate > vietnamDate(now))
      throw badRequest(ErrorCode.ValidationFailed, 'Ngày mở hồ sơ không thể ở tương lai.', 'The start date cannot be in the future.', [{ field: 'startDate' }]);
    const year = Number(startDate.slice(0, 4));
    if (entry && entry.year !== year)
      throw badRequest(ErrorCode.ValidationFailed, `Danh mục này là của năm ${entry.year}.`, `This plan is for ${entry.year}.`, [{ field: 'startDate' }]);

    const id = await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(CaseFile, { year, code })) throw duplicateCode(code, year);
      if (entry && (await manager.existsBy(CaseFile, { planEntryId: entry.id })))
        throw new AppException(HttpStatus.CONFLICT, CaseFileErrorCode.DuplicateCaseFileCode, 'Hồ sơ của mục này đã được mở.', 'A case file was already opened for this entry.');
      const file = await manager.save(
        manager.create(CaseFile, {
          planEntryId: entry?.id ?? null,
          year,
          code,
          title,
          retentionYears: toRetentionYears(retention),
          usageMode: input.usageMode ?? 'restricted',
          medium: input.medium ?? 'electronic',
          language: 'Tiếng Việt',
          description: input.description ?? null,
          keeperId: keeper.id,
          unitId: keeper.unitId ?? null,
          startDate,
          endDate: null,
          state: 'open',
          documentCount: 0,
          pageCount: null,
          closedAt: null,
          closedById: null,
          archivedAt: null,
          handoverId: null,
          createdById: user.id,
          createdAt: now,
          updatedAt: now,
          version: 1,
        }),
      );
      await this.records.record(manager, file.id, user, 'opened', { code, title, planEntryId: file.planEntryId, keeperId: keeper.id });
      return file.id;
    });
    if (keeper.id !== user.id)
      await this.notifications.notifyAfterCommit([keeper.id], { kind: 'case_file.keeper', title: `Bạn được giao lập hồ sơ: ${code} ${title}`, link: `/case-files/${id}` });
    return this.get(id, user);
  }

  async get(id: string, user: AuthenticatedUser): Promise<CaseFileDto> {
    const { file, access } = await this.records.visible(this.dataSource.manager, id, user);
    const [summary] = await this.views.summaries([file]);
    const documents = await this.dataSource.getRepository(CaseFileDocument).find({ where: { caseFileId: id }, order: { position: 'ASC' } });
    const shares = await this.dataSource.getRepository(CaseFileShare).find({ where: { caseFileId: id }, order: { grantedAt: 'ASC' } });
    const person = await this.views.people([...shares.map((share) => share.userId), file.closedById]);
    return {
      ...summary,
      planEntryId: file.planEntryId,
      description: file.description,
      language: file.language,
      documents: await this.views.documents(documents, user),
      shares: shares.map((share) => ({ user: person(share.userId) as NonNullable<ReturnType<typeof person>>, access: share.access })),
      closedAt: file.closedAt?.toISOString() ?? null,
      closedBy: person(file.closedById),
      archivedAt: file.archivedAt?.toISOString() ?? null,
      handoverId: file.handoverId,
      access,
      version: file.version,
    };
  }

  async update(id: string, input: UpdateCaseFileDto, user: AuthenticatedUser): Promise<CaseFileDto> {
    await this.dataSource.transaction(async (manager) => {
      const { file } = await this.records.lockForWork(manager, id, user, 'manage', input.version);
      const changes: Partial<CaseFile> = {};
      if (input.title !== undefined) changes.title = input.title;
      if (input.retention !== undefined) changes.retentionYears = toRetentionYears(input.retention);
      if (input.usageMode !== undefined) changes.usageMode = input.usageMode;
      if (input.description !== undefined) changes.description = input.description || null;
      await this.records.touch(manager, file, changes);
      await this.records.record(manager, id, user, 'updated', { fields: Object.keys(changes) });
    });
    return this.get(id, user);
  }

  async list(query: CaseFileListQueryDto, user: AuthenticatedUser): Promise<Page<CaseFileSummaryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const builder = this.dataSource.getRepository(CaseFile).createQueryBuilder('case_file').orderBy('case_file.updated_at', 'DESC').addOrderBy('case_file.id', 'DESC').take(limit + 1);
    switch (query.view) {
      case 'mine':
        builder.andWhere('case_file.keeper_id = :me', { me: user.id });
        break;
      case 'shared':
        builder.andWhere('EXISTS (SELECT 1 FROM case_file_share mine WHERE mine.case_file_id = case_file.id AND mine.user_id = :me)', { me: user.id });
        break;
      case 'unit':
        builder.andWhere('case_file.unit_id = :myUnit', { myUnit: user.unitId });
        break;
      case 'to_hand_over':
        builder.andWhere(`case_file.state = 'closed' AND (case_file.retention_years IS NULL OR case_file.retention_years >= 5)`);
        break;
      case 'archive':
        // the archive's catalogue is open to the agency's staff; the files themselves are lent with approval
        if (!user.permissions.includes(Permission.ArchiveRead)) throw forbidden();
        builder.andWhere(`case_file.state = 'archived'`);
        break;
    }
    if (query.view !== 'archive') restrictToVisible(builder, 'case_file', user, vietnamDate(this.clock.now()));
    if (query.year) builder.andWhere('case_file.year = :year', { year: query.year });
    if (query.state) builder.andWhere('case_file.state = :state', { state: query.state });
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (match) => '\\' + match)}%`;
      builder.andWhere('(immutable_unaccent(case_file.title) ILIKE immutable_unaccent(:pattern) OR case_file.code ILIKE :pattern)', { pattern });
    }
    if (query.cursor) {
      const [updatedAt, id] = decodeCursor(query.cursor)?.split('|') ?? [];
      if (!updatedAt || !id || Number.isNaN(Date.parse(updatedAt)) || !/^[0-9a-f-]{36}$/i.test(id))
        throw badRequest(ErrorCode.ValidationFailed, 'Con trỏ trang không hợp lệ.', 'The page cursor is not valid.', [{ field: 'cursor' }]);
      builder.andWhere(
        new Brackets((where) => where.where('case_file.updated_at < :updatedAt', { updatedAt }).orWhere('case_file.updated_at = :updatedAt AND case_file.id < :id', { id })),
      );
    }
    const rows = await builder.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: await this.views.summaries(items), nextCursor: rows.length > limit && last ? encodeCursor(`${last.updatedAt.toISOString()}|${last.id}`) : null };
  }

  async history(id: string, user: AuthenticatedUser): Promise<CaseFileHistoryEntryDto[]> {
    await this.records.visible(this.dataSource.manager, id, user);
    const entries = await this.dataSource.getRepository(CaseFileHistoryEntry).find({ where: { caseFileId: id }, order: { at: 'ASC' } });
    const person = await this.views.people(entries.map((entry) => entry.actorId));
    return entries.map((entry) => ({ at: entry.at.toISOString(), actor: person(entry.actorId), action: entry.action, details: entry.details }));
  }

  async notes(id: string, user: AuthenticatedUser): Promise<CaseFileNoteDto[]> {
    await this.records.visible(this.dataSource.manager, id, user);
    const notes = await this.dataSource.getRepository(CaseFileNote).find({ where: { caseFileId: id }, order: { createdAt: 'ASC' } });
    const person = await this.views.people(notes.map((note) => note.authorId));
    return notes.map((note) => ({ id: note.id, author: person(note.authorId), text: note.text, createdAt: note.createdAt.toISOString() }));
  }

  async addNote(id: string, input: AddNoteDto, user: AuthenticatedUser): Promise<CaseFileNoteDto> {
    const note = await this.dataSource.transaction(async (manager) => {
      const { file } = await this.records.lockForWork(manager, id, user, 'contribute');
      const saved = await manager.save(manager.create(CaseFileNote, { caseFileId: id, authorId: user.id, text: input.text, createdAt: this.clock.now() }));
      await this.records.touch(manager, file);
      await this.records.record(manager, id, user, 'note_added', { noteId: saved.id });
      return saved;
    });
    return { id: note.id, author: { id: user.id, fullName: user.fullName }, text: note.text, createdAt: note.createdAt.toISOString() };
  }

  async share(id: string, input: ShareCaseFileDto, user: AuthenticatedUser): Promise<CaseFileDto> {
    const colleague = await this.users.requireActive(input.userId).catch(() => {
      throw badRequest(ErrorCode.UserNotFound, 'Người được chia sẻ không tồn tại hoặc đã nghỉ.', 'The colleague does not exist or is inactive.', [{ field: 'userId' }]);
    });
    const file = await this.dataSource.transaction(async (manager) => {
      const { file } = await this.records.lockForWork(manager, id, user, 'manage');
      if (colleague.id === file.keeperId)
        throw badRequest(ErrorCode.ValidationFailed, 'Người lập hồ sơ đã có toàn quyền với hồ sơ.', 'The keeper already has full access.', [{ field: 'userId' }]);
      await this.upsertShare(manager, id, colleague.id, input.access, user);
      await this.records.touch(manager, file);
      await this.records.record(manager, id, user, 'shared', { userId: colleague.id, access: input.access });
      return file;
    });
    await this.notifications.notifyAfterCommit([colleague.id], {
      kind: 'case_file.shared',
      title: `${user.fullName} chia sẻ hồ sơ ${file.code} ${file.title} (${input.access === 'contribute' ? 'cùng xử lý' : 'để xem'})`,
      link: `/case-files/${id}`,
    });
    return this.get(id, user);
  }

  async unshare(id: string, userId: string, user: AuthenticatedUser): Promise<CaseFileDto> {
    await this.dataSource.transaction(async (manager) => {
      const { file } = await this.records.lockForWork(manager, id, user, 'manage');
      const { affected } = await manager.delete(CaseFileShare, { caseFileId: id, userId });
      if (!affected) throw new AppException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, 'Hồ sơ không được chia sẻ với người này.', 'The case file is not shared with this person.');
      await this.records.touch(manager, file);
      await this.records.record(manager, id, user, 'unshared', { userId });
    });
    return this.get(id, user);
  }

  private async upsertShare(manager: EntityManager, caseFileId: string, userId: string, access: CaseFileShare['access'], by: AuthenticatedUser): Promise<void> {
    await manager.query(
      `INSERT INTO case_file_share (case_file_id, user_id, access, granted_by_id, granted_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_file_id, user_id) DO UPDATE SET access = EXCLUDED.access, granted_by_id = EXCLUDED.granted_by_id, granted_at = EXCLUDED.granted_at`,
      [caseFileId, userId, access, by.id, this.clock.now()],
    );
  }
}
