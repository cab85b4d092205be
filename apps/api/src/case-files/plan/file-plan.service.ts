import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseFileErrorCode, ErrorCode } from '@app/contracts';
import type { FilePlanDto, FilePlanEntryDto, FilePlanSummary } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { UsersService } from '../../identity/users.service';
import { Clock } from '../../platform/clock/clock';
import { AppException, badRequest, versionConflict } from '../../platform/errors/app-exception';
import { CaseFile } from '../case-file.entity';
import { FilePlanEntryDto as FilePlanEntryInputDto, FilePlanHeadingDto, CreateFilePlanDto } from '../dto/file-plan.dto';
import { toRetention, toRetentionYears } from '../retention';
import { FilePlan, FilePlanEntry, FilePlanHeading } from './file-plan.entity';

const planNotFound = (year?: number) =>
  new AppException(HttpStatus.NOT_FOUND, CaseFileErrorCode.FilePlanNotFound, year ? `Chưa có danh mục hồ sơ năm ${year}.` : 'Không tìm thấy danh mục hồ sơ.', year ? `There is no file plan for ${year}.` : 'File plan not found.');
const planApproved = () =>
  new AppException(HttpStatus.CONFLICT, CaseFileErrorCode.FilePlanApproved, 'Danh mục hồ sơ đã được duyệt, không sửa được nữa.', 'The file plan is approved and can no longer be changed.');

/** A planned entry a case file may be opened from. */
export interface OpenableEntry {
  id: string;
  year: number;
  code: string;
  title: string;
  retention: FilePlanEntryDto['retention'];
  keeper: { id: string } | null;
}

/**
 * The yearly file plan (danh mục hồ sơ, Decree 30 Art. 28, Appendix V): headings and the case
 * files planned under them, drafted (often by copying last year's), then approved by the head of
 * the agency at the start of the year; approved, it no longer changes.
 */
@Injectable()
export class FilePlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateFilePlanDto, user: AuthenticatedUser): Promise<FilePlanDto> {
    await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(FilePlan, { year: input.year }))
        throw new AppException(HttpStatus.CONFLICT, CaseFileErrorCode.FilePlanExists, `Đã có danh mục hồ sơ năm ${input.year}.`, `A file plan for ${input.year} exists already.`);
      const plan = await manager.save(manager.create(FilePlan, { year: input.year, state: 'draft', createdById: user.id, createdAt: this.clock.now(), approvedById: null, approvedAt: null, version: 1 }));
      let copied = 0;
      if (input.copyFromYear !== undefined) copied = await this.copy(manager, input.copyFromYear, plan);
      await this.audit.record({ action: 'file_plan.create', actor: user, entityType: 'file_plan', entityId: plan.id, details: { year: input.year, copyFromYear: input.copyFromYear ?? null, copied } }, manager);
    });
    return this.get(input.year);
  }

  /** Last year's headings and entries, with their keepers, as the start of this year's plan. */
  private async copy(manager: EntityManager, fromYear: number, into: FilePlan): Promise<number> {
    const source = await manager.findOneBy(FilePlan, { year: fromYear });
    if (!source) throw new AppException(HttpStatus.BAD_REQUEST, CaseFileErrorCode.FilePlanNotFound, `Chưa có danh mục hồ sơ năm ${fromYear} để sao chép.`, `There is no ${fromYear} plan to copy.`, [{ field: 'copyFromYear' }]);
    const headings = await manager.find(FilePlanHeading, { where: { planId: source.id }, order: { position: 'ASC' } });
    const entries = await manager.find(FilePlanEntry, { where: { planId: source.id }, order: { code: 'ASC' } });
    for (const heading of headings) {
      const copy = await manager.save(manager.create(FilePlanHeading, { planId: into.id, position: heading.position, code: heading.code, title: heading.title }));
      for (const entry of entries.filter((candidate) => candidate.headingId === heading.id))
        await manager.insert(FilePlanEntry, { planId: into.id, headingId: copy.id, code: entry.code, title: entry.title, retentionYears: entry.retentionYears, keeperId: entry.keeperId, note: entry.note });
    }
    return entries.length;
  }

  /** The plans there are, newest year first: which years have one, and whether it is approved. */
  async list(): Promise<FilePlanSummary[]> {
    const plans = await this.dataSource.getRepository(FilePlan).find({ order: { year: 'DESC' } });
    return plans.map((plan) => ({ id: plan.id, year: plan.year, state: plan.state }));
  }

  async get(year: number): Promise<FilePlanDto> {
    const plan = await this.dataSource.getRepository(FilePlan).findOneBy({ year });
    if (!plan) throw planNotFound(year);
    return this.describe(plan);
  }

  async addHeading(planId: string, input: FilePlanHeadingDto, user: AuthenticatedUser): Promise<FilePlanDto> {
    const plan = await this.dataSource.transaction(async (manager) => {
      const plan = await this.lockDraft(manager, planId);
      if (await manager.existsBy(FilePlanHeading, { planId, code: input.code }))
        throw new AppException(HttpStatus.CONFLICT, CaseFileErrorCode.DuplicateCaseFileCode, `Đề mục ${input.code} đã có trong danh mục.`, `Heading ${input.code} is in the plan already.`, [{ field: 'code' }]);
      const position = (await manager.countBy(FilePlanHeading, { planId })) + 1;
      await manager.insert(FilePlanHeading, { planId, position, code: input.code, title: input.title });
      await this.bump(manager, plan, user, 'file_plan.add_heading', { code: input.code });
      return plan;
    });
    return this.get(plan.year);
  }

  async addEntry(planId: string, input: FilePlanEntryInputDto, user: AuthenticatedUser): Promise<FilePlanDto> {
    if (input.keeperId)
      await this.users.requireActive(input.keeperId).catch(() => {
        throw badRequest(ErrorCode.UserNotFound, 'Người lập hồ sơ không tồn tại hoặc đã nghỉ.', 'The keeper does not exist or is inactive.', [{ field: 'keeperId' }]);
      });
    const plan = await this.dataSource.transaction(async (manager) => {
      const plan = await this.lockDraft(manager, planId);
      const heading = await manager.findOneBy(FilePlanHeading, { id: input.headingId, planId });
      if (!heading) throw badRequest(ErrorCode.NotFound, 'Đề mục không thuộc danh mục này.', 'The heading is not in this plan.', [{ field: 'headingId' }]);
      // Appendix V: the code is the ordinal within the heading and the heading's abbreviation, `01.TCCB`
      const code = `${input.ordinal.padStart(2, '0')}.${heading.code}`;
      if (await manager.existsBy(FilePlanEntry, { planId, code }))
        throw new AppException(HttpStatus.CONFLICT, CaseFileErrorCode.DuplicateCaseFileCode, `Số, ký hiệu ${code} đã có trong danh mục.`, `Code ${code} is in the plan already.`, [{ field: 'ordinal' }]);
      await manager.insert(FilePlanEntry, { planId, headingId: heading.id, code, title: input.title, retentionYears: toRetentionYears(input.retention), keeperId: input.keeperId ?? null, note: input.note ?? null });
      await this.bump(manager, plan, user, 'file_plan.add_entry', { code });
      return plan;
    });
    return this.get(plan.year);
  }

  async removeEntry(planId: string, entryId: string, user: AuthenticatedUser): Promise<FilePlanDto> {
    const plan = await this.dataSource.transaction(async (manager) => {
      const plan = await this.lockDraft(manager, planId);
      const entry = await manager.findOneBy(FilePlanEntry, { id: entryId, planId });
      if (!entry) throw new AppException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, 'Không tìm thấy mục này trong danh mục.', 'No such entry in the plan.');
      await manager.delete(FilePlanEntry, { id: entryId });
      await this.bump(manager, plan, user, 'file_plan.remove_entry', { code: entry.code });
      return plan;
    });
    return this.get(plan.year);
  }

  /** The head of the agency approves the plan (Decree 30 Art. 28); from then on it is fixed. */
  async approve(planId: string, version: number, user: AuthenticatedUser): Promise<FilePlanDto> {
    const plan = await this.dataSource.transaction(async (manager) => {
      const plan = await this.lockDraft(manager, planId);
      if (plan.version !== version) throw versionConflict('Danh mục hồ sơ', 'The file plan');
      if ((await manager.countBy(FilePlanEntry, { planId })) === 0)
        throw badRequest(ErrorCode.ValidationFailed, 'Danh mục chưa có hồ sơ nào để duyệt.', 'The plan has no entries to approve.');
      await manager.update(FilePlan, { id: planId }, { state: 'approved', approvedById: user.id, approvedAt: this.clock.now(), version: plan.version + 1 });
      await this.audit.record({ action: 'file_plan.approve', actor: user, entityType: 'file_plan', entityId: planId, details: { year: plan.year } }, manager);
      return plan;
    });
    return this.get(plan.year);
  }

  /** An entry of an approved plan, for opening its case file. */
  async openableEntry(entryId: string): Promise<OpenableEntry> {
    const entry = await this.dataSource.getRepository(FilePlanEntry).findOneBy({ id: entryId });
    if (!entry) throw badRequest(ErrorCode.NotFound, 'Không tìm thấy mục này trong danh mục hồ sơ.', 'No such entry in the file plan.', [{ field: 'planEntryId' }]);
    const plan = await this.dataSource.getRepository(FilePlan).findOneByOrFail({ id: entry.planId });
    if (plan.state !== 'approved')
      throw badRequest(ErrorCode.ValidationFailed, `Danh mục hồ sơ năm ${plan.year} chưa được duyệt.`, `The ${plan.year} file plan is not approved yet.`, [{ field: 'planEntryId' }]);
    return { id: entry.id, year: plan.year, code: entry.code, title: entry.title, retention: toRetention(entry.retentionYears), keeper: entry.keeperId ? { id: entry.keeperId } : null };
  }

  private async lockDraft(manager: EntityManager, planId: string): Promise<FilePlan> {
    const plan = await manager.getRepository(FilePlan).createQueryBuilder('plan').where('plan.id = :planId', { planId }).setLock('pessimistic_write').getOne();
    if (!plan) throw planNotFound();
    if (plan.state !== 'draft') throw planApproved();
    return plan;
  }

  private async bump(manager: EntityManager, plan: FilePlan, user: AuthenticatedUser, action: string, details: Record<string, unknown>): Promise<void> {
    await manager.update(FilePlan, { id: plan.id }, { version: plan.version + 1 });
    await this.audit.record({ action, actor: user, entityType: 'file_plan', entityId: plan.id, details }, manager);
  }

  private async describe(plan: FilePlan): Promise<FilePlanDto> {
    const headings = await this.dataSource.getRepository(FilePlanHeading).find({ where: { planId: plan.id }, order: { position: 'ASC' } });
    const entries = await this.dataSource.getRepository(FilePlanEntry).find({ where: { planId: plan.id }, order: { code: 'ASC' } });
    const opened = entries.length
      ? await this.dataSource.getRepository(CaseFile).createQueryBuilder('case_file').select(['case_file.id', 'case_file.planEntryId']).where('case_file.plan_entry_id IN (:...ids)', { ids: entries.map((entry) => entry.id) }).getMany()
      : [];
    const caseFileOf = new Map(opened.map((file) => [file.planEntryId, file.id]));
    const names = await this.users.namesOf([...entries.map((entry) => entry.keeperId), plan.approvedById].filter((id): id is string => Boolean(id)));
    const person = (id: string | null) => (id ? { id, fullName: names.get(id) ?? '' } : null);
    return {
      id: plan.id,
      year: plan.year,
      state: plan.state,
      approvedBy: person(plan.approvedById),
      approvedAt: plan.approvedAt?.toISOString() ?? null,
      headings: headings.map((heading) => ({
        id: heading.id,
        code: heading.code,
        title: heading.title,
        entries: entries
          .filter((entry) => entry.headingId === heading.id)
          .map((entry) => ({
            id: entry.id,
            headingId: heading.id,
            code: entry.code,
            title: entry.title,
            retention: toRetention(entry.retentionYears),
            keeper: person(entry.keeperId),
            note: entry.note,
            caseFileId: caseFileOf.get(entry.id) ?? null,
          })),
      })),
      version: plan.version,
    };
  }
}
