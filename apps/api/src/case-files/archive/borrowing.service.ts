import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseFileErrorCode, ErrorCode, Permission } from '@app/contracts';
import type { BorrowRequestDto, RetentionExpiryDto } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { UsersService } from '../../identity/users.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { Clock, vietnamDate } from '../../platform/clock/clock';
import { AppException, badRequest, versionConflict } from '../../platform/errors/app-exception';
import { caseFileNotFound } from '../case-file-errors';
import { CaseFileViews } from '../case-file-views';
import { CaseFile } from '../case-file.entity';
import { CreateBorrowDto, DecideBorrowDto } from '../dto/archive.dto';
import { retentionExpiresOn } from '../retention';
import { ArchiveBorrowRequest } from './archive.entities';

const requestNotFound = () => new AppException(HttpStatus.NOT_FOUND, CaseFileErrorCode.BorrowNotFound, 'Không tìm thấy phiếu mượn.', 'Borrowing request not found.');
const wrongState = () => new AppException(HttpStatus.CONFLICT, ErrorCode.InvalidState, 'Phiếu mượn không ở trạng thái cho phép thao tác này.', 'The request is not in a state that allows this.');

/**
 * The archive in use: anyone on the staff finds archived case files in the catalogue and asks to
 * borrow one, saying why and until when; the archivist approves or refuses, and marks it returned.
 * An approved loan lets the borrower read the file until its last day. Also the retention expiry
 * list for the appraisal of files whose retention has run out.
 */
@Injectable()
export class BorrowingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: CaseFileViews,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(input: CreateBorrowDto, user: AuthenticatedUser): Promise<BorrowRequestDto> {
    const today = vietnamDate(this.clock.now());
    if (input.until < today) throw badRequest(ErrorCode.ValidationFailed, 'Ngày trả không thể trước hôm nay.', 'The return date cannot be before today.', [{ field: 'until' }]);
    const file = await this.dataSource.getRepository(CaseFile).findOneBy({ id: input.caseFileId });
    if (!file || file.state !== 'archived') throw caseFileNotFound();
    const saved = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ArchiveBorrowRequest, { caseFileId: file.id, requesterId: user.id, purpose: input.purpose, until: input.until, state: 'pending', decidedById: null, decidedAt: null, decisionNote: null, createdAt: this.clock.now(), version: 1 }),
      );
      await this.audit.record({ action: 'archive.borrow_request', actor: user, entityType: 'case_file', entityId: file.id, details: { requestId: saved.id, until: input.until } }, manager);
      return saved;
    });
    const archivists = (await this.users.list({ role: 'archivist', limit: 200 })).items.map((archivist) => archivist.id);
    await this.notifications.notifyAfterCommit(archivists, { kind: 'archive.borrow_requested', title: `${user.fullName} xin mượn hồ sơ ${file.code} ${file.title}`, link: '/case-files/archive?tab=borrowing' });
    return (await this.describe([saved]))[0];
  }

  /** The archivist sees every request, pending first; anyone else their own. */
  async list(user: AuthenticatedUser): Promise<BorrowRequestDto[]> {
    const builder = this.dataSource
      .getRepository(ArchiveBorrowRequest)
      .createQueryBuilder('loan')
      .orderBy(`CASE WHEN loan.state = 'pending' THEN 0 ELSE 1 END`)
      .addOrderBy('loan.created_at', 'DESC')
      .take(200);
    if (!user.permissions.includes(Permission.ArchiveManage)) builder.where('loan.requester_id = :me', { me: user.id });
    return this.describe(await builder.getMany());
  }

  async decide(id: string, input: DecideBorrowDto, archivist: AuthenticatedUser): Promise<BorrowRequestDto> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const loan = await manager.getRepository(ArchiveBorrowRequest).createQueryBuilder('loan').where('loan.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!loan) throw requestNotFound();
      if (loan.version !== input.version) throw versionConflict('Phiếu mượn', 'The request');
      const from = input.decision === 'return' ? 'approved' : 'pending';
      if (loan.state !== from) throw wrongState();
      const state = input.decision === 'approve' ? 'approved' : input.decision === 'refuse' ? 'refused' : 'returned';
      const changes = { state, decidedById: archivist.id, decidedAt: this.clock.now(), decisionNote: input.note ?? loan.decisionNote, version: loan.version + 1 } as const;
      await manager.update(ArchiveBorrowRequest, { id }, changes);
      await this.audit.record({ action: `archive.borrow_${state}`, actor: archivist, entityType: 'case_file', entityId: loan.caseFileId, details: { requestId: id } }, manager);
      return { ...loan, ...changes };
    });
    if (input.decision !== 'return')
      await this.notifications.notifyAfterCommit([saved.requesterId], {
        kind: `archive.borrow_${saved.state}`,
        title: saved.state === 'approved' ? 'Yêu cầu mượn hồ sơ đã được duyệt' : 'Yêu cầu mượn hồ sơ bị từ chối',
        link: saved.state === 'approved' ? `/case-files/${saved.caseFileId}` : '/case-files/archive?tab=borrowing',
      });
    return (await this.describe([saved]))[0];
  }

  /** Archived files whose retention ends on or before the day given: to appraise (destroy or keep longer). */
  async retentionExpiry(until: string | undefined): Promise<RetentionExpiryDto[]> {
    const limit = until ?? vietnamDate(this.clock.now());
    const files = await this.dataSource
      .getRepository(CaseFile)
      .createQueryBuilder('case_file')
      .where(`case_file.state = 'archived' AND case_file.retention_years IS NOT NULL AND case_file.end_date IS NOT NULL`)
      .andWhere(`(case_file.end_date + make_interval(years => case_file.retention_years))::date <= :limit`, { limit })
      .orderBy('case_file.end_date', 'ASC')
      .take(1000)
      .getMany();
    const summaries = await this.views.summaries(files);
    return summaries.map((caseFile, index) => ({ caseFile, expiresOn: retentionExpiresOn(files[index].endDate, files[index].retentionYears) as string }));
  }

  private async describe(rows: ArchiveBorrowRequest[]): Promise<BorrowRequestDto[]> {
    const files = rows.length ? await this.dataSource.getRepository(CaseFile).findBy(rows.map((row) => ({ id: row.caseFileId }))) : [];
    const byId = new Map(files.map((file) => [file.id, file]));
    const person = await this.views.people(rows.flatMap((row) => [row.requesterId, row.decidedById]));
    return rows.map((row) => {
      const file = byId.get(row.caseFileId);
      return {
        id: row.id,
        caseFile: { id: row.caseFileId, code: file?.code ?? '', title: file?.title ?? '' },
        requester: person(row.requesterId) as NonNullable<ReturnType<typeof person>>,
        purpose: row.purpose,
        until: row.until,
        state: row.state,
        decidedBy: person(row.decidedById),
        decidedAt: row.decidedAt?.toISOString() ?? null,
        decisionNote: row.decisionNote,
        createdAt: row.createdAt.toISOString(),
        version: row.version,
      };
    });
  }
}
