import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PdfForSigningIssue } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { FileActor, FilesService } from '../../files/files.service';
import { DraftVersion } from '../draft-version.entity';
import { DraftVersionsService } from '../draft-versions.service';
import { OutgoingDocument } from '../outgoing-document.entity';
import { OutgoingRecords } from '../outgoing-records';
import { PDF } from '../draft-files';
import { DocumentConverter } from './document-converter';

/**
 * The PDF the signer will sign ("the PDF to sign"), decided when the signer approves: the approved
 * version itself when it is a PDF, else its conversion by LibreOffice, kept as a version of its own
 * (numbered on, marked as converted from the approved one) so that it is listed, compared and
 * downloaded like the others. The conversion runs in a background job (ConversionQueue) after the
 * approval is committed: a slow or failed LibreOffice never delays or undoes an approval; the
 * draft says `conversion_pending` meanwhile, and why it has no PDF if it cannot get one.
 */
@Injectable()
export class PdfForSigningService {
  private readonly logger = new Logger('PdfForSigning');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: DraftVersionsService,
    private readonly converter: DocumentConverter,
    private readonly files: FilesService,
    private readonly records: OutgoingRecords,
    private readonly audit: AuditService,
  ) {}

  /** In the approving transaction: a PDF is ready at once; a DOCX waits for convert(). Returns whether a conversion is needed. */
  async onApproval(manager: EntityManager, document: OutgoingDocument): Promise<boolean> {
    const approved = await this.versions.latest(manager, document.id);
    if (!approved) return false;
    const file = await this.files.findById(approved.fileId);
    if (file.mediaType === PDF) {
      await manager.update(OutgoingDocument, { id: document.id }, { pdfForSigningVersionId: approved.id, pdfForSigningIssue: null });
      return false;
    }
    await manager.update(OutgoingDocument, { id: document.id }, { pdfForSigningVersionId: null, pdfForSigningIssue: 'conversion_pending' });
    return true;
  }

  /** In the job (or asked again): converts the approved DOCX, or records why it could not. Safe to run twice. */
  async convert(documentId: string, actor: FileActor): Promise<void> {
    const approved = await this.versions.latest(this.dataSource.manager, documentId);
    if (!approved) return;
    if (!(await this.converter.isAvailable())) return this.recordIssue(documentId, approved, 'converter_unavailable');
    let pdf;
    try {
      pdf = await this.converter.toPdf(await this.files.findById(approved.fileId), actor);
    } catch (error) {
      this.logger.warn({ err: error, documentId, version: approved.number }, 'DOCX to PDF conversion failed');
      return this.recordIssue(documentId, approved, 'conversion_failed');
    }
    await this.dataSource.transaction(async (manager) => {
      const document = await manager.findOne(OutgoingDocument, { where: { id: documentId }, lock: { mode: 'pessimistic_write' } });
      // a newer version (or another conversion) got there first: this PDF no longer belongs to the approved draft
      if (!document || document.pdfForSigningIssue === null || (await this.versions.latest(manager, documentId))?.id !== approved.id) return;
      const version = await this.versions.insert(manager, documentId, {
        file: pdf,
        attachments: [],
        note: `PDF để ký, chuyển từ phiên bản ${approved.number}`,
        uploadedBy: actor,
        convertedFromNumber: approved.number,
      });
      await this.records.touch(manager, document, { pdfForSigningVersionId: version.id, pdfForSigningIssue: null });
      await this.records.addHistory(manager, documentId, actor, 'converted_for_signing', { from: approved.number, number: version.number, sha256: pdf.sha256 });
      await this.audit.record({ action: 'outgoing.convert', actor, entityType: 'outgoing_document', entityId: documentId, details: { from: approved.number, fileId: pdf.id } }, manager);
    });
  }

  private async recordIssue(documentId: string, approved: DraftVersion, issue: PdfForSigningIssue): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const document = await manager.findOne(OutgoingDocument, { where: { id: documentId }, lock: { mode: 'pessimistic_write' } });
      if (!document || document.pdfForSigningVersionId !== null) return;
      await this.records.touch(manager, document, { pdfForSigningIssue: issue });
      await this.records.addHistory(manager, documentId, null, 'no_pdf_for_signing', { version: approved.number, issue });
    });
  }
}
