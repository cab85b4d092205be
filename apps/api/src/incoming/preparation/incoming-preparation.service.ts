import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { FileActor, FilesService } from '../../files/files.service';
import { ArrivalStampService } from '../../files/pdf/arrival-stamp.service';
import { OcrService } from '../../files/pdf/ocr.service';
import { OcrFailedError, PdfError } from '../../files/pdf/pdf-errors';
import { PdfText, PdfTextService } from '../../files/pdf/pdf-text.service';
import type { StoredFile } from '../../files/stored-file.entity';
import { UsersService } from '../../identity/users.service';
import { NotificationsGateway } from '../../notifications/notifications.gateway';
import { Clock } from '../../platform/clock/clock';
import { IncomingDocument } from '../incoming-document.entity';
import { DocumentTextSource, IncomingDocumentText } from '../incoming-document-text.entity';
import { IncomingService } from '../incoming.service';

type Step = 'stamp' | 'text' | 'ocr';

/** What the text steps found: the text to index (if any) and whether the original has a text layer. */
interface TextOutcome {
  hasTextLayer: boolean;
  text: PdfText | null;
  source: DocumentTextSource;
}

/**
 * Prepares a registered incoming document in the background (job `incoming.prepare`):
 * 1. the "ĐẾN" stamp (Số đến, Ngày đến, Chuyển) on a stored copy of the main PDF → stampedFile,
 *    the original file left exactly as received;
 * 2. the text of the PDF for search; for a scan without a text layer, OCR (when installed) makes
 *    a searchable copy → searchableFile, and its text is indexed instead;
 * 3. has_text_layer set (false for scans and non-PDF files), which marks the preparation done.
 *
 * Idempotent, because pg-boss may run a job twice (retries, the start-up sweep): every step looks
 * at what is already recorded, and every write is conditional on it still being missing, so a
 * second, concurrent run adds no second stamp, history line or notification. A file that cannot be
 * read (damaged, locked) is a permanent answer: the document stays usable, marked "no text layer",
 * with a history line. Anything else (database, store) is thrown, for pg-boss to retry.
 */
/**
 * What the system adds in the background (copies, text) is not a change of the document by a person:
 * it keeps the version, so a clerk who submits it right after registering does not get a conflict.
 * (TypeORM raises a @VersionColumn on every update unless the version is set explicitly.)
 */
const KEEP_VERSION = { version: () => 'version' } as const;

@Injectable()
export class IncomingPreparationService {
  private readonly logger = new Logger('IncomingPreparation');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incoming: IncomingService,
    private readonly files: FilesService,
    private readonly stamps: ArrivalStampService,
    private readonly texts: PdfTextService,
    private readonly ocr: OcrService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsGateway,
    private readonly clock: Clock,
  ) {}

  async prepare(documentId: string): Promise<void> {
    const document = await this.dataSource.getRepository(IncomingDocument).findOne({ where: { id: documentId }, relations: { mainFile: true, register: true } });
    // Gone (deleted), not yet registered (waiting on the axis), or already prepared: nothing to do.
    if (!document || document.arrivalNumber === null || document.hasTextLayer !== null) return;
    const mainFile = document.mainFile as StoredFile;
    const actor = await this.actorFor(document);

    if (mainFile.mediaType !== 'application/pdf') {
      // Word and other files: no stamp can be drawn, and no text extractor is installed for them.
      await this.finish(document, { hasTextLayer: false, text: null, source: 'pdf' });
      return;
    }
    if (!document.stampedFileId) await this.stamp(document, mainFile, actor);
    await this.finish(document, await this.readText(document, mainFile, actor));
  }

  private async stamp(document: IncomingDocument, mainFile: StoredFile, actor: FileActor): Promise<void> {
    let stamped: StoredFile;
    try {
      stamped = await this.stamps.stamp(
        mainFile,
        { arrivalNumber: document.arrivalNumber as number, arrivedAt: document.arrivedAt, registerName: document.register?.name },
        actor,
      );
    } catch (error) {
      if (!(error instanceof PdfError)) throw error;
      await this.recordFailure(document, 'stamp', error);
      return;
    }
    const recorded = await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.update(IncomingDocument, { id: document.id, stampedFileId: IsNull() }, { stampedFileId: stamped.id, ...KEEP_VERSION });
      if (!affected) return false;
      await this.incoming.addHistory(manager, document.id, null, 'stamped', { fileId: stamped.id, fileName: stamped.originalName });
      return true;
    });
    // A concurrent run stamped first: its copy is the one recorded, this one is dropped.
    if (!recorded) await this.files.remove(stamped.id, { ...actor, roles: [] });
  }

  private async readText(document: IncomingDocument, mainFile: StoredFile, actor: FileActor): Promise<TextOutcome> {
    let text: PdfText;
    try {
      text = await this.texts.extract(mainFile);
    } catch (error) {
      if (!(error instanceof PdfError)) throw error;
      await this.recordFailure(document, 'text', error);
      return { hasTextLayer: false, text: null, source: 'pdf' };
    }
    if (text.hasTextLayer) return { hasTextLayer: true, text, source: 'pdf' };

    // A scan: OCR, when it is installed, gives a searchable copy whose text is indexed instead.
    const searchable = await this.searchableCopy(document, mainFile, actor);
    if (!searchable) return { hasTextLayer: false, text: text.text ? text : null, source: 'pdf' };
    try {
      return { hasTextLayer: false, text: await this.texts.extract(searchable), source: 'ocr' };
    } catch (error) {
      if (!(error instanceof PdfError)) throw error;
      await this.recordFailure(document, 'ocr', error);
      return { hasTextLayer: false, text: null, source: 'pdf' };
    }
  }

  private async searchableCopy(document: IncomingDocument, mainFile: StoredFile, actor: FileActor): Promise<StoredFile | null> {
    if (document.searchableFileId) return this.files.findById(document.searchableFileId);
    if (!(await this.ocr.isAvailable())) return null;
    let searchable: StoredFile | null;
    try {
      searchable = await this.ocr.makeSearchable(mainFile, actor);
    } catch (error) {
      // A timeout or crash of OCR on one scan tends to repeat: recorded, not retried for ever.
      if (!(error instanceof PdfError || error instanceof OcrFailedError)) throw error;
      await this.recordFailure(document, 'ocr', error);
      return null;
    }
    if (!searchable) return null;
    const recorded = await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.update(IncomingDocument, { id: document.id, searchableFileId: IsNull() }, { searchableFileId: searchable.id, ...KEEP_VERSION });
      if (affected) await this.incoming.addHistory(manager, document.id, null, 'ocr', { fileId: searchable.id, fileName: searchable.originalName });
      return Boolean(affected);
    });
    if (!recorded) {
      await this.files.remove(searchable.id, { ...actor, roles: [] });
      const current = await this.dataSource.getRepository(IncomingDocument).findOneByOrFail({ id: document.id });
      return current.searchableFileId ? this.files.findById(current.searchableFileId) : null;
    }
    return searchable;
  }

  /** Stores the text and marks the document prepared, once; then tells the clerk who registered it. */
  private async finish(document: IncomingDocument, outcome: TextOutcome): Promise<void> {
    const done = await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.update(IncomingDocument, { id: document.id, hasTextLayer: IsNull() }, { hasTextLayer: outcome.hasTextLayer, ...KEEP_VERSION });
      if (!affected) return false;
      if (outcome.text?.text) {
        await manager.upsert(
          IncomingDocumentText,
          { documentId: document.id, source: outcome.source, content: outcome.text.text, truncated: outcome.text.truncated, extractedAt: this.clock.now() },
          ['documentId'],
        );
      }
      await this.incoming.addHistory(manager, document.id, null, 'text_extracted', {
        hasTextLayer: outcome.hasTextLayer,
        source: outcome.text?.text ? outcome.source : null,
        pages: outcome.text?.pages ?? null,
        characters: outcome.text?.text.length ?? 0,
        truncated: outcome.text?.truncated ?? false,
      });
      return true;
    });
    if (done && document.registeredById) this.notifyReady(document, document.registeredById);
  }

  private async recordFailure(document: IncomingDocument, step: Step, error: Error): Promise<void> {
    const code = (error as { code?: string }).code ?? 'UNKNOWN';
    // The code and the file's id only: no document content in logs.
    this.logger.warn({ documentId: document.id, fileId: document.mainFileId, step, code }, 'incoming document preparation step failed');
    await this.dataSource.transaction((manager) => this.incoming.addHistory(manager, document.id, null, 'preparation_failed', { step, code }));
  }

  /** The clerk who registered it owns the copies (so they may download them); the system acts for them. */
  private async actorFor(document: IncomingDocument): Promise<FileActor> {
    if (!document.registeredById) throw new Error(`incoming document ${document.id} has an arrival number but no registering clerk`);
    const user = await this.users.get(document.registeredById);
    return { id: user.id, username: user.username };
  }

  private notifyReady(document: IncomingDocument, userId: string): void {
    const number = String(document.arrivalNumber).padStart(2, '0');
    this.notifications.notifyUser(userId, {
      id: randomUUID(),
      kind: 'incoming.prepared',
      title: `Văn bản đến số ${number} đã được đóng dấu "ĐẾN" và sẵn sàng tra cứu.`,
      link: `/incoming/${document.id}`,
      createdAt: this.clock.now().toISOString(),
    });
  }
}
