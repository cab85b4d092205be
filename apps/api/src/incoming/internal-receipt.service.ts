import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Confidentiality, DocumentTypeCode, ErrorCode, Urgency } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { DocumentRegister } from '../registers/document-register.entity';
import { Clock } from '../platform/clock/clock';
import { conflict } from '../platform/errors/app-exception';
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
        dueOn: null,
        recipientsText: receipt.unitName.slice(0, 1000),
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
    await this.incoming.addHistory(manager, document.id, actor, 'received', { sourceOutgoingId: receipt.sourceOutgoingId, numberAndNotation: receipt.numberAndNotation, unit: receipt.unitName });
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
