import { HttpStatus } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { OutgoingErrorCode } from '@app/contracts';
import type { FilesService } from '../../files/files.service';
import type { StoredFile } from '../../files/stored-file.entity';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { AppException } from '../../platform/errors/app-exception';
import type { SigningActor } from '../../signatures/signing.service';
import { readWhole } from '../../signatures/read-upload';
import { DraftVersion } from '../draft-version.entity';
import { PDF } from '../draft-files';

/** Signed documents are held in memory to be signed; far above any real decision or letter, well under the upload limit. */
const MAX_SIGNED_PDF_BYTES = 50 * 1024 * 1024;

export const noPdfToSign = (vi: string, en: string) => new AppException(HttpStatus.CONFLICT, OutgoingErrorCode.NoPdfToSign, vi, en);

export const signingActor = (user: AuthenticatedUser): SigningActor => ({ id: user.id, username: user.username, fullName: user.fullName, roles: user.roles });

/** The version and its PDF bytes: what is signed next. The download is audited like any other. */
export async function pdfOfVersion(manager: EntityManager, files: FilesService, versionId: string, reader: AuthenticatedUser): Promise<{ version: DraftVersion; file: StoredFile; pdf: Buffer }> {
  const version = await manager.findOneByOrFail(DraftVersion, { id: versionId });
  const file = await files.findById(version.fileId);
  if (file.mediaType !== PDF) throw noPdfToSign('Chỉ ký được tệp PDF.', 'Only a PDF can be signed.');
  return { version, file, pdf: await pdfBytes(files, file, reader) };
}

/** The bytes of a stored PDF, bounded: they are held in memory to be signed. The download is audited like any other. */
export async function pdfBytes(files: FilesService, file: StoredFile, reader: AuthenticatedUser): Promise<Buffer> {
  return readWhole(await files.open(file, reader), MAX_SIGNED_PDF_BYTES);
}

/** Stores a signed PDF in the caller's transaction, named after the file it was made from. */
export function storeSignedPdf(manager: EntityManager, files: FilesService, pdf: Buffer, fromName: string, suffix: string, actor: AuthenticatedUser): Promise<StoredFile> {
  const base = fromName.replace(/\.pdf$/i, '');
  return files.store(Readable.from([pdf]), { originalName: `${base} (${suffix}).pdf`, declaredType: PDF, uploadedBy: actor }, manager);
}
