import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import { CaseFileErrorCode } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { FilesService } from '../../files/files.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { UsersService } from '../../identity/users.service';
import { AppConfig } from '../../platform/config/app-config';
import { AppException } from '../../platform/errors/app-exception';
import { CaseFileDocument } from '../case-file-document.entity';
import { CaseFileRecords } from '../case-file-records';
import { toRetention } from '../retention';
import { DocumentMetadata, fileCode, metadataXml, splitNumberAndNotation } from './metadata-xml';
import { MANIFEST_NAME, ManifestLine, writeManifest } from './package-manifest';

export interface ArchivePackage {
  fileName: string;
  stream: NodeJS.ReadableStream;
}

/** A name safe in any file system and ZIP tool: ASCII letters, digits, dot, dash, underscore. */
export function packageFileName(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return ascii.slice(-100) || 'file';
}

/**
 * The export package of a case file for the archive (Decree 30 Art. 30–31; Circular 02/2019):
 * a ZIP with every file of every document under `documents/NNN/`, `metadata.xml` with the fields
 * of Appendix VI, and `manifest-sha256.txt` with the SHA-256 of each of them — streamed, the
 * documents' bytes read from the store one after the other, never held whole.
 */
@Injectable()
export class ArchivePackageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CaseFileRecords,
    private readonly files: FilesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async build(caseFileId: string, archivist: AuthenticatedUser): Promise<ArchivePackage> {
    const { file, access } = await this.records.visible(this.dataSource.manager, caseFileId, archivist);
    if (access !== 'archive' || file.state === 'open')
      throw new AppException(HttpStatus.CONFLICT, CaseFileErrorCode.NotHandoverable, 'Chỉ hồ sơ đã kết thúc mới có gói nộp lưu.', 'Only a closed case file has an archive package.');
    const documents = await this.dataSource.getRepository(CaseFileDocument).find({ where: { caseFileId }, order: { position: 'ASC' } });
    const keeper = (await this.users.namesOf([file.keeperId])).get(file.keeperId) ?? '';
    const metadata = { organId: this.config.ORGAN_ID, organName: this.config.ORGAN_NAME, year: file.year, fileNotation: file.code };
    const code = fileCode(metadata);

    const zip = new ZipFile();
    const manifest: ManifestLine[] = [];
    const described: DocumentMetadata[] = [];
    for (const [index, document] of documents.entries()) {
      const ordinal = index + 1;
      const folder = `documents/${String(ordinal).padStart(3, '0')}`;
      const paths: string[] = [];
      for (const [fileIndex, linked] of document.files.entries()) {
        const path = `${folder}/${fileIndex + 1}-${packageFileName(linked.name)}`;
        const stored = await this.files.findById(linked.id);
        // the digest recorded when the bytes were stored; the verification reads the bytes again
        manifest.push({ sha256: stored.sha256, path });
        paths.push(path);
        zip.addReadStreamLazy(path, { size: stored.size, compress: false }, (done) => {
          this.files.open(stored, archivist).then(
            (stream) => void done(null, stream),
            (error: unknown) => void done(error, undefined as never),
          );
        });
      }
      described.push({ ordinal, kind: document.kind, typeName: document.typeName, ...splitNumberAndNotation(document.numberAndNotation), issuedDate: document.documentDate, organName: document.author, subject: document.title, pageAmount: document.pageCount, files: paths });
    }
    const xml = Buffer.from(
      metadataXml(
        {
          ...metadata,
          title: file.title,
          retention: toRetention(file.retentionYears),
          usageMode: file.usageMode,
          keeper,
          language: file.language,
          startDate: file.startDate,
          endDate: file.endDate,
          documentCount: documents.length,
          pageCount: file.pageCount ?? documents.reduce((sum, document) => sum + (document.pageCount ?? 0), 0),
          description: file.description,
        },
        described,
      ),
      'utf8',
    );
    zip.addBuffer(xml, 'metadata.xml');
    manifest.push({ sha256: createHash('sha256').update(xml).digest('hex'), path: 'metadata.xml' });
    zip.addBuffer(Buffer.from(writeManifest(manifest), 'utf8'), MANIFEST_NAME);
    zip.end();
    await this.audit.record({ action: 'archive.package', actor: archivist, entityType: 'case_file', entityId: caseFileId, details: { fileCode: code, files: manifest.length } });
    return { fileName: `${packageFileName(code)}.zip`, stream: zip.outputStream };
  }
}
