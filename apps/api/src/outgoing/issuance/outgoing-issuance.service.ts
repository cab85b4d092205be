import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutgoingIssuancePreviewDto, Permission } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { FilesService } from '../../files/files.service';
import { StoredFile } from '../../files/stored-file.entity';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { Unit } from '../../identity/unit.entity';
import { NotificationsService } from '../../notifications/notifications.service';
import { Clock, vietnamDate, vietnamYear } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { forbidden } from '../../platform/errors/app-exception';
import { RegistersService } from '../../registers/registers.service';
import { SigningService } from '../../signatures/signing.service';
import { PDF } from '../draft-files';
import { DraftVersion } from '../draft-version.entity';
import { DraftVersionsService } from '../draft-versions.service';
import { IssueOutgoingDto } from '../dto/signing.dto';
import { OutgoingDocument } from '../outgoing-document.entity';
import { OutgoingRecords } from '../outgoing-records';
import { OutgoingReplacementService } from '../replacement/outgoing-replacement.service';
import { noPdfToSign, pdfBytes, pdfOfVersion, signingActor, storeSignedPdf } from '../signing/signing-support';
import { KeyedQueue } from './keyed-queue';
import { numberAndNotation } from './number-and-notation';

/**
 * Issuance (ban hành; Decree 30 Art. 15–16, Phụ lục I §II.8): a clerk takes the next number of an
 * outgoing register for the current year (Vietnam time), the number and notation and the date are
 * written into the signed PDF and the organisation's signature goes over them. All of it in one
 * transaction: the counter is incremented under its row lock, so two clerks never get the same
 * number, and any failure (wrong passphrase, a broken signature, a PDF that cannot be read) rolls
 * the increment back with the rest — Decree 30 numbers run without gaps.
 */
@Injectable()
export class OutgoingIssuanceService {
  private readonly perRegister = new KeyedQueue();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: OutgoingRecords,
    private readonly versions: DraftVersionsService,
    private readonly registers: RegistersService,
    private readonly files: FilesService,
    private readonly signing: SigningService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly replacement: OutgoingReplacementService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(documentId: string, input: IssueOutgoingDto, clerk: AuthenticatedUser): Promise<void> {
    if (!clerk.permissions.includes(Permission.OutgoingCheckForm) || !clerk.permissions.includes(Permission.SignaturesSeal))
      throw forbidden('Chỉ văn thư mới cấp số và phát hành văn bản.', 'Only a clerk can number and issue documents.');
    const { document, replaced } = await this.perRegister.run(input.registerId, () => this.issueNow(documentId, input, clerk));
    await this.notifications.notifyAfterCommit(
      [...new Set([document.drafterId, document.signerId])].filter((id) => id !== clerk.id),
      { kind: 'outgoing.issued', title: `Văn bản đã được phát hành: ${document.subject}`, link: `/outgoing/${documentId}` },
    );
    if (replaced)
      await this.notifications.notifyAfterCommit(
        [...new Set(replaced.notify)].filter((id) => id !== clerk.id),
        { kind: 'outgoing.replaced', title: `Văn bản bị thay thế: ${replaced.replaced.numberAndNotation ?? ''} ${replaced.replaced.subject}`.replace(/\s+/g, ' '), link: `/outgoing/${replaced.replaced.id}` },
      );
  }

  /**
   * The number the next issuance of the document in this register would take, with its notation:
   * shown to the clerk before issuing. A forecast — another clerk may take it first; the issuance
   * itself takes the number under the counter's lock.
   */
  async preview(documentId: string, registerId: string, clerk: AuthenticatedUser): Promise<OutgoingIssuancePreviewDto> {
    return this.dataSource.transaction(async (manager) => {
      const document = await this.records.lockVisible(manager, documentId, clerk, { lock: false });
      const register = await this.registers.requireUsable(manager, registerId, 'outgoing', document.confidentiality !== 'normal');
      const year = vietnamYear(this.clock.now());
      const number = await this.registers.peekNumber(manager, register.id, year);
      const unit = document.draftingUnitId ? await manager.findOneBy(Unit, { id: document.draftingUnitId }) : null;
      return {
        register: { id: register.id, code: register.code, name: register.name },
        year,
        number,
        numberAndNotation: numberAndNotation({ number, documentType: document.documentType, organNotation: this.config.ORGAN_NOTATION, unitCode: unit?.code ?? null }),
      };
    });
  }

  private issueNow(documentId: string, input: IssueOutgoingDto, clerk: AuthenticatedUser) {
    return this.dataSource.transaction(async (manager) => {
      const document = this.records.check(await this.records.lockVisible(manager, documentId, clerk), input.version, ['signed']);
      // a confidential document only into a confidential register, and the other way round (Art. 15)
      const register = await this.registers.requireUsable(manager, input.registerId, 'outgoing', document.confidentiality !== 'normal');
      if (!document.signedVersionId) throw noPdfToSign('Văn bản chưa có bản đã ký.', 'The document has no signed PDF.');
      const unit = document.draftingUnitId ? await manager.findOneBy(Unit, { id: document.draftingUnitId }) : null;
      // read before the number is taken and before anything is audited in this transaction (see SigningService.run)
      const source = await pdfOfVersion(manager, this.files, document.signedVersionId, clerk);
      const attachments = await this.readAttachments(manager, document, clerk);
      // the document it replaces must still be replaceable: checked (and locked) before a number is taken
      const toReplace = document.replacesId ? await this.replacement.lockReplaced(manager, document) : null;

      const now = this.clock.now();
      const year = vietnamYear(now);
      const number = await this.registers.takeNumber(manager, register.id, year);
      const notation = numberAndNotation({ number, documentType: document.documentType, organNotation: this.config.ORGAN_NOTATION, unitCode: unit?.code ?? null });
      const sealed = await this.signing.applyOrganisationSignature(
        {
          pdf: source.pdf,
          fileName: source.file.originalName,
          clerk: signingActor(clerk),
          passphrase: input.passphrase,
          numberAndNotation: notation,
          issuedOn: now,
          subject: { type: 'outgoing_document', id: document.id },
        },
        manager,
      );
      const file = await storeSignedPdf(manager, this.files, sealed.pdf, source.file.originalName.replace(/ \(đã ký\)(?=\.pdf$)/i, ''), notation.replace(/\//g, '-'), clerk);
      const signedAttachments = await this.sealAttachments(manager, document, attachments, { notation, passphrase: input.passphrase, clerk });
      const version = await this.versions.insert(manager, document.id, { file, attachments: signedAttachments, note: `Bản phát hành số ${notation}`, uploadedBy: clerk, signature: 'organisation' });
      const issuedOn = vietnamDate(now);
      await this.records.touch(manager, document, {
        state: 'issued',
        registerId: register.id,
        issuedYear: year,
        number,
        numberAndNotation: notation,
        issuedOn,
        issuedAt: now,
        issuedById: clerk.id,
        issuedVersionId: version.id,
      });
      await this.records.addHistory(manager, document.id, clerk, 'issued', {
        registerCode: register.code,
        number,
        numberAndNotation: notation,
        issuedOn,
        version: version.number,
        sha256: file.sha256,
        attachmentsSigned: attachments.filter((attachment) => attachment.pdf).length,
      });
      await this.audit.record(
        { action: 'outgoing.issue', actor: clerk, entityType: 'outgoing_document', entityId: document.id, details: { registerId: register.id, year, number, numberAndNotation: notation, fileId: file.id } },
        manager,
      );
      // the document it replaces is replaced now, in the same transaction
      const replaced = toReplace ? await this.replacement.apply(manager, toReplace, document, notation, clerk, now) : null;
      return { document, replaced };
    });
  }

  /**
   * The attachments in separate files of the approved draft (the version the PDF to sign came
   * from), with the bytes of the PDFs among them, read before anything is signed.
   */
  private async readAttachments(manager: EntityManager, document: OutgoingDocument, clerk: AuthenticatedUser): Promise<Attachment[]> {
    if (!document.pdfForSigningVersionId) return [];
    const forSigning = await manager.findOneByOrFail(DraftVersion, { id: document.pdfForSigningVersionId });
    const approved =
      forSigning.convertedFromNumber !== null ? await manager.findOneByOrFail(DraftVersion, { documentId: document.id, number: forSigning.convertedFromNumber }) : forSigning;
    const files = await this.versions.attachmentFilesOf(manager, approved.id);
    const read: Attachment[] = [];
    for (const file of files) read.push({ file, pdf: file.mediaType === PDF ? await pdfBytes(this.files, file, clerk) : null });
    return read;
  }

  /**
   * Decree 30 Phụ lục I §II.8: each attachment in a separate file gets the organisation's
   * signature (first page, top right, the number and notation and the time, no image). Only PDFs
   * can carry a PAdES signature; other files (a spreadsheet) go out as they are.
   */
  private async sealAttachments(manager: EntityManager, document: OutgoingDocument, attachments: Attachment[], input: { notation: string; passphrase: string; clerk: AuthenticatedUser }): Promise<StoredFile[]> {
    const result: StoredFile[] = [];
    for (const { file, pdf } of attachments) {
      if (!pdf) {
        result.push(file);
        continue;
      }
      const signed = await this.signing.signAttachment(
        { pdf, fileName: file.originalName, clerk: signingActor(input.clerk), passphrase: input.passphrase, numberAndNotation: input.notation, subject: { type: 'outgoing_document', id: document.id } },
        manager,
      );
      result.push(await storeSignedPdf(manager, this.files, signed.pdf, file.originalName, input.notation.replace(/\//g, '-'), input.clerk));
    }
    return result;
  }
}

interface Attachment {
  file: StoredFile;
  /** the bytes, for a PDF (signed); null for another kind of file (kept as it is) */
  pdf: Buffer | null;
}
