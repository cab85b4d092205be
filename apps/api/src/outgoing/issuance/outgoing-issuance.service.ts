import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Permission } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { FilesService } from '../../files/files.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { Unit } from '../../identity/unit.entity';
import { NotificationsService } from '../../notifications/notifications.service';
import { Clock, vietnamDate, vietnamYear } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { forbidden } from '../../platform/errors/app-exception';
import { RegistersService } from '../../registers/registers.service';
import { SigningService } from '../../signatures/signing.service';
import { DraftVersionsService } from '../draft-versions.service';
import { IssueOutgoingDto } from '../dto/signing.dto';
import { OutgoingRecords } from '../outgoing-records';
import { noPdfToSign, pdfOfVersion, signingActor, storeSignedPdf } from '../signing/signing-support';
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
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(documentId: string, input: IssueOutgoingDto, clerk: AuthenticatedUser): Promise<void> {
    if (!clerk.permissions.includes(Permission.OutgoingCheckForm) || !clerk.permissions.includes(Permission.SignaturesSeal))
      throw forbidden('Chỉ văn thư mới cấp số và phát hành văn bản.', 'Only a clerk can number and issue documents.');
    const document = await this.perRegister.run(input.registerId, () => this.issueNow(documentId, input, clerk));
    await this.notifications.notifyAfterCommit(
      [...new Set([document.drafterId, document.signerId])].filter((id) => id !== clerk.id),
      { kind: 'outgoing.issued', title: `Văn bản đã được phát hành: ${document.subject}`, link: `/outgoing/${documentId}` },
    );
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
      const version = await this.versions.insert(manager, document.id, { file, attachments: [], note: `Bản phát hành số ${notation}`, uploadedBy: clerk, signature: 'organisation' });
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
      await this.records.addHistory(manager, document.id, clerk, 'issued', { registerCode: register.code, number, numberAndNotation: notation, issuedOn, version: version.number, sha256: file.sha256 });
      await this.audit.record(
        { action: 'outgoing.issue', actor: clerk, entityType: 'outgoing_document', entityId: document.id, details: { registerId: register.id, year, number, numberAndNotation: notation, fileId: file.id } },
        manager,
      );
      return document;
    });
  }
}
