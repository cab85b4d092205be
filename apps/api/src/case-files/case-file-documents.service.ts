import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseFileErrorCode, ErrorCode } from '@app/contracts';
import type { CaseFileDto } from '@app/contracts';
import { FilesService } from '../files/files.service';
import type { StoredFile } from '../files/stored-file.entity';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { Clock } from '../platform/clock/clock';
import { AppException } from '../platform/errors/app-exception';
import { CaseFileDocument } from './case-file-document.entity';
import { CaseFileRecords } from './case-file-records';
import type { CaseFile } from './case-file.entity';
import { CaseFilesService } from './case-files.service';
import { LinkDocumentDto, UpdateCaseFileDocumentDto } from './dto/case-file.dto';
import { DocumentSnapshot, LinkedDocuments } from './linked-documents';

const entryNotFound = () => new AppException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, 'Văn bản này không có trong hồ sơ.', 'This document is not in the case file.');

/**
 * The documents of a case file: linked (incoming, outgoing, drafts — only those the person may
 * see, as their own contexts decide) or uploaded as internal papers; their archive metadata
 * completed by the keeper; removed while the file is open.
 */
@Injectable()
export class CaseFileDocumentsService {
  private readonly logger = new Logger(CaseFileDocumentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CaseFileRecords,
    private readonly sources: LinkedDocuments,
    private readonly caseFiles: CaseFilesService,
    private readonly files: FilesService,
    private readonly clock: Clock,
  ) {}

  async link(caseFileId: string, input: LinkDocumentDto, user: AuthenticatedUser): Promise<CaseFileDto> {
    // first without a lock: a closed file (409) or a reader (403) is told before the document is read
    await this.dataSource.transaction((manager) => this.records.lockForWork(manager, caseFileId, user, 'contribute'));
    const snapshot = input.kind === 'internal' ? await this.sources.internal(input, user) : await this.sources.read(input.kind, input.documentId as string, user);
    await this.dataSource.transaction(async (manager) => {
      const { file } = await this.records.lockForWork(manager, caseFileId, user, 'contribute');
      const documentId = input.kind === 'internal' ? null : (input.documentId as string);
      if (documentId && (await manager.existsBy(CaseFileDocument, { caseFileId, kind: input.kind, documentId })))
        throw new AppException(HttpStatus.CONFLICT, CaseFileErrorCode.DocumentAlreadyLinked, 'Văn bản này đã có trong hồ sơ.', 'This document is already in the case file.');
      const [{ next }] = await manager.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM case_file_document WHERE case_file_id = $1`, [caseFileId]);
      const saved = await manager.save(
        manager.create(CaseFileDocument, { caseFileId, kind: input.kind, documentId, position: next, ...snapshot, addedById: user.id, addedAt: this.clock.now() }),
      );
      await this.recount(manager, file);
      await this.records.record(manager, caseFileId, user, 'document_linked', { caseFileDocumentId: saved.id, kind: input.kind, documentId, title: snapshot.title });
    });
    return this.caseFiles.get(caseFileId, user);
  }

  /** The keeper completes what the archive needs and the document lacks (its pages, an author). */
  async update(caseFileId: string, entryId: string, input: UpdateCaseFileDocumentDto, user: AuthenticatedUser): Promise<CaseFileDto> {
    await this.dataSource.transaction(async (manager) => {
      const { file } = await this.records.lockForWork(manager, caseFileId, user, 'contribute');
      const entry = await manager.findOneBy(CaseFileDocument, { id: entryId, caseFileId });
      if (!entry) throw entryNotFound();
      const changes: Partial<CaseFileDocument> = {};
      for (const key of ['title', 'numberAndNotation', 'documentDate', 'typeName', 'author', 'pageCount'] as const)
        if (input[key] !== undefined) (changes as Record<string, unknown>)[key] = input[key] === '' ? null : input[key];
      await manager.update(CaseFileDocument, { id: entryId }, changes);
      await this.recount(manager, file);
      await this.records.record(manager, caseFileId, user, 'document_updated', { caseFileDocumentId: entryId, fields: Object.keys(changes) });
    });
    return this.caseFiles.get(caseFileId, user);
  }

  /** Takes a document out of the case file (the document itself stays where it is). */
  async unlink(caseFileId: string, entryId: string, user: AuthenticatedUser): Promise<CaseFileDto> {
    await this.dataSource.transaction(async (manager) => {
      const { file } = await this.records.lockForWork(manager, caseFileId, user, 'contribute');
      const entry = await manager.findOneBy(CaseFileDocument, { id: entryId, caseFileId });
      if (!entry) throw entryNotFound();
      await manager.delete(CaseFileDocument, { id: entryId });
      await this.recount(manager, file);
      await this.records.record(manager, caseFileId, user, 'document_removed', { caseFileDocumentId: entryId, kind: entry.kind, documentId: entry.documentId, title: entry.title });
    });
    return this.caseFiles.get(caseFileId, user);
  }

  /**
   * Reads the linked documents again from their contexts, as the person closing the file sees them:
   * a draft issued since it was linked is now final, with its issued PDF. The document's own
   * metadata wins; what the keeper filled in stays where the document has none. A document the
   * person can no longer see keeps what was read when it was linked.
   */
  async refresh(caseFileId: string, user: AuthenticatedUser): Promise<void> {
    const entries = await this.dataSource.getRepository(CaseFileDocument).findBy({ caseFileId });
    for (const entry of entries) {
      if (entry.kind === 'internal' || !entry.documentId) continue;
      let snapshot: DocumentSnapshot;
      try {
        snapshot = await this.sources.read(entry.kind, entry.documentId, user);
      } catch (error) {
        this.logger.debug({ err: error, caseFileDocumentId: entry.id }, 'linked document not read again; the snapshot stays');
        continue;
      }
      const merged: Partial<CaseFileDocument> = { final: snapshot.final, confidential: snapshot.confidential, files: snapshot.files };
      for (const key of ['title', 'numberAndNotation', 'documentDate', 'typeName', 'author', 'pageCount'] as const)
        if (snapshot[key] !== null && snapshot[key] !== '') (merged as Record<string, unknown>)[key] = snapshot[key];
      await this.dataSource.getRepository(CaseFileDocument).update({ id: entry.id }, merged as never);
    }
  }

  /**
   * A file of a document in the case file, for whoever may see the case file: an internal paper
   * always; the files of incoming and outgoing documents once the file is in the archive's hands
   * (closed for the archivist, archived for a borrower) — before that, through their own pages.
   */
  async fileOf(caseFileId: string, entryId: string, fileId: string, user: AuthenticatedUser): Promise<StoredFile> {
    const { file, access } = await this.records.visible(this.dataSource.manager, caseFileId, user);
    const entry = await this.dataSource.getRepository(CaseFileDocument).findOneBy({ id: entryId, caseFileId });
    if (!entry || !entry.files.some((linked) => linked.id === fileId)) throw entryNotFound();
    // a confidential document's files: to the person who linked it, and to the archivist who takes custody
    if (entry.confidential && entry.addedById !== user.id && access !== 'archive') throw entryNotFound();
    const inArchive = file.state === 'archived' || access === 'archive';
    if (entry.kind !== 'internal' && !inArchive)
      throw new AppException(HttpStatus.NOT_FOUND, ErrorCode.FileNotFound, 'Hãy mở tệp từ trang của văn bản.', 'Open this file from the document’s own page.');
    return this.files.findById(fileId);
  }

  private async recount(manager: EntityManager, file: CaseFile): Promise<void> {
    const [{ documents }] = await manager.query(`SELECT count(*)::int AS documents FROM case_file_document WHERE case_file_id = $1`, [file.id]);
    await this.records.touch(manager, file, { documentCount: documents });
  }
}
