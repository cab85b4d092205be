import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { ErrorCode } from '@app/contracts';
import { FilesService } from '../files/files.service';
import type { StoredFile } from '../files/stored-file.entity';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { AppException, badRequest } from '../platform/errors/app-exception';
import { MediaType } from '../platform/storage/detect-media-type';
import { DraftAttachment } from './draft-attachment.entity';
import { DraftVersion } from './draft-version.entity';

export const PDF = 'application/pdf';
/** What a draft's main file may be: what can be signed (PDF) or turned into it (DOCX, with LibreOffice). */
export const MAIN_FILE_TYPES: readonly string[] = [PDF, MediaType.Docx];

/**
 * The files a drafter brings to a draft: uploaded by them through /api/files, of the right type by
 * their bytes (the type stored at upload, never the name), and not already part of another draft.
 */
@Injectable()
export class DraftFiles {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesService,
  ) {}

  async mainFile(id: string, user: AuthenticatedUser, documentId: string | null): Promise<StoredFile> {
    const file = await this.usable(id, user, documentId, 'mainFileId');
    if (!MAIN_FILE_TYPES.includes(file.mediaType))
      throw new AppException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ErrorCode.FileTypeNotAllowed,
        'Tệp chính của dự thảo phải là PDF hoặc Word (DOCX).',
        'The main file of a draft must be a PDF or a Word (DOCX) file.',
        { field: 'mainFileId', detected: file.mediaType, allowed: MAIN_FILE_TYPES },
      );
    return file;
  }

  async attachments(ids: readonly string[], user: AuthenticatedUser, documentId: string | null): Promise<StoredFile[]> {
    if (new Set(ids).size !== ids.length) throw badRequest(ErrorCode.ValidationFailed, 'Một tệp được đính kèm hai lần.', 'A file is attached twice.', [{ field: 'attachmentFileIds' }]);
    return Promise.all(ids.map((id) => this.usable(id, user, documentId, 'attachmentFileIds')));
  }

  private async usable(id: string, user: AuthenticatedUser, documentId: string | null, field: string): Promise<StoredFile> {
    const file = await this.files.findById(id).catch(() => {
      throw badRequest(ErrorCode.FileNotFound, 'Tệp được chọn không tồn tại; hãy tải lên lại.', 'The chosen file does not exist; upload it again.', [{ field }]);
    });
    // The files of an earlier version of this draft may come again (kept attachments); anything else must be the caller's own upload.
    if (documentId && (await this.belongsTo(id, documentId))) return file;
    this.files.assertCanRead(file, user);
    const elsewhere = documentId ? { fileId: id, documentId: Not(documentId) } : { fileId: id };
    const used =
      (await this.dataSource.getRepository(DraftVersion).existsBy(elsewhere)) ||
      (await this.dataSource
        .getRepository(DraftAttachment)
        .createQueryBuilder('attachment')
        .innerJoin(DraftVersion, 'version', 'version.id = attachment.version_id')
        .where('attachment.file_id = :id', { id })
        .andWhere(documentId ? 'version.document_id <> :documentId' : 'TRUE', { documentId })
        .getExists());
    if (used) throw new AppException(HttpStatus.CONFLICT, ErrorCode.FileAlreadyUsed, 'Tệp này đã thuộc một văn bản khác.', 'This file already belongs to another document.');
    return file;
  }

  /** Whether the file is the main file or an attachment of a version of the document. */
  async belongsTo(fileId: string, documentId: string): Promise<boolean> {
    if (await this.dataSource.getRepository(DraftVersion).existsBy({ fileId, documentId })) return true;
    return this.dataSource
      .getRepository(DraftAttachment)
      .createQueryBuilder('attachment')
      .innerJoin(DraftVersion, 'version', 'version.id = attachment.version_id')
      .where('attachment.file_id = :fileId AND version.document_id = :documentId', { fileId, documentId })
      .getExists();
  }
}
