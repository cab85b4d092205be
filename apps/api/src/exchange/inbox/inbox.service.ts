import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { EdxmlBussinessDocType, EdxmlDocumentMessage, EdxmlRefusedError, EdxmlReplacementInfo, EdxmlStatusCode, EdxmlStatusMessage, readEdxml } from '@app/edxml';
import { AuditService } from '../../audit/audit.service';
import { FilesService } from '../../files/files.service';
import { StoredFile } from '../../files/stored-file.entity';
import { InternalReceiptService } from '../../incoming/internal-receipt.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { Clock, vietnamDate } from '../../platform/clock/clock';
import { AxisReceivedItem, AxisUnavailableError } from '../axis/axis-client';
import { AxisConnection } from '../axis/axis-connection';
import { AXIS_ACTOR } from '../exchange-actor';
import { ChangeKind, ExchangeInboxMessage, ExchangeReceivedDocument, ExchangeReceivedStatus } from '../exchange.entities';
import { StatusOutboxService } from '../outbox/status-outbox.service';
import { receivedMetadata } from './received-metadata';

/** Messages about a document received before. A replacement (3) is not one of them: it is the new document itself. */
const CHANGE_OF_BUSSINESS: Partial<Record<EdxmlBussinessDocType, ChangeKind>> = {
  [EdxmlBussinessDocType.Recall]: 'recall',
  [EdxmlBussinessDocType.Update]: 'update',
};

/**
 * Takes what the axis holds for this agency. Each message is first stored whole (its raw bytes as a
 * file, a row unique by the axis' id) and only then acknowledged to the axis — a crash in between
 * fetches it again and stores nothing new. Stored messages are then turned into documents and
 * statuses one at a time under a row lock: a document is unique by sender and DocumentId, so the
 * same document delivered twice (a retried send) or two pollers at once make one incoming document.
 */
@Injectable()
export class InboxService {
  private readonly logger = new Logger('ExchangeInbox');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly axis: AxisConnection,
    private readonly files: FilesService,
    private readonly receipts: InternalReceiptService,
    private readonly statuses: StatusOutboxService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** One round: take every waiting message, then process everything stored. Returns how many messages were taken. */
  async poll(): Promise<number> {
    const client = this.axis.client;
    if (!client) return 0;
    let taken = 0;
    for (const messageType of ['edoc', 'status'] as const)
      for (const item of await client.received(messageType)) {
        try {
          if (await this.take(item)) taken++;
        } catch (error) {
          // the axis gone: stop the round; one message we cannot store must not hold up the others
          if (error instanceof AxisUnavailableError) throw error;
          this.logger.error({ err: error, axisDocId: item.docId }, 'a message from the axis could not be stored; it stays at the axis');
        }
      }
    await this.processStored();
    return taken;
  }

  /** Stores one message, then acknowledges it. True when it was stored now (not by an earlier or parallel round). */
  private async take(item: AxisReceivedItem): Promise<boolean> {
    const client = this.axis.client!;
    const known = await this.dataSource.getRepository(ExchangeInboxMessage).existsBy({ axisDocId: item.docId });
    let stored = false;
    if (!known) {
      const bytes = await client.fetch(item.docId);
      stored = await this.dataSource.transaction(async (manager) => {
        const raw = await this.files.store(Readable.from([bytes]), { originalName: `${item.docId}.edxml`, declaredType: 'application/xml', uploadedBy: AXIS_ACTOR }, manager);
        const inserted: unknown[] = await manager.query(
          `INSERT INTO exchange_inbox_message (axis_doc_id, message_type, from_organ_id, raw_file_id, state, received_at) VALUES ($1, $2, $3, $4, 'stored', $5)
           ON CONFLICT (axis_doc_id) DO NOTHING RETURNING id`,
          [item.docId, item.messageType, String(item.from).slice(0, 50), raw.id, this.clock.now()],
        );
        // a parallel round stored it first: this copy's row goes with the rollback
        if (!inserted.length) throw new AlreadyStored();
        return true;
      }).catch((error: unknown) => {
        if (error instanceof AlreadyStored) return false;
        throw error;
      });
    }
    // safely stored (now or before): the axis may forget it
    await client.updateStatus(item.docId, 'done');
    return stored;
  }

  /** Turns the stored messages into documents and statuses, oldest first. */
  async processStored(): Promise<void> {
    const waiting: { id: string }[] = await this.dataSource.query(`SELECT id FROM exchange_inbox_message WHERE state = 'stored' ORDER BY received_at`);
    for (const { id } of waiting)
      await this.process(id).catch((error: unknown) => this.logger.error({ err: error, messageId: id }, 'a stored message could not be processed; tried again next round'));
  }

  private async process(messageId: string): Promise<void> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [locked] = (await manager.query(`SELECT id FROM exchange_inbox_message WHERE id = $1 AND state = 'stored' FOR UPDATE SKIP LOCKED`, [messageId])) as unknown[];
      if (!locked) return null;
      const message = await manager.findOneByOrFail(ExchangeInboxMessage, { id: messageId });
      const raw = await manager.findOneByOrFail(StoredFile, { id: message.rawFileId });
      let read;
      try {
        read = await readEdxml(await this.files.open(raw, AXIS_ACTOR));
      } catch (error) {
        if (!(error instanceof EdxmlRefusedError)) throw error;
        this.logger.warn({ messageId, code: error.code }, 'an unreadable message from the axis');
        await this.finish(manager, message, 'unreadable', `${error.code}: ${error.message}`);
        return null;
      }
      try {
        // the axis vouches for who sent it (the sender signed its call); a message claiming another sender is not taken
        const claimed = read.message.header.from.organId;
        if (claimed && claimed !== message.fromOrganId) return await this.finish(manager, message, 'unreadable', `From ${claimed} is not the sender ${message.fromOrganId}`);
        return read.kind === 'document' ? await this.document(manager, message, read.message) : await this.status(manager, message, read.message);
      } finally {
        await read.dispose();
      }
    });
    for (const notice of outcome?.notify ?? []) await this.notifyClerks(notice.title, notice.link);
  }

  private async document(manager: EntityManager, message: ExchangeInboxMessage, edxml: EdxmlDocumentMessage): Promise<Outcome> {
    const from = message.fromOrganId;
    const bussiness = edxml.traceHeaderList?.bussiness;
    const change = CHANGE_OF_BUSSINESS[bussiness?.bussinessDocType ?? EdxmlBussinessDocType.New];
    if (change) {
      // a recall or update names a document we received before
      const target = await this.received(manager, from, [bussiness?.documentId, edxml.header.documentId]);
      if (!target) return this.finish(manager, message, 'processed', `asks to ${change} a document never received`);
      const notice = await this.requestChange(manager, target, { kind: change, reason: bussiness?.bussinessDocReason ?? null, replacementIncomingId: null });
      await this.finish(manager, message, 'processed', null);
      return { notify: [notice] };
    }
    const documentId = edxml.header.documentId ?? `${from},${message.axisDocId}`;
    if (await this.received(manager, from, [documentId])) return this.finish(manager, message, 'duplicate', null);
    // a replacement (3) is a new document that also names, in ReplacementInfo, the ones it replaces here
    const replacing = bussiness?.bussinessDocType === EdxmlBussinessDocType.Replace ? await this.replacedBy(manager, from, documentId, bussiness.replacementInfoList) : null;

    const stored: StoredFile[] = [];
    for (const attachment of edxml.attachments)
      for (const file of attachment.files) {
        try {
          stored.push(await this.files.store(file.open(), { originalName: file.name, declaredType: file.contentType, uploadedBy: AXIS_ACTOR }, manager));
        } catch (error) {
          // a file our store refuses (a program, a disguised type) is left out; the raw message keeps it
          this.logger.warn({ messageId: message.id, file: file.name, err: error }, 'a file of a received message was refused');
        }
      }
    // the PDF is the document; without files the message itself is what the clerk opens
    const mainIndex = Math.max(0, stored.findIndex((file) => file.mediaType === 'application/pdf'));
    const main = stored[mainIndex] ?? (await manager.findOneByOrFail(StoredFile, { id: message.rawFileId }));
    const metadata = receivedMetadata(edxml, vietnamDate(this.clock.now()));
    const incomingId = await this.receipts.receiveFromAgency(manager, {
      ...metadata,
      issuerOrganId: from,
      confidentiality: 'normal',
      mainFileId: main.id,
      attachmentFileIds: stored.filter((file) => file !== main).map((file) => file.id),
      exchangeDocumentId: documentId,
      note: replacing ? replacementNote(replacing) : null,
    });
    const received = await manager.save(
      manager.create(ExchangeReceivedDocument, {
        fromOrganId: from,
        fromOrganName: edxml.header.from.organName ?? null,
        documentId,
        code: metadata.numberAndNotation || null,
        promulgationDate: edxml.header.promulgationInfo?.promulgationDate?.replaceAll('-', '/') ?? null,
        incomingDocumentId: incomingId,
        inboxMessageId: message.id,
        receivedAt: this.clock.now(),
      }),
    );
    await this.statuses.record(manager, received.id, EdxmlStatusCode.Arrived, null);
    await this.audit.record(
      { action: 'exchange.receive', actorUsername: AXIS_ACTOR.username, entityType: 'incoming_document', entityId: incomingId, details: { from, documentId, axisDocId: message.axisDocId, files: stored.length } },
      manager,
    );
    const notify = [{ title: `Văn bản đến qua trục liên thông chờ vào sổ: ${metadata.numberAndNotation} ${metadata.subject}`.slice(0, 300), link: `/incoming/${incomingId}` }];
    // each old document it replaces waits for the clerk's answer (15 withdraws it, 16 keeps it)
    for (const target of replacing?.known ?? [])
      notify.push(await this.requestChange(manager, target, { kind: 'replace', reason: bussiness?.bussinessDocReason ?? null, replacementIncomingId: incomingId, by: metadata.numberAndNotation }));
    if (replacing?.unknown.length) this.logger.warn({ messageId: message.id, documentIds: replacing.unknown }, 'a replacement names documents never received; the new one is received');
    await this.finish(manager, message, 'processed', null);
    return { notify };
  }

  private async status(manager: EntityManager, message: ExchangeInboxMessage, edxml: EdxmlStatusMessage): Promise<Outcome> {
    const { header } = edxml;
    const from = message.fromOrganId;
    const documentId = header.responseFor?.documentId ?? '';
    if (header.statusCode === EdxmlStatusCode.RecallRequested) {
      const target = await this.received(manager, from, [documentId]);
      if (!target) return this.finish(manager, message, 'processed', 'asks to recall a document never received');
      const notice = await this.requestChange(manager, target, { kind: 'recall', reason: header.description ?? null, replacementIncomingId: null });
      await this.finish(manager, message, 'processed', null);
      return { notify: [notice] };
    }
    const [sent] = (await manager.query(`SELECT outgoing_document_id AS id FROM exchange_sent_document WHERE document_id = $1`, [documentId])) as { id: string }[];
    if (!sent) return this.finish(manager, message, 'processed', `a status about a document we did not send: ${documentId}`);
    await manager.insert(ExchangeReceivedStatus, {
      inboxMessageId: message.id,
      outgoingDocumentId: sent.id,
      organId: from,
      statusCode: header.statusCode.slice(0, 2),
      description: header.description ?? null,
      staff: (header.staffInfo as Record<string, string> | undefined) ?? null,
      statedAt: header.timestamp ? new Date(header.timestamp) : null,
      receivedAt: this.clock.now(),
    });
    return this.finish(manager, message, 'processed', null);
  }

  /**
   * The sender asks to take back, change or replace a document: it waits for the clerk's answer.
   * A request already waiting stays, except that a replacement supersedes a waiting recall or
   * update (the sender's later word, and it names the document to keep instead). Returns the
   * clerks' notice.
   */
  private async requestChange(
    manager: EntityManager,
    target: ExchangeReceivedDocument,
    request: { kind: ChangeKind; reason: string | null; replacementIncomingId: string | null; by?: string },
  ): Promise<Notice> {
    const supersedes = request.kind === 'replace' && target.changeKind !== 'replace';
    if (!target.changeKind || target.changeAnswer || supersedes)
      await manager.update(
        ExchangeReceivedDocument,
        { id: target.id },
        {
          changeKind: request.kind,
          changeReason: request.reason,
          changeRequestedAt: this.clock.now(),
          changeAnswer: null,
          changeAnswerReason: null,
          changeAnsweredAt: null,
          changeAnsweredById: null,
          replacementIncomingId: request.replacementIncomingId,
        },
      );
    const title =
      request.kind === 'replace'
        ? `Cơ quan gửi văn bản ${request.by ?? ''} thay thế văn bản ${target.code ?? ''}: ${request.reason ?? ''}`
        : `Cơ quan gửi đề nghị ${request.kind === 'recall' ? 'thu hồi' : 'cập nhật'} văn bản ${target.code ?? ''}: ${request.reason ?? ''}`;
    return { title: title.replace(/\s+/g, ' ').slice(0, 300), link: `/incoming/${target.incomingDocumentId}` };
  }

  /**
   * The documents a replacement names for this agency (ReplacementInfo whose OrganIdList has our
   * organ id, or names no agency), split into those received before from the same sender and those
   * never received here.
   */
  private async replacedBy(manager: EntityManager, from: string, documentId: string, infos: EdxmlReplacementInfo[]): Promise<Replacing> {
    const named = infos
      .filter((info) => !info.organIdList.length || info.organIdList.includes(this.axis.organId))
      .map((info) => info.documentId?.trim())
      .filter((id): id is string => !!id && id !== documentId);
    const replacing: Replacing = { known: [], unknown: [] };
    for (const id of new Set(named)) {
      const found = await this.received(manager, from, [id]);
      if (found) replacing.known.push(found);
      else replacing.unknown.push(id);
    }
    return replacing;
  }

  private async received(manager: EntityManager, from: string, documentIds: (string | undefined)[]): Promise<ExchangeReceivedDocument | null> {
    for (const documentId of documentIds) {
      if (!documentId) continue;
      const found = await manager.findOneBy(ExchangeReceivedDocument, { fromOrganId: from, documentId });
      if (found) return found;
    }
    return null;
  }

  private async finish(manager: EntityManager, message: ExchangeInboxMessage, state: ExchangeInboxMessage['state'], problem: string | null): Promise<Outcome> {
    await manager.update(ExchangeInboxMessage, { id: message.id }, { state, problem, processedAt: this.clock.now() });
    return {};
  }

  private async notifyClerks(title: string, link: string): Promise<void> {
    const clerks: { id: string }[] = await this.dataSource.query(`SELECT id FROM "user" WHERE active AND 'clerk' = ANY(roles)`);
    await this.notifications.notifyAfterCommit(clerks.map((clerk) => clerk.id), { kind: 'incoming.received', title, link });
  }
}

interface Notice {
  title: string;
  link: string;
}

interface Outcome {
  notify?: Notice[];
}

interface Replacing {
  known: ExchangeReceivedDocument[];
  /** DocumentIds never received from that sender */
  unknown: string[];
}

/** The line on the new document's history: which documents it replaces, and a warning for those never received here. */
function replacementNote(replacing: Replacing): string | null {
  const lines: string[] = [];
  if (replacing.known.length) lines.push(`Văn bản thay thế văn bản số ${replacing.known.map((target) => target.code ?? target.documentId).join(', ')} đã nhận qua trục; đề nghị thay thế chờ văn thư trả lời.`);
  if (replacing.unknown.length) lines.push(`Cảnh báo: văn bản này thay thế văn bản ${replacing.unknown.join(', ')} nhưng văn bản đó chưa từng nhận được qua trục liên thông.`);
  if (!lines.length) lines.push('Văn bản thay thế, không nêu văn bản bị thay thế nào gửi cho cơ quan này.');
  return lines.join(' ');
}

class AlreadyStored extends Error {}
