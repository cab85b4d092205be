import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Permission } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { FilesService } from '../../files/files.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { NotificationsService } from '../../notifications/notifications.service';
import { forbidden } from '../../platform/errors/app-exception';
import { SigningService } from '../../signatures/signing.service';
import { DraftVersionsService } from '../draft-versions.service';
import { SignOutgoingDto } from '../dto/signing.dto';
import { OutgoingRecords } from '../outgoing-records';
import { noPdfToSign, pdfOfVersion, signingActor, storeSignedPdf } from './signing-support';

/**
 * The signer's signature (Decree 30 Art. 13; Phụ lục I §II.7): the signer of the draft signs the
 * PDF to sign once the draft is approved and its form checked. The signed PDF is a new immutable
 * version marked `signer`; the draft becomes `signed` and waits for a clerk to number and issue
 * it. One transaction: a wrong passphrase or a PDF that cannot be signed leaves the draft as it was.
 */
@Injectable()
export class OutgoingSigningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: OutgoingRecords,
    private readonly versions: DraftVersionsService,
    private readonly files: FilesService,
    private readonly signing: SigningService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async sign(documentId: string, input: SignOutgoingDto, user: AuthenticatedUser): Promise<void> {
    const document = await this.dataSource.transaction(async (manager) => {
      const document = await this.records.lockVisible(manager, documentId, user);
      // the signer named on the draft, and only while they may still sign (roles change)
      if (document.signerId !== user.id || !user.permissions.includes(Permission.OutgoingSign))
        throw forbidden('Chỉ người ký của văn bản mới ký được văn bản này.', 'Only the document’s signer can sign it.');
      this.records.check(document, input.version, ['form_checked']);
      if (!document.pdfForSigningVersionId)
        throw noPdfToSign('Văn bản chưa có bản PDF để ký.', 'The document has no PDF to sign yet.');
      // read (and its download audited) before anything of ours is audited in this transaction: see SigningService.run
      const source = await pdfOfVersion(manager, this.files, document.pdfForSigningVersionId, user);
      const signed = await this.signing.signAsSigner(
        { pdf: source.pdf, fileName: source.file.originalName, signer: signingActor(user), passphrase: input.passphrase, subject: { type: 'outgoing_document', id: document.id } },
        manager,
      );
      const file = await storeSignedPdf(manager, this.files, signed.pdf, source.file.originalName, 'đã ký', user);
      // the attachments stay with the approved draft; the organisation signs them separately at issuance
      const version = await this.versions.insert(manager, document.id, { file, attachments: [], note: 'Bản đã ký số', uploadedBy: user, signature: 'signer' });
      await this.records.touch(manager, document, { state: 'signed', signedVersionId: version.id, signedAt: signed.signedAt });
      await this.records.addHistory(manager, document.id, user, 'signed', { from: source.version.number, number: version.number, sha256: file.sha256, serialNumber: signed.certificate.serialNumber });
      await this.audit.record(
        { action: 'outgoing.sign', actor: user, entityType: 'outgoing_document', entityId: document.id, details: { versionId: version.id, fileId: file.id, sha256: file.sha256 } },
        manager,
      );
      return document;
    });
    const clerks: { id: string }[] = await this.dataSource.query(`SELECT id FROM "user" WHERE active AND 'clerk' = ANY(roles)`);
    // the clerks keep the outgoing registers (Decree 30 Art. 15): each may number and issue it
    await this.notifications.notifyAfterCommit(
      clerks.map((clerk) => clerk.id).filter((id) => id !== user.id),
      { kind: 'outgoing.to_issue', title: `Văn bản đã ký, chờ cấp số và phát hành: ${document.subject}`, link: `/outgoing/${documentId}` },
    );
  }
}
