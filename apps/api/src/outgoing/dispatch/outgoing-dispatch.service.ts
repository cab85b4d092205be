import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { User } from '../../identity/user.entity';
import { InternalReceiptService } from '../../incoming/internal-receipt.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { Clock } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { conflict } from '../../platform/errors/app-exception';
import { DraftVersion } from '../draft-version.entity';
import { OutgoingDocument } from '../outgoing-document.entity';
import { OutgoingRecipient } from '../outgoing-recipient.entity';
import { OutgoingRecords } from '../outgoing-records';
import { noPdfToSign } from '../signing/signing-support';
import { DispatchOutgoingDto } from './dispatch.dto';
import { ExchangeOutboxEntry, outboxKey } from './exchange-outbox-entry.entity';

/**
 * Dispatch (phát hành; Decree 30 Art. 16 — the day of issuance, at the latest the next working
 * day): the units of this agency named as recipients receive the issued PDF as an incoming
 * document waiting to be registered, and a message per agency of the directory is queued for the
 * interconnection. One transaction under the document's row lock: the state moves issued →
 * dispatched in it, so a second dispatch (a double click, two clerks) finds `dispatched` and gets
 * 409 — no second copy, no second message.
 */
@Injectable()
export class OutgoingDispatchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: OutgoingRecords,
    private readonly receipts: InternalReceiptService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async dispatch(documentId: string, input: DispatchOutgoingDto, clerk: AuthenticatedUser): Promise<void> {
    const { document, incomingIds } = await this.dataSource.transaction(async (manager) => {
      const document = this.records.check(await this.records.lockVisible(manager, documentId, clerk), input.version, ['issued']);
      if (!document.issuedVersionId || !document.numberAndNotation || !document.issuedOn) throw noPdfToSign('Văn bản chưa có bản phát hành.', 'The document has no issued PDF.');
      const issued = await manager.findOneByOrFail(DraftVersion, { id: document.issuedVersionId });
      const recipients = await manager.find(OutgoingRecipient, { where: { documentId }, relations: { unit: true, organ: true }, order: { position: 'ASC' } });
      // A confidential incoming document is seen only by the people named on it (incoming-visibility),
      // and a copy that has just arrived names no one yet: it would reach nobody. Refused plainly
      // until confidential documents get their own hand-over (to the confidential clerk, on paper).
      if (document.confidentiality !== 'normal' && recipients.some((row) => row.unitId))
        throw conflict(
          ErrorCode.InvalidState,
          'Văn bản mật không gửi cho đơn vị qua hệ thống; hãy chuyển theo quy định về bảo vệ bí mật nhà nước.',
          'A confidential document is not sent to units through the system; hand it over under the state-secret rules.',
        );
      const now = this.clock.now();

      const incomingIds: string[] = [];
      for (const recipient of recipients.filter((row) => row.unitId)) {
        const incomingId = await this.deliverToUnit(manager, document, issued, recipient, clerk);
        incomingIds.push(incomingId);
        await manager.update(OutgoingRecipient, { id: recipient.id }, { status: 'delivered', deliveredAt: now, incomingDocumentId: incomingId });
      }
      const organs = recipients.filter((row) => row.organId);
      for (const recipient of organs) {
        await this.queueForAgency(manager, document, issued, recipient, now);
        await manager.update(OutgoingRecipient, { id: recipient.id }, { status: 'waiting_for_axis' });
      }

      await this.records.touch(manager, document, { state: 'dispatched', dispatchedAt: now, dispatchedById: clerk.id });
      await this.records.addHistory(manager, document.id, clerk, 'dispatched', { units: incomingIds.length, agencies: organs.length });
      await this.audit.record(
        { action: 'outgoing.dispatch', actor: clerk, entityType: 'outgoing_document', entityId: document.id, details: { incomingIds, organIds: organs.map((row) => row.organId) } },
        manager,
      );
      return { document, incomingIds };
    });

    if (incomingIds.length) {
      // the clerks register what arrives (Decree 30 Art. 22): the copies wait in their `to_register` list
      const clerks: { id: string }[] = await this.dataSource.query(`SELECT id FROM "user" WHERE active AND 'clerk' = ANY(roles)`);
      await this.notifications.notifyAfterCommit(
        clerks.map((row) => row.id).filter((id) => id !== clerk.id),
        { kind: 'incoming.received', title: `Văn bản nội bộ chờ vào sổ: ${document.numberAndNotation} ${document.subject}`, link: `/incoming/${incomingIds[0]}` },
      );
    }
    await this.notifications.notifyAfterCommit(
      [...new Set([document.drafterId, document.signerId])].filter((id) => id !== clerk.id),
      { kind: 'outgoing.dispatched', title: `Văn bản đã được gửi đi: ${document.subject}`, link: `/outgoing/${documentId}` },
    );
  }

  private async deliverToUnit(manager: EntityManager, document: OutgoingDocument, issued: DraftVersion, recipient: OutgoingRecipient, clerk: AuthenticatedUser): Promise<string> {
    const signer = await manager.findOneBy(User, { id: document.signerId });
    return this.receipts.receive(
      manager,
      {
        sourceOutgoingId: document.id,
        unitName: recipient.unit?.name ?? '',
        issuerName: this.config.ORGAN_NAME,
        issuerOrganId: this.config.ORGAN_ID,
        numberAndNotation: document.numberAndNotation as string,
        promulgatedOn: document.issuedOn as string,
        documentType: document.documentType,
        subject: document.subject,
        signerName: signer?.fullName ?? null,
        signerPosition: signer?.position ?? null,
        urgency: document.urgency,
        confidentiality: document.confidentiality,
        mainFileId: issued.fileId,
      },
      clerk,
    );
  }

  /**
   * A reference to the issued version, never the bytes: the interconnection reads the file when it
   * sends. A document that replaces one this agency also received travels as that replacement
   * (edXML Bussiness 3 naming the old document): `replaces` says which, for this agency only.
   */
  private async queueForAgency(manager: EntityManager, document: OutgoingDocument, issued: DraftVersion, recipient: OutgoingRecipient, now: Date): Promise<void> {
    const organId = recipient.organId as string;
    const payload: Record<string, unknown> = {
      outgoingDocumentId: document.id,
      issuedVersionId: issued.id,
      fileId: issued.fileId,
      numberAndNotation: document.numberAndNotation,
      issuedOn: document.issuedOn,
      fromOrganId: this.config.ORGAN_ID,
      toOrganId: recipient.organ?.organId ?? null,
    };
    if (document.replacesId && (await manager.existsBy(ExchangeOutboxEntry, { outgoingDocumentId: document.replacesId, organId, kind: 'dispatch' }))) {
      const replaced = await manager.findOneByOrFail(OutgoingDocument, { id: document.replacesId });
      payload.replaces = { outgoingDocumentId: replaced.id, numberAndNotation: replaced.numberAndNotation, reason: document.replacementReason };
    }
    await manager.insert(ExchangeOutboxEntry, {
      kind: 'dispatch',
      outgoingDocumentId: document.id,
      organId,
      status: 'waiting_for_axis',
      // jsonb: TypeORM's insert type cannot describe an open record with nulls
      payload: payload as never,
      idempotencyKey: outboxKey('dispatch', document.id, organId),
      createdAt: now,
      sentAt: null,
    });
  }
}
