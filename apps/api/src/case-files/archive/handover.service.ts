import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseFileErrorCode, ErrorCode } from '@app/contracts';
import type { ArchiveHandoverDto } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { NotificationsService } from '../../notifications/notifications.service';
import { AppConfig } from '../../platform/config/app-config';
import { Clock, vietnamDate, vietnamYear } from '../../platform/clock/clock';
import { AppException } from '../../platform/errors/app-exception';
import { vietnameseDate } from '../../incoming/register-export/register-row';
import { CaseFile } from '../case-file.entity';
import { CaseFileRecords } from '../case-file-records';
import { CaseFileViews } from '../case-file-views';
import { mustBeHandedOver, retentionLabel } from '../retention';
import { CreateHandoverDto } from '../dto/archive.dto';
import { ArchiveHandover } from './archive.entities';
import { renderHandoverList, renderHandoverRecord } from './handover-pdf';

const handoverNotFound = () => new AppException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, 'Không tìm thấy biên bản giao nhận.', 'Handover not found.');
/** Handover numbers are taken one at a time per year (the unique key guards them as well). */
const HANDOVER_NUMBER_LOCK = 30_2020_31;

export interface HandoverPdf {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * The archive receives case files (nộp lưu, Decree 30 Art. 30–31): closed files kept 5 years or
 * more, all in one transaction under a number of the year; they become archived (read-only in the
 * archive). The handover list and the handover record come out as PDF.
 */
@Injectable()
export class HandoverService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CaseFileRecords,
    private readonly views: CaseFileViews,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async receive(input: CreateHandoverDto, archivist: AuthenticatedUser): Promise<ArchiveHandoverDto> {
    const ids = [...new Set(input.caseFileIds)];
    const handover = await this.dataSource.transaction(async (manager) => {
      const files: CaseFile[] = [];
      for (const id of ids.sort()) {
        const { file, access } = await this.records.visible(manager, id, archivist, { lock: true });
        if (access !== 'archive' || file.state !== 'closed' || !mustBeHandedOver(file.retentionYears))
          throw new AppException(
            HttpStatus.CONFLICT,
            CaseFileErrorCode.NotHandoverable,
            `Hồ sơ ${file.code} chưa thể nộp lưu: chỉ nhận hồ sơ đã kết thúc, có thời hạn bảo quản từ 5 năm trở lên.`,
            `Case file ${file.code} cannot be handed over: only closed files kept 5 years or more are received.`,
            { caseFileId: id, state: file.state },
          );
        files.push(file);
      }
      const now = this.clock.now();
      const year = vietnamYear(now);
      await manager.query('SELECT pg_advisory_xact_lock($1)', [HANDOVER_NUMBER_LOCK]);
      const [{ next }] = await manager.query(`SELECT coalesce(max(sequence), 0) + 1 AS next FROM archive_handover WHERE year = $1`, [year]);
      const same = <T>(values: T[]) => (new Set(values).size === 1 ? values[0] : null);
      const handover = await manager.save(
        manager.create(ArchiveHandover, {
          year,
          sequence: next,
          unitId: same(files.map((file) => file.unitId)),
          deliveredById: same(files.map((file) => file.keeperId)),
          receivedById: archivist.id,
          receivedAt: now,
          note: input.note ?? null,
        }),
      );
      for (const file of files) {
        await this.records.touch(manager, file, { state: 'archived', archivedAt: now, handoverId: handover.id });
        await this.records.record(manager, file.id, archivist, 'archived', { handoverId: handover.id, number: `${next}/${year}` });
      }
      return { handover, keepers: files.map((file) => file.keeperId), codes: files.map((file) => file.code) };
    });
    await this.notifications.notifyAfterCommit(handover.keepers, {
      kind: 'case_file.archived',
      title: `Lưu trữ cơ quan đã nhận hồ sơ ${handover.codes.join(', ')}`,
      link: '/case-files/archive?tab=handovers',
    });
    return this.get(handover.handover.id);
  }

  async list(): Promise<ArchiveHandoverDto[]> {
    const rows = await this.dataSource.getRepository(ArchiveHandover).find({ order: { receivedAt: 'DESC' }, take: 200 });
    return Promise.all(rows.map((row) => this.describe(row)));
  }

  async get(id: string): Promise<ArchiveHandoverDto> {
    const row = await this.dataSource.getRepository(ArchiveHandover).findOneBy({ id });
    if (!row) throw handoverNotFound();
    return this.describe(row);
  }

  /** Mục lục hồ sơ nộp lưu: one line per case file, in code order. */
  async listPdf(id: string, user: AuthenticatedUser): Promise<HandoverPdf> {
    const handover = await this.get(id);
    const rows = handover.caseFiles.map((file, index) => ({
      ordinal: String(index + 1),
      code: file.code,
      title: file.title,
      period: `${vietnameseDate(file.startDate)} - ${vietnameseDate(file.endDate)}`,
      retention: retentionLabel(file.retention),
      pages: String(file.pageCount ?? ''),
      note: `${file.documentCount} văn bản`,
    }));
    const starts = handover.caseFiles.map((file) => file.startDate).sort();
    const ends = handover.caseFiles.map((file) => file.endDate ?? file.startDate).sort();
    const bytes = await renderHandoverList(`Biên bản số ${handover.number} — ${handover.unit?.name ?? this.config.ORGAN_NAME}`, vietnameseDate(starts[0]), vietnameseDate(ends[ends.length - 1]), rows);
    await this.audit.record({ action: 'archive.handover_list', actor: user, entityType: 'archive_handover', entityId: id });
    return { fileName: `muc-luc-ho-so-nop-luu-${handover.number.replace('/', '-')}.pdf`, bytes };
  }

  /** Biên bản giao nhận. */
  async recordPdf(id: string, user: AuthenticatedUser): Promise<HandoverPdf> {
    const handover = await this.get(id);
    await this.audit.record({ action: 'archive.handover_record', actor: user, entityType: 'archive_handover', entityId: id });
    const [{ stored }] = await this.dataSource.query(
      `SELECT coalesce(sum(jsonb_array_length(files)), 0)::int AS stored FROM case_file_document WHERE case_file_id = ANY($1::uuid[])`,
      [handover.caseFiles.map((file) => file.id)],
    );
    const years = handover.caseFiles.map((file) => file.year);
    const bytes = await renderHandoverRecord({
      organName: this.config.ORGAN_NAME,
      number: handover.number,
      receivedAt: vietnamDate(new Date(handover.receivedAt)),
      unitName: handover.unit?.name ?? 'Các đơn vị',
      deliveredBy: handover.deliveredBy?.fullName ?? 'Người lập hồ sơ',
      receivedBy: handover.receivedBy.fullName,
      fileCount: handover.fileCount,
      documentCount: handover.documentCount,
      pageCount: handover.pageCount,
      storedFileCount: stored,
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
      note: null,
    });
    return { fileName: `bien-ban-giao-nhan-${handover.number.replace('/', '-')}.pdf`, bytes };
  }

  private async describe(row: ArchiveHandover): Promise<ArchiveHandoverDto> {
    const files = await this.dataSource.getRepository(CaseFile).find({ where: { handoverId: row.id }, order: { code: 'ASC' } });
    const caseFiles = await this.views.summaries(files);
    const person = await this.views.people([row.deliveredById, row.receivedById]);
    return {
      id: row.id,
      number: `${String(row.sequence).padStart(2, '0')}/${row.year}`,
      unit: row.unitId ? (caseFiles.find((file) => file.unit?.id === row.unitId)?.unit ?? null) : null,
      deliveredBy: person(row.deliveredById),
      receivedBy: person(row.receivedById) as NonNullable<ReturnType<typeof person>>,
      receivedAt: row.receivedAt.toISOString(),
      caseFiles,
      fileCount: files.length,
      documentCount: files.reduce((sum, file) => sum + file.documentCount, 0),
      pageCount: files.reduce((sum, file) => sum + (file.pageCount ?? 0), 0),
    };
  }
}
