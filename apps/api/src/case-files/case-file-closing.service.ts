import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseFileDto, ClosingCheckDto } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { Clock, vietnamDate } from '../platform/clock/clock';
import { caseFileIncomplete } from './case-file-errors';
import { CaseFileDocument } from './case-file-document.entity';
import { CaseFileDocumentsService } from './case-file-documents.service';
import { CaseFileRecords } from './case-file-records';
import { CaseFilesService } from './case-files.service';
import { checkClosing } from './closing-check';

/**
 * Closing a case file (kết thúc hồ sơ, Decree 30 Art. 29): the completeness review — metadata,
 * final signed versions, duplicates — then the counts of documents and pages and the end date;
 * from then on the file is read-only, waiting for the archive.
 */
@Injectable()
export class CaseFileClosingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CaseFileRecords,
    private readonly documents: CaseFileDocumentsService,
    private readonly caseFiles: CaseFilesService,
    private readonly clock: Clock,
  ) {}

  /** What closing would say now, without closing. */
  async check(id: string, user: AuthenticatedUser): Promise<ClosingCheckDto> {
    const { file } = await this.records.visible(this.dataSource.manager, id, user);
    if (file.state === 'open') await this.documents.refresh(id, user);
    return checkClosing(await this.dataSource.getRepository(CaseFileDocument).find({ where: { caseFileId: id }, order: { position: 'ASC' } }));
  }

  async close(id: string, version: number, user: AuthenticatedUser): Promise<CaseFileDto> {
    // the refresh is kept even when closing is refused: the keeper then sees what is still wrong
    await this.dataSource.transaction((manager) => this.records.lockForWork(manager, id, user, 'manage', version));
    await this.documents.refresh(id, user);
    await this.dataSource.transaction(async (manager) => {
      const { file } = await this.records.lockForWork(manager, id, user, 'manage', version);
      const check = checkClosing(await manager.find(CaseFileDocument, { where: { caseFileId: id }, order: { position: 'ASC' } }));
      if (!check.complete) throw caseFileIncomplete(check);
      const now = this.clock.now();
      const endDate = vietnamDate(now);
      await this.records.touch(manager, file, {
        state: 'closed',
        endDate: endDate < file.startDate ? file.startDate : endDate,
        documentCount: check.documentCount,
        pageCount: check.pageCount,
        closedAt: now,
        closedById: user.id,
      });
      await this.records.record(manager, id, user, 'closed', { documentCount: check.documentCount, pageCount: check.pageCount, endDate });
    });
    return this.caseFiles.get(id, user);
  }
}
