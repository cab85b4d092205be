import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EdxmlBussinessDocType, writeDocumentMessage } from '@app/edxml';
import { FilesService } from '../../files/files.service';
import { StoredFile } from '../../files/stored-file.entity';
import { User } from '../../identity/user.entity';
import { Organ } from '../../organs/organ.entity';
import { DraftAttachment } from '../../outgoing/draft-attachment.entity';
import { DraftVersion } from '../../outgoing/draft-version.entity';
import { ExchangeOutboxEntry } from '../../outgoing/dispatch/exchange-outbox-entry.entity';
import { OutgoingDocument } from '../../outgoing/outgoing-document.entity';
import { OutgoingRecipient } from '../../outgoing/outgoing-recipient.entity';
import { Clock } from '../../platform/clock/clock';
import { AxisRefusedError } from '../axis/axis-client';
import { AxisConnection } from '../axis/axis-connection';
import { AXIS_ACTOR } from '../exchange-actor';
import { documentMessage, edxmlDocumentId } from './document-message';

/** What the replacing document's dispatch says of the document it replaces at that agency (see OutgoingDispatchService). */
interface ReplacesPayload {
  outgoingDocumentId: string;
  reason?: string | null;
}

const replacesOf = (row: ExchangeOutboxEntry): ReplacesPayload | null => {
  const replaces = row.payload.replaces as ReplacesPayload | undefined;
  return row.kind === 'dispatch' && typeof replaces?.outgoingDocumentId === 'string' ? replaces : null;
};

/**
 * Sends the messages the outgoing context left in `exchange_outbox` (dispatch — of a new document
 * or of one replacing an earlier one — and recall) as edXML document messages, one per agency. A send runs under the row's lock, so two workers
 * never send one row at once; after a failure the row stays `waiting_for_axis` and the job is
 * retried with back-off. A send whose answer is lost (the axis stored it, we never heard) is sent
 * again: the receiver recognises the DocumentId and makes no second document.
 */
@Injectable()
export class DocumentOutboxService {
  private readonly logger = new Logger('ExchangeOutbox');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesService,
    private readonly axis: AxisConnection,
    private readonly clock: Clock,
  ) {}

  /** The rows still waiting, oldest first. */
  async waiting(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM exchange_outbox WHERE status = 'waiting_for_axis' ORDER BY created_at LIMIT 500`);
    return rows.map((row) => row.id);
  }

  /**
   * Sends one row. Returns quietly when it is already sent or being sent by another worker; throws
   * when the axis cannot be reached (the job is retried); a refusal by the axis marks the row
   * `failed` (sending the same bytes again would be refused again).
   */
  async send(outboxId: string): Promise<void> {
    const client = this.axis.client;
    if (!client) return;
    let unreachable: unknown = null;
    await this.dataSource.transaction(async (manager) => {
      const [entry] = (await manager.query(`SELECT id FROM exchange_outbox WHERE id = $1 AND status = 'waiting_for_axis' FOR UPDATE SKIP LOCKED`, [outboxId])) as { id: string }[];
      if (!entry) return;
      const row = await manager.findOneOrFail(ExchangeOutboxEntry, { where: { id: outboxId }, relations: { organ: true } });
      // a recall must not overtake the document it is about, nor a replacement the document it replaces: it waits for that dispatch to go
      const before = row.kind === 'dispatch' ? replacesOf(row)?.outgoingDocumentId : row.outgoingDocumentId;
      if (before && (await manager.existsBy(ExchangeOutboxEntry, { outgoingDocumentId: before, organId: row.organId, kind: 'dispatch', status: 'waiting_for_axis' }))) {
        unreachable = new Error('the dispatch of the document it is about has not been sent yet');
        return;
      }
      const message = await this.build(manager, row);
      try {
        await client.send(message, 'edoc', this.axis.organId);
      } catch (error) {
        if (!(error instanceof AxisRefusedError)) {
          unreachable = error;
          return;
        }
        this.logger.error({ outboxId, code: error.errorCode, reason: error.message }, 'the axis refused a message');
        await manager.update(ExchangeOutboxEntry, { id: outboxId }, { status: 'failed', attempts: row.attempts + 1 });
        return;
      }
      const now = this.clock.now();
      await manager.update(ExchangeOutboxEntry, { id: outboxId }, { status: 'sent', sentAt: now, attempts: row.attempts + 1 });
      if (row.kind === 'dispatch') await manager.update(OutgoingRecipient, { documentId: row.outgoingDocumentId, organId: row.organId, status: 'waiting_for_axis' }, { status: 'sent', deliveredAt: now });
    });
    if (unreachable) {
      // counted outside the transaction that held the row: the attempt is recorded, the job retried
      await this.dataSource.query(`UPDATE exchange_outbox SET attempts = attempts + 1 WHERE id = $1`, [outboxId]);
      throw unreachable;
    }
  }

  private async build(manager: EntityManager, row: ExchangeOutboxEntry): Promise<Buffer> {
    const document = await manager.findOneByOrFail(OutgoingDocument, { id: row.outgoingDocumentId });
    if (!document.issuedVersionId || !document.numberAndNotation || !document.issuedOn) throw new Error(`outgoing document ${document.id} is not issued`);
    const self = await manager.findOneByOrFail(Organ, { isSelf: true });
    const to = row.organ as Organ;
    const signer = await manager.findOneBy(User, { id: document.signerId });
    const sender = await manager.findOneBy(User, { id: document.dispatchedById ?? document.issuedById ?? document.signerId });
    const issued = await manager.findOneByOrFail(DraftVersion, { id: document.issuedVersionId });
    const attachments = await manager.find(DraftAttachment, { where: { versionId: issued.id }, order: { position: 'ASC' } });
    // a recall names the document; a dispatch (a replacing one too) carries the files
    const files =
      row.kind === 'dispatch'
        ? [await manager.findOneByOrFail(StoredFile, { id: issued.fileId }), ...(await Promise.all(attachments.map((attachment) => manager.findOneByOrFail(StoredFile, { id: attachment.fileId }))))]
        : [];

    const documentId = edxmlDocumentId(self.organId, document.issuedOn, document.numberAndNotation);
    await manager.query(`INSERT INTO exchange_sent_document (document_id, outgoing_document_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [documentId, document.id]);
    const replaces = replacesOf(row);
    const reason = replaces ? (replaces.reason ?? document.replacementReason) : row.kind === 'recall' ? (typeof row.payload.reason === 'string' ? row.payload.reason : document.recallReason) : null;
    return writeDocumentMessage(
      documentMessage({
        from: { organId: self.organId, organName: self.name, ...(self.email ? { email: self.email } : {}) },
        to: { organId: to.organId, organName: to.name },
        numberAndNotation: document.numberAndNotation,
        issuedOn: document.issuedOn,
        documentType: document.documentType,
        subject: document.subject,
        urgency: document.urgency,
        signer: { fullName: signer?.fullName ?? '', position: signer?.position ?? null },
        staff: { department: 'Văn thư', ...(sender ? { staff: sender.fullName } : {}), ...(sender?.email ? { email: sender.email } : {}) },
        bussinessDocType: replaces ? EdxmlBussinessDocType.Replace : row.kind === 'recall' ? EdxmlBussinessDocType.Recall : EdxmlBussinessDocType.New,
        reason: reason || null,
        replaces: replaces ? await this.sentDocumentId(manager, replaces.outgoingDocumentId, self.organId) : null,
        // the signed PDF first, then the attachments; read whole: documents are a few MB (the upload limit bounds them)
        attachments: await Promise.all(files.map(async (file) => ({ attachmentName: file.originalName, contentType: file.mediaType, content: await this.read(file) }))),
        now: this.clock.now(),
      }),
    );
  }

  /** The DocumentId the old document travelled under: the one its dispatch recorded, else made the same way. */
  private async sentDocumentId(manager: EntityManager, outgoingDocumentId: string, organId: string): Promise<string> {
    const [sent] = (await manager.query(`SELECT document_id FROM exchange_sent_document WHERE outgoing_document_id = $1`, [outgoingDocumentId])) as { document_id: string }[];
    if (sent) return sent.document_id;
    const old = await manager.findOneByOrFail(OutgoingDocument, { id: outgoingDocumentId });
    return edxmlDocumentId(organId, old.issuedOn as string, old.numberAndNotation as string);
  }

  private async read(file: StoredFile): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.files.open(file, AXIS_ACTOR)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
