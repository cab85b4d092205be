import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Confidentiality, DocumentTypeCode, ErrorCode, Urgency } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { DocumentRegister } from '../registers/document-register.entity';
import { Clock } from '../platform/clock/clock';
import { conflict } from '../platform/errors/app-exception';
import { IncomingAttachment } from './incoming-attachment.entity';
import { IncomingDocument } from './incoming-document.entity';
import { IncomingService } from './incoming.service';

/** What a unit of this agency receives from an outgoing document of the agency: its metadata as issued. */
export interface InternalReceipt {
  sourceOutgoingId: string;
  unitName: string;
  issuerName: string;
  issuerOrganId: string;
  /** `15/QĐ-BYT` */
  numberAndNotation: string;
  promulgatedOn: string;
  documentType: DocumentTypeCode;
  subject: string;
  signerName: string | null;
  signerPosition: string | null;
  urgency: Urgency;
  confidentiality: Confidentiality;
  /** the issued PDF itself (see receive) */
  mainFileId: string;
}

/** What arrives from another agency through the axis: the message's metadata, its files stored. */
export interface AgencyReceipt extends Omit<InternalReceipt, 'sourceOutgoingId' | 'unitName'> {
  /** the message's ToPlaces (nơi nhận) */
  recipientsText: string;
  dueOn: string | null;
  attachmentFileIds: string[];
  /** the edXML DocumentId, kept in the history */
  exchangeDocumentId: string;
  /** what the clerk should know on arrival (a replacement of a document never received), kept in the history */
  note?: string | null;
}

/**
 * Incoming documents that come from this agency's own outgoing documents (dispatch to a unit) and
 * their recall. They enter as `received` — waiting in the clerks' `to_register` list like a
 * document from the axis — so the clerk registers them with an arrival number as Decree 30
 * requires, without re-typing anything.
 */
@Injectable()
export class InternalReceiptService {
  constructor(
    private readonly incoming: IncomingService,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates the incoming document in the caller's transaction. The main file is the issued PDF
   * itself, not a copy: it is immutable and content-addressed, one electronic original (Decree 30
   * keeps the original on the issuing system), and the incoming file download already serves any
   * file that is the document's main file. The "file already used" rule guards only clerks' uploads
   * in IncomingService.register, which this does not go through.
   */
  async receive(manager: EntityManager, receipt: InternalReceipt, actor: AuthenticatedUser): Promise<string> {
    const id = await this.create(manager, { ...receipt, recipientsText: receipt.unitName, dueOn: null });
    await this.incoming.addHistory(manager, id, actor, 'received', { sourceOutgoingId: receipt.sourceOutgoingId, numberAndNotation: receipt.numberAndNotation, unit: receipt.unitName });
    return id;
  }

  /**
   * A document another agency sent through the national axis, prefilled from its edXML message,
   * waiting for the clerk like one from a unit. Written by the interconnection (no user), in its
   * transaction; the attachments are the files of the message after the main one.
   */
  async receiveFromAgency(manager: EntityManager, receipt: AgencyReceipt): Promise<string> {
    const id = await this.create(manager, { ...receipt, sourceOutgoingId: null });
    if (receipt.attachmentFileIds.length)
      await manager.insert(
        IncomingAttachment,
        receipt.attachmentFileIds.map((fileId, index) => ({ documentId: id, fileId, position: index + 1 })),
      );
    await this.incoming.addHistory(manager, id, null, 'received', {
      via: 'axis',
      issuerOrganId: receipt.issuerOrganId,
      numberAndNotation: receipt.numberAndNotation,
      documentId: receipt.exchangeDocumentId,
      ...(receipt.note ? { note: receipt.note } : {}),
    });
    return id;
  }

  /**
   * The sender took a document back through the axis and our clerk agreed: the document is marked
   * recalled (it leaves the working lists, stays under 'all' with its history), as a unit's copy is.
   */
  async withdraw(manager: EntityManager, incomingId: string, reason: string, actor: AuthenticatedUser): Promise<void> {
    await manager.update(IncomingDocument, { id: incomingId, recalledAt: IsNull() }, { recalledAt: this.clock.now() });
    await this.incoming.addHistory(manager, incomingId, actor, 'recalled', { via: 'axis', reason });
  }

  private async create(manager: EntityManager, receipt: Omit<InternalReceipt, 'sourceOutgoingId' | 'unitName'> & { sourceOutgoingId: string | null; recipientsText: string; dueOn: string | null }): Promise<string> {
    const register = await this.registerFor(manager, receipt.confidentiality !== 'normal');
    const slash = receipt.numberAndNotation.indexOf('/');
    const document = await manager.save(
      manager.create(IncomingDocument, {
        registerId: register.id,
        arrivalYear: null,
        arrivalNumber: null,
        arrivedAt: this.clock.now(),
        // delivered electronically through the System: the channel the axis documents use too
        receivedVia: 'axis',
        issuerName: receipt.issuerName,
        issuerOrganId: receipt.issuerOrganId,
        codeNumber: slash > 0 ? receipt.numberAndNotation.slice(0, slash) : receipt.numberAndNotation,
        codeNotation: slash > 0 ? receipt.numberAndNotation.slice(slash + 1) : null,
        promulgatedOn: receipt.promulgatedOn,
        documentType: receipt.documentType,
        subject: receipt.subject,
        signerName: receipt.signerName?.slice(0, 50) ?? null,
        signerPosition: receipt.signerPosition?.slice(0, 100) ?? null,
        urgency: receipt.urgency,
        confidentiality: receipt.confidentiality,
        pageCount: null,
        dueOn: receipt.dueOn,
        recipientsText: receipt.recipientsText.slice(0, 1000),
        state: 'received',
        mainFileId: receipt.mainFileId,
        stampedFileId: null,
        searchableFileId: null,
        hasTextLayer: null,
        registeredAt: null,
        registeredById: null,
        sourceOutgoingId: receipt.sourceOutgoingId,
        recalledAt: null,
      }),
    );
    return document.id;
  }

  /**
   * Recall by the sender: the copies are marked recalled and a history line says why. They are
   * not refused (`rejected` is the recipient's decision) nor deleted (the recall metadata stays,
   * Decree 30 Appendix VI); the working lists leave them out. Returns the ids marked.
   */
  async recall(manager: EntityManager, sourceOutgoingId: string, reason: string, actor: AuthenticatedUser): Promise<IncomingDocument[]> {
    const copies = await manager.find(IncomingDocument, { where: { sourceOutgoingId, recalledAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    if (!copies.length) return [];
    await manager.update(IncomingDocument, { id: In(copies.map((copy) => copy.id)) }, { recalledAt: this.clock.now() });
    for (const copy of copies) await this.incoming.addHistory(manager, copy.id, actor, 'recalled', { sourceOutgoingId, reason });
    return copies;
  }

  /** The first active incoming register of the right kind, in the clerks' order: the clerk may still choose another when registering. */
  private async registerFor(manager: EntityManager, confidential: boolean): Promise<DocumentRegister> {
    const register = await manager.findOne(DocumentRegister, { where: { direction: 'incoming', confidential, active: true }, order: { sortOrder: 'ASC', code: 'ASC' } });
    if (!register)
      throw conflict(
        ErrorCode.RegisterNotFound,
        confidential ? 'Chưa có sổ văn bản đến mật nào đang dùng.' : 'Chưa có sổ văn bản đến nào đang dùng.',
        confidential ? 'There is no active confidential incoming register.' : 'There is no active incoming register.',
      );
    return register;
  }
}
