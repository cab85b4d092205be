import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { AppConfig } from '../platform/config/app-config';
import { AppException, forbidden, notFound } from '../platform/errors/app-exception';
import { detectMediaType } from '../platform/storage/detect-media-type';
import { ByteRange, STORAGE_DRIVER, StorageDriver, StorageObjectNotFoundError } from '../platform/storage/storage-driver';
import { cleanFileName } from './file-names';
import { decideMediaType, needsWholeFile } from './media-type-policy';
import { StoredFile } from './stored-file.entity';
import { UploadInspector } from './upload-inspector';

/** Who acts on a file, as the audit log names them. */
export type FileActor = Pick<AuthenticatedUser, 'id' | 'username'>;
/** Who reads or deletes a file through /api/files (roles decide the administrator's rights). */
export type FileCaller = Pick<AuthenticatedUser, 'id' | 'username' | 'roles'>;

export interface StoreFileInput {
  /** the name the uploader gave; cleaned, shown, never used as a storage key */
  originalName: string;
  /** the Content-Type the client sent: recorded in the audit log only, never trusted */
  declaredType?: string;
  uploadedBy: FileActor;
}

/** Written to the object store before the type is known; the database row carries the real one. */
const UNVERIFIED_CONTENT_TYPE = 'application/octet-stream';

/**
 * Keeps files: stores upload streams (checked, hashed, in one pass), hands them back, removes them.
 * Other contexts (documents, meetings) call findById/open/store directly after applying their own
 * rules of who may read what; /api/files applies assertCanRead.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger('Files');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Stores the stream's bytes and records them. Refuses (and leaves nothing behind) a file that is
   * too large, empty, of a type not allowed, or whose name claims another type than its bytes.
   * With `manager` the record is written in the caller's transaction (a signed PDF stored together
   * with the step that made it, which may already hold the audit chain's lock); if that transaction
   * rolls back, only an unreferenced object is left in the store.
   */
  async store(source: Readable, input: StoreFileInput, manager?: EntityManager): Promise<StoredFile> {
    const originalName = cleanFileName(input.originalName);
    const id = randomUUID();
    const createdAt = new Date();
    const storageKey = storageKeyFor(id, createdAt);
    const inspector = new UploadInspector({
      maxBytes: this.config.UPLOAD_MAX_BYTES,
      // An obvious disguise (a program named .pdf) is refused before the rest of it is stored.
      onHead: async (head) => {
        const detected = await detectMediaType({ head, complete: false });
        if (!needsWholeFile(detected)) decideMediaType(detected, originalName);
      },
    });

    try {
      const writing = this.storage.put(storageKey, inspector, { contentType: UNVERIFIED_CONTENT_TYPE }).catch((error: unknown) => {
        inspector.destroy(error as Error); // so the reading side stops too
        throw error;
      });
      const [reading, written] = await Promise.allSettled([pipeline(source, inspector), writing]);
      // The reason the bytes stopped (too large, wrong type, client gone) explains more than the store's echo of it.
      if (reading.status === 'rejected') throw reading.reason;
      if (written.status === 'rejected') throw written.reason;

      const facts = inspector.facts();
      if (facts.size === 0) throw emptyFile(originalName);
      const detected = await detectMediaType({ head: facts.head, tail: facts.tail, complete: facts.size <= facts.head.length });
      const mediaType = decideMediaType(detected, originalName);

      const record = async (manager: EntityManager) => {
        const file = manager.create(StoredFile, {
          id,
          storageKey,
          originalName,
          mediaType,
          size: facts.size,
          sha256: facts.sha256,
          createdById: input.uploadedBy.id,
          createdAt,
        });
        await manager.insert(StoredFile, file);
        await this.audit.record(
          {
            action: 'file.upload',
            actor: { id: input.uploadedBy.id, username: input.uploadedBy.username },
            entityType: 'file',
            entityId: id,
            details: { originalName, mediaType, size: facts.size, sha256: facts.sha256, declaredType: input.declaredType ?? null },
          },
          manager,
        );
        return file;
      };
      return await (manager ? record(manager) : this.dataSource.transaction(record));
    } catch (error) {
      await this.storage.delete(storageKey).catch((cleanupError: unknown) =>
        this.logger.error({ err: cleanupError, storageKey }, 'could not remove a refused upload'),
      );
      throw error;
    }
  }

  /** The file's record, without any permission check: for contexts that authorise on their own. */
  async findById(id: string): Promise<StoredFile> {
    const file = await this.dataSource.getRepository(StoredFile).findOneBy({ id });
    if (!file)
      throw notFound(ErrorCode.FileNotFound, 'Không tìm thấy tệp. Có thể tệp đã bị xoá.', 'The file was not found. It may have been deleted.');
    return file;
  }

  /** The file's record, for a caller of /api/files. */
  async stat(id: string, reader: FileCaller): Promise<StoredFile> {
    const file = await this.findById(id);
    this.assertCanRead(file, reader);
    return file;
  }

  /**
   * Who may read a file through /api/files: its uploader, or an administrator. (Holding
   * files.read only opens the route.) Documents and meetings grant reads by their own rules.
   */
  assertCanRead(file: StoredFile, reader: FileCaller): void {
    if (file.createdById === reader.id || reader.roles.includes('admin')) return;
    throw forbidden('Bạn không có quyền xem tệp này.', 'You may not read this file.');
  }

  /** Only the uploader or an administrator removes a file. */
  assertCanDelete(file: StoredFile, actor: FileCaller): void {
    if (file.createdById === actor.id || actor.roles.includes('admin')) return;
    throw forbidden('Chỉ người tải tệp lên hoặc quản trị mới được xoá tệp này.', 'Only the uploader or an administrator may delete this file.');
  }

  /**
   * The file's bytes (or a range of them), with a `file.download` audit entry for every answer,
   * ranges included, so that reading a file piecewise still leaves a trace. The caller has checked
   * the permission.
   */
  async open(file: StoredFile, actor: FileActor, range?: ByteRange | null): Promise<Readable> {
    let content: Readable;
    try {
      content = await this.storage.get(file.storageKey, range ?? undefined);
    } catch (error) {
      if (!(error instanceof StorageObjectNotFoundError)) throw error;
      this.logger.error({ fileId: file.id, storageKey: file.storageKey }, 'stored file has no content in the store');
      throw new AppException(
        HttpStatus.INTERNAL_SERVER_ERROR,
        ErrorCode.InternalError,
        'Nội dung của tệp không còn trong kho lưu trữ. Hãy báo quản trị hệ thống.',
        'The content of this file is missing from the store. Tell the system administrator.',
      );
    }
    try {
      await this.audit.record({
        action: 'file.download',
        actor: { id: actor.id, username: actor.username },
        entityType: 'file',
        entityId: file.id,
        details: { originalName: file.originalName, sha256: file.sha256, range: range ? `${range.start}-${range.end}` : null },
      });
    } catch (error) {
      content.destroy(); // no trace, no bytes
      throw error;
    }
    return content;
  }

  async remove(id: string, actor: FileCaller): Promise<void> {
    const file = await this.findById(id);
    this.assertCanDelete(file, actor);
    await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.delete(StoredFile, { id });
      if (!affected) throw notFound(ErrorCode.FileNotFound, 'Tệp đã bị xoá trước đó.', 'The file has already been deleted.');
      await this.audit.record(
        {
          action: 'file.delete',
          actor: { id: actor.id, username: actor.username },
          entityType: 'file',
          entityId: id,
          details: { originalName: file.originalName, sha256: file.sha256, size: file.size },
        },
        manager,
      );
    });
    // After the commit: a leftover object is harmless, a row without its object is not.
    await this.storage.delete(file.storageKey).catch((error: unknown) =>
      this.logger.error({ err: error, storageKey: file.storageKey }, 'could not remove the content of a deleted file'),
    );
  }
}

/** A new key per file, from its id and month (listing a month's files stays cheap on S3). */
export function storageKeyFor(id: string, at: Date): string {
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `files/${at.getUTCFullYear()}/${month}/${id}`;
}

const emptyFile = (name: string) =>
  new AppException(
    HttpStatus.BAD_REQUEST,
    ErrorCode.FileMissing,
    `Tệp "${name}" rỗng (0 byte). Hãy chọn đúng tệp cần tải lên.`,
    `The file "${name}" is empty (0 bytes). Choose the file you meant to upload.`,
  );
