import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ErrorCode,
  IncomingDocumentDto,
  IncomingDocumentSummaryDto,
  IncomingHistoryEntryDto,
  RegisterIncomingResult,
} from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { toStoredFileDto } from '../files/dto/stored-file-response.dto';
import { FilesService } from '../files/files.service';
import type { StoredFile } from '../files/stored-file.entity';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { UsersService } from '../identity/users.service';
import { Clock, vietnamYear } from '../platform/clock/clock';
import { AppException, badRequest, forbidden, notFound, versionConflict } from '../platform/errors/app-exception';
import { RegistersService } from '../registers/registers.service';
import { DuplicateQueryDto, RegisterIncomingDto, RegisterReceivedDto } from './dto/register-incoming.dto';
import { IncomingAttachment } from './incoming-attachment.entity';
import { IncomingDocument } from './incoming-document.entity';
import { IncomingHistoryEntry } from './incoming-history-entry.entity';
import { restrictToVisible } from './incoming-visibility';
import { IncomingPreparationQueue } from './preparation/incoming-preparation.queue';

const documentNotFound = () =>
  notFound(ErrorCode.IncomingDocumentNotFound, 'Không tìm thấy văn bản đến.', 'Incoming document not found.');

/** A little slack for clocks of scanners and PCs that run ahead. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The incoming flow of Decree 30/2020 (Art. 20–24): receive, register, then direct and handle. */
@Injectable()
export class IncomingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registers: RegistersService,
    private readonly files: FilesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly preparation: IncomingPreparationQueue,
  ) {}

  /**
   * Registers a document: gives it the next arrival number of its register for the year it arrived,
   * records it with its files and writes the first step of its history — all in one transaction,
   * so a failure leaves no number used and nothing half-written. Look-alike documents already
   * registered come back as a warning; they do not block (a copy may arrive twice on purpose).
   */
  async register(input: RegisterIncomingDto, clerk: AuthenticatedUser): Promise<RegisterIncomingResult> {
    const now = this.clock.now();
    const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt) : now;
    if (arrivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      throw badRequest(ErrorCode.ValidationFailed, 'Ngày đến không thể ở tương lai.', 'The arrival time cannot be in the future.', [{ field: 'arrivedAt' }]);
    if (input.dueOn && input.dueOn < input.promulgatedOn)
      throw badRequest(ErrorCode.ValidationFailed, 'Hạn xử lý không thể trước ngày ban hành.', 'The due date cannot be before the promulgation date.', [{ field: 'dueOn' }]);
    const fileIds = [input.mainFileId, ...(input.attachmentFileIds ?? [])];
    if (new Set(fileIds).size !== fileIds.length)
      throw badRequest(ErrorCode.ValidationFailed, 'Tệp chính không được nằm trong danh sách tệp đính kèm.', 'The main file cannot also be an attachment.', [{ field: 'attachmentFileIds' }]);
    const files = await Promise.all(fileIds.map((id) => this.usableFile(id, clerk)));

    const id = await this.dataSource.transaction(async (manager) => {
      const register = await this.registers.requireUsable(manager, input.registerId, 'incoming', input.confidentiality !== 'normal');
      const arrivalYear = vietnamYear(arrivedAt);
      const arrivalNumber = await this.registers.takeNumber(manager, register.id, arrivalYear);
      const { attachmentFileIds: _attachments, arrivedAt: _arrivedAt, ...metadata } = input;
      const document = await manager.save(
        manager.create(IncomingDocument, {
          ...metadata,
          issuerOrganId: metadata.issuerOrganId ?? null,
          codeNumber: metadata.codeNumber ?? null,
          codeNotation: metadata.codeNotation ?? null,
          signerName: metadata.signerName ?? null,
          signerPosition: metadata.signerPosition ?? null,
          pageCount: metadata.pageCount ?? null,
          dueOn: metadata.dueOn ?? null,
          recipientsText: metadata.recipientsText ?? null,
          arrivalYear,
          arrivalNumber,
          arrivedAt,
          state: 'registered',
          registeredAt: now,
          registeredById: clerk.id,
          hasTextLayer: null,
          stampedFileId: null,
          searchableFileId: null,
        }),
      );
      if (files.length > 1)
        await manager.insert(
          IncomingAttachment,
          files.slice(1).map((file, index) => ({ documentId: document.id, fileId: file.id, position: index + 1 })),
        );
      await this.addHistory(manager, document.id, clerk, 'registered', { arrivalNumber, arrivalYear, registerCode: register.code });
      await this.audit.record(
        { action: 'incoming.register', actor: clerk, entityType: 'incoming_document', entityId: document.id, details: { registerId: register.id, arrivalYear, arrivalNumber } },
        manager,
      );
      return document.id;
    });

    // After the commit: the stamp, the text and OCR are made in the background (never lost: see the queue).
    await this.preparation.enqueue(id);
    const document = await this.get(id, clerk, { audit: false });
    return { document, possibleDuplicates: await this.findDuplicates(input, clerk, id) };
  }

  /**
   * Registers a document that arrived through the System (`received`: from the axis, or dispatched
   * by a unit of this agency): the next arrival number of the register, for the year it arrived.
   */
  async registerReceived(id: string, input: RegisterReceivedDto, clerk: AuthenticatedUser): Promise<IncomingDocumentDto> {
    await this.dataSource.transaction(async (manager) => {
      const document = await this.lockVisible(manager, id, clerk);
      if (document.version !== input.version) throw versionConflict('Văn bản', 'The document');
      if (document.state !== 'received')
        throw new AppException(HttpStatus.CONFLICT, ErrorCode.InvalidState, 'Văn bản này đã được vào sổ hoặc đã xử lý.', 'This document is already registered or handled.');
      const register = await this.registers.requireUsable(manager, input.registerId ?? document.registerId, 'incoming', document.confidentiality !== 'normal');
      const arrivalYear = vietnamYear(document.arrivedAt);
      const arrivalNumber = await this.registers.takeNumber(manager, register.id, arrivalYear);
      await manager.update(
        IncomingDocument,
        { id },
        { registerId: register.id, arrivalYear, arrivalNumber, state: 'registered', registeredAt: this.clock.now(), registeredById: clerk.id, version: document.version + 1 },
      );
      await this.addHistory(manager, id, clerk, 'registered', { arrivalNumber, arrivalYear, registerCode: register.code });
      await this.audit.record(
        { action: 'incoming.register', actor: clerk, entityType: 'incoming_document', entityId: id, details: { registerId: register.id, arrivalYear, arrivalNumber, from: 'received' } },
        manager,
      );
    });
    // the "ĐẾN" stamp carries the arrival number: made now, in the background
    await this.preparation.enqueue(id);
    return this.get(id, clerk, { audit: false });
  }

  /** Documents already registered that carry the same issuer, number, notation and date. */
  async findDuplicates(query: DuplicateQueryDto, user: AuthenticatedUser, excludeId?: string): Promise<IncomingDocumentSummaryDto[]> {
    const builder = this.dataSource
      .getRepository(IncomingDocument)
      .createQueryBuilder('document')
      .where('document.promulgated_on = :promulgatedOn', { promulgatedOn: query.promulgatedOn })
      .andWhere('immutable_unaccent(lower(document.issuer_name)) = immutable_unaccent(lower(:issuerName))', { issuerName: query.issuerName })
      .andWhere('document.code_number IS NOT DISTINCT FROM :codeNumber', { codeNumber: query.codeNumber ?? null })
      .andWhere('lower(document.code_notation) IS NOT DISTINCT FROM lower(:codeNotation)', { codeNotation: query.codeNotation ?? null })
      .andWhere('document.arrival_number IS NOT NULL')
      .orderBy('document.arrived_at', 'ASC')
      .take(10);
    if (excludeId) builder.andWhere('document.id <> :excludeId', { excludeId });
    restrictToVisible(builder, 'document', user);
    return (await builder.getMany()).map(toSummary);
  }

  async get(id: string, user: AuthenticatedUser, options: { audit: boolean } = { audit: true }): Promise<IncomingDocumentDto> {
    const builder = this.dataSource
      .getRepository(IncomingDocument)
      .createQueryBuilder('document')
      .leftJoinAndSelect('document.mainFile', 'mainFile')
      .leftJoinAndSelect('document.stampedFile', 'stampedFile')
      .leftJoinAndSelect('document.searchableFile', 'searchableFile')
      .where('document.id = :id', { id });
    const visible = await restrictToVisible(builder.clone(), 'document', user).getOne();
    if (!visible) {
      if (await builder.getExists()) {
        await this.audit.record({ action: 'permission.denied', actor: user, outcome: 'denied', entityType: 'incoming_document', entityId: id });
        throw forbidden('Bạn không có quyền xem văn bản này.', 'You may not see this document.');
      }
      throw documentNotFound();
    }
    const attachments = await this.dataSource.getRepository(IncomingAttachment).find({ where: { documentId: id }, relations: { file: true }, order: { position: 'ASC' } });
    const names = await this.users.namesOf([visible.registeredById, visible.submittedToId].filter((person): person is string => Boolean(person)));
    if (options.audit) await this.audit.record({ action: 'incoming.view', actor: user, entityType: 'incoming_document', entityId: id });
    return {
      ...toSummary(visible),
      issuerOrganId: visible.issuerOrganId,
      signerName: visible.signerName,
      signerPosition: visible.signerPosition,
      pageCount: visible.pageCount,
      recipientsText: visible.recipientsText,
      receivedVia: visible.receivedVia,
      registeredAt: visible.registeredAt?.toISOString() ?? null,
      registeredBy: visible.registeredById ? { id: visible.registeredById, fullName: names.get(visible.registeredById) ?? '' } : null,
      mainFile: toStoredFileDto(visible.mainFile as StoredFile),
      stampedFile: visible.stampedFile ? toStoredFileDto(visible.stampedFile) : null,
      searchableFile: visible.searchableFile ? toStoredFileDto(visible.searchableFile) : null,
      attachments: attachments.map((attachment) => toStoredFileDto(attachment.file as StoredFile)),
      hasTextLayer: visible.hasTextLayer,
      submittedTo: visible.submittedToId ? { id: visible.submittedToId, fullName: names.get(visible.submittedToId) ?? '' } : null,
      replyReference: visible.replyReference,
      rejectionReason: visible.rejectionReason,
      sourceOutgoingId: visible.sourceOutgoingId,
      recalledAt: visible.recalledAt?.toISOString() ?? null,
      version: visible.version,
    };
  }

  async history(id: string, user: AuthenticatedUser): Promise<IncomingHistoryEntryDto[]> {
    await this.get(id, user, { audit: false });
    const entries = await this.dataSource.getRepository(IncomingHistoryEntry).find({ where: { documentId: id }, order: { at: 'ASC' } });
    const names = await this.users.namesOf(entries.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])));
    return entries.map((entry) => ({
      at: entry.at.toISOString(),
      actor: entry.actorId ? { id: entry.actorId, fullName: names.get(entry.actorId) ?? '' } : null,
      action: entry.action,
      details: entry.details,
    }));
  }

  /** One of the document's files (original, stamped, searchable, attachment), if the user may see the document. */
  async fileOf(documentId: string, fileId: string, user: AuthenticatedUser): Promise<StoredFile> {
    const document = await this.dataSource.transaction((manager) => this.lockVisible(manager, documentId, user, { lock: false }));
    const own = [document.mainFileId, document.stampedFileId, document.searchableFileId].includes(fileId);
    if (!own && !(await this.dataSource.getRepository(IncomingAttachment).existsBy({ documentId, fileId })))
      throw notFound(ErrorCode.FileNotFound, 'Tệp này không thuộc văn bản.', 'This file is not one of the document’s files.');
    return this.files.findById(fileId);
  }

  /**
   * The document, locked for a change in the caller's transaction, if the user may see it:
   * 403 (audited) when it exists but is not theirs to see, 404 when it does not exist.
   */
  async lockVisible(manager: EntityManager, id: string, user: AuthenticatedUser, options: { lock: boolean } = { lock: true }): Promise<IncomingDocument> {
    const builder = manager.getRepository(IncomingDocument).createQueryBuilder('document').where('document.id = :id', { id });
    const query = restrictToVisible(builder.clone(), 'document', user);
    const visible = await (options.lock ? query.setLock('pessimistic_write') : query).getOne();
    if (visible) return visible;
    if (await builder.getExists()) {
      await this.audit.record({ action: 'permission.denied', actor: user, outcome: 'denied', entityType: 'incoming_document', entityId: id });
      throw forbidden('Bạn không có quyền xem văn bản này.', 'You may not see this document.');
    }
    throw documentNotFound();
  }

  async addHistory(manager: EntityManager, documentId: string, actor: AuthenticatedUser | null, action: string, details: Record<string, unknown> | null): Promise<void> {
    await manager.save(manager.create(IncomingHistoryEntry, { documentId, at: this.clock.now(), actorId: actor?.id ?? null, action, details }));
  }

  /** A file the clerk uploaded (or may read) and that is not already part of another document. */
  private async usableFile(id: string, clerk: AuthenticatedUser): Promise<StoredFile> {
    const file = await this.files.findById(id).catch(() => {
      throw badRequest(ErrorCode.FileNotFound, 'Tệp được chọn không tồn tại; hãy tải lên lại.', 'The chosen file does not exist; upload it again.', [{ field: 'mainFileId' }]);
    });
    this.files.assertCanRead(file, clerk);
    const used = await this.dataSource.getRepository(IncomingDocument).exists({ where: [{ mainFileId: id }] });
    const attached = await this.dataSource.getRepository(IncomingAttachment).exists({ where: { fileId: In([id]) } });
    if (used || attached)
      throw new AppException(HttpStatus.CONFLICT, ErrorCode.FileAlreadyUsed, 'Tệp này đã thuộc một văn bản khác.', 'This file already belongs to another document.');
    return file;
  }
}

/** The row of a list: what the registers and working lists show of a document. */
export function toSummary(document: IncomingDocument): IncomingDocumentSummaryDto {
  const numberAndNotation = document.codeNumber && document.codeNotation ? `${document.codeNumber}/${document.codeNotation}` : (document.codeNumber ?? document.codeNotation);
  return {
    id: document.id,
    registerId: document.registerId,
    arrivalNumber: document.arrivalNumber,
    arrivalYear: document.arrivalYear,
    arrivedAt: document.arrivedAt.toISOString(),
    issuerName: document.issuerName,
    codeNumber: document.codeNumber,
    codeNotation: document.codeNotation,
    numberAndNotation,
    promulgatedOn: document.promulgatedOn,
    documentType: document.documentType,
    subject: document.subject,
    urgency: document.urgency,
    confidentiality: document.confidentiality,
    dueOn: document.dueOn,
    state: document.state,
  };
}
