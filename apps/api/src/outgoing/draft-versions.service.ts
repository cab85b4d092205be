import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DraftSignature, DraftVersionChange, DraftVersionComparison, DraftVersionDto, ErrorCode, OutgoingState } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { toStoredFileDto } from '../files/dto/stored-file-response.dto';
import { FilesService } from '../files/files.service';
import { StoredFile } from '../files/stored-file.entity';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { UsersService } from '../identity/users.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Clock } from '../platform/clock/clock';
import { badRequest, notFound } from '../platform/errors/app-exception';
import { DraftAttachment } from './draft-attachment.entity';
import { DraftFiles } from './draft-files';
import { DraftVersion } from './draft-version.entity';
import { AddDraftVersionDto } from './dto/outgoing-draft.dto';
import { versionNotFound } from './outgoing-errors';
import { OutgoingRecords } from './outgoing-records';
import { backToSigner } from './review-chain';
import { ReviewStep } from './review-step.entity';

export interface NewVersion {
  file: StoredFile;
  attachments: StoredFile[];
  note: string | null;
  uploadedBy: { id: string } | null;
  convertedFromNumber?: number | null;
  signature?: DraftSignature | null;
}

/** While the drafter holds the draft, and after the approval until signing: such a change goes back to the signer. */
const EDITABLE = ['draft', 'returned', 'approved', 'form_checked'] as const;
const AFTER_APPROVAL: readonly OutgoingState[] = ['approved', 'form_checked'];

/**
 * The versions of a draft: each upload is a new, immutable version numbered 1..n; they are listed,
 * compared by their metadata and downloaded through the draft (its visibility decides).
 */
@Injectable()
export class DraftVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: OutgoingRecords,
    private readonly draftFiles: DraftFiles,
    private readonly files: FilesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** Appends the next version in the caller's transaction; the document row is locked, so numbers never collide. */
  async insert(manager: EntityManager, documentId: string, input: NewVersion): Promise<DraftVersion> {
    const [{ last }] = await manager.query(`SELECT coalesce(max(number), 0)::int AS last FROM draft_version WHERE document_id = $1`, [documentId]);
    const version = await manager.save(
      manager.create(DraftVersion, {
        documentId,
        number: last + 1,
        fileId: input.file.id,
        sha256: input.file.sha256,
        uploadedById: input.uploadedBy?.id ?? null,
        uploadedAt: this.clock.now(),
        note: input.note,
        convertedFromNumber: input.convertedFromNumber ?? null,
        signature: input.signature ?? null,
      }),
    );
    if (input.attachments.length)
      await manager.insert(
        DraftAttachment,
        input.attachments.map((file, index) => ({ versionId: version.id, fileId: file.id, position: index + 1 })),
      );
    return version;
  }

  async add(documentId: string, input: AddDraftVersionDto, user: AuthenticatedUser): Promise<DraftVersionDto> {
    const file = await this.draftFiles.mainFile(input.mainFileId, user, documentId);
    const created = await this.dataSource.transaction(async (manager) => {
      const document = await this.records.lockForDrafter(manager, documentId, user, input.version, EDITABLE);
      const previous = await this.latest(manager, document.id);
      const attachments = input.attachmentFileIds
        ? await this.draftFiles.attachments(input.attachmentFileIds, user, document.id)
        : previous
          ? await this.attachmentFilesOf(manager, previous.id)
          : [];
      if (attachments.some((attachment) => attachment.id === file.id))
        throw badRequest(ErrorCode.ValidationFailed, 'Tệp chính không được nằm trong danh sách tệp đính kèm.', 'The main file cannot also be an attachment.', [{ field: 'attachmentFileIds' }]);
      const version = await this.insert(manager, document.id, { file, attachments, note: input.note ?? null, uploadedBy: user });
      const reopened = AFTER_APPROVAL.includes(document.state);
      if (reopened) {
        const steps = backToSigner(await manager.find(ReviewStep, { where: { documentId: document.id } }));
        for (const step of steps) await manager.update(ReviewStep, { id: step.id }, { state: step.state });
      }
      // a new version replaces whatever was prepared for signing from an older one
      await this.records.touch(manager, document, { pdfForSigningVersionId: null, pdfForSigningIssue: null, ...(reopened ? { state: 'in_review' as const } : {}) });
      await this.records.addHistory(manager, document.id, user, 'version_added', { number: version.number, fileName: file.originalName, sha256: file.sha256, note: version.note, backToSigner: reopened });
      await this.audit.record({ action: 'outgoing.version.add', actor: user, entityType: 'outgoing_document', entityId: document.id, details: { number: version.number, fileId: file.id, sha256: file.sha256 } }, manager);
      return { version, document, reopened };
    });
    if (created.reopened)
      await this.notifications.notifyAfterCommit([created.document.signerId], {
        kind: 'outgoing.review',
        title: `Dự thảo đã duyệt có phiên bản mới, cần duyệt lại: ${created.document.subject}`,
        link: `/outgoing/${documentId}`,
      });
    return (await this.describe([created.version]))[0];
  }

  async list(documentId: string, user: AuthenticatedUser): Promise<DraftVersionDto[]> {
    await this.dataSource.transaction((manager) => this.records.lockVisible(manager, documentId, user, { lock: false }));
    const versions = await this.dataSource.getRepository(DraftVersion).find({ where: { documentId }, order: { number: 'ASC' } });
    return this.describe(versions);
  }

  /** What changed between two versions, by their metadata: the file (name, type, size, SHA-256), the note, the uploader, the attachments. */
  async compare(documentId: string, fromNumber: number, toNumber: number, user: AuthenticatedUser): Promise<DraftVersionComparison> {
    await this.dataSource.transaction((manager) => this.records.lockVisible(manager, documentId, user, { lock: false }));
    const rows = await this.dataSource.getRepository(DraftVersion).find({ where: { documentId, number: In([fromNumber, toNumber]) } });
    const pick = (number: number) => {
      const row = rows.find((candidate) => candidate.number === number);
      if (!row) throw versionNotFound(number);
      return row;
    };
    const [from, to] = await this.describe([pick(fromNumber), pick(toNumber)]);
    const changes: DraftVersionChange[] = [];
    const differ = (field: DraftVersionChange['field'], a: unknown, b: unknown) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, from: a, to: b });
    };
    differ('fileName', from.file.originalName, to.file.originalName);
    differ('mediaType', from.file.mediaType, to.file.mediaType);
    differ('size', from.file.size, to.file.size);
    differ('sha256', from.file.sha256, to.file.sha256);
    differ('note', from.note, to.note);
    differ('uploadedBy', from.uploadedBy, to.uploadedBy);
    const attached = (version: DraftVersionDto) => version.attachments.map((file) => ({ name: file.originalName, sha256: file.sha256 }));
    differ('attachments', attached(from), attached(to));
    return { from, to, sameContent: from.file.sha256 === to.file.sha256, changes };
  }

  /** One of the draft's files (a version's main file or attachment), if the user may see the draft. */
  async fileOf(documentId: string, fileId: string, user: AuthenticatedUser): Promise<StoredFile> {
    await this.dataSource.transaction((manager) => this.records.lockVisible(manager, documentId, user, { lock: false }));
    const attached = await this.draftFiles.belongsTo(fileId, documentId);
    if (!attached) throw notFound(ErrorCode.FileNotFound, 'Tệp này không thuộc văn bản.', 'This file is not one of the document’s files.');
    return this.files.findById(fileId);
  }

  /** The newest version people uploaded (a conversion made for signing, or a signed PDF, is not a draft to work on). */
  latest(manager: EntityManager, documentId: string): Promise<DraftVersion | null> {
    return manager
      .getRepository(DraftVersion)
      .createQueryBuilder('version')
      .where('version.document_id = :documentId AND version.converted_from_number IS NULL AND version.signature IS NULL', { documentId })
      .orderBy('version.number', 'DESC')
      .getOne();
  }

  async describe(versions: DraftVersion[]): Promise<DraftVersionDto[]> {
    if (versions.length === 0) return [];
    const fileRows = await this.dataSource.getRepository(StoredFile).findBy({ id: In(versions.map((version) => version.fileId)) });
    const attachments = await this.dataSource.getRepository(DraftAttachment).find({ where: { versionId: In(versions.map((version) => version.id)) }, relations: { file: true }, order: { position: 'ASC' } });
    const files = new Map(fileRows.map((file) => [file.id, file]));
    const names = await this.users.namesOf(versions.flatMap((version) => (version.uploadedById ? [version.uploadedById] : [])));
    return versions.map((version) => ({
      id: version.id,
      number: version.number,
      file: toStoredFileDto(files.get(version.fileId) as StoredFile),
      attachments: attachments.filter((attachment) => attachment.versionId === version.id).map((attachment) => toStoredFileDto(attachment.file as StoredFile)),
      uploadedBy: version.uploadedById ? { id: version.uploadedById, fullName: names.get(version.uploadedById) ?? '' } : null,
      uploadedAt: version.uploadedAt.toISOString(),
      note: version.note,
      convertedFromNumber: version.convertedFromNumber,
      signature: version.signature,
    }));
  }

  async attachmentFilesOf(manager: EntityManager, versionId: string): Promise<StoredFile[]> {
    const rows = await manager.getRepository(DraftAttachment).find({ where: { versionId }, relations: { file: true }, order: { position: 'ASC' } });
    return rows.map((row) => row.file as StoredFile);
  }
}
