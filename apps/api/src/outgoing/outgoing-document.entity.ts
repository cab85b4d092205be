import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Confidentiality, DocumentTypeCode, OutgoingState, PdfForSigningIssue, Urgency } from '@app/contracts';
import { User } from '../identity/user.entity';
import { Unit } from '../identity/unit.entity';
import { IncomingDocument } from '../incoming/incoming-document.entity';

/**
 * An outgoing document (văn bản đi) from its first draft on, with the metadata of Decree 30/2020
 * (Appendix VI, VB đi). Numbering, signing and dispatch add their columns in later migrations;
 * the draft's files are its versions (DraftVersion), never overwritten.
 */
@Entity()
@Index('outgoing_document_drafter_updated', ['drafterId', 'updatedAt', 'id'])
@Index('outgoing_document_state_updated', ['state', 'updatedAt', 'id'])
export class OutgoingDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 30 })
  documentType: DocumentTypeCode;

  @Column({ length: 500 })
  subject: string;

  @Column({ type: 'varchar', length: 12 })
  urgency: Urgency;

  @Column({ type: 'varchar', length: 12 })
  confidentiality: Confidentiality;

  /** the person who will sign (người ký): the approve step of the chain is theirs */
  @Index()
  @Column({ type: 'uuid' })
  signerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signer_id' })
  signer?: User;

  @Column({ type: 'uuid' })
  drafterId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'drafter_id' })
  drafter?: User;

  /** the drafter's unit when the draft was started: its head reviews the content and sees the draft */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  draftingUnitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'drafting_unit_id' })
  draftingUnit?: Unit | null;

  /** "Nơi nhận" as written on the document, beside the units and agencies chosen from the lists */
  @Column({ type: 'text', nullable: true })
  recipientsText: string | null;

  /** the incoming document this one answers; the incoming side shows the reply once it is issued */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  replyToIncomingId: string | null;

  @ManyToOne(() => IncomingDocument, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reply_to_incoming_id' })
  replyToIncoming?: IncomingDocument | null;

  @Column({ type: 'varchar', length: 15 })
  state: OutgoingState;

  /** the version the signer will sign (a PDF version, or the PDF made from a DOCX one); null until there is one */
  @Column({ type: 'uuid', nullable: true })
  pdfForSigningVersionId: string | null;

  /** why there is no PDF to sign yet, when the signer has approved (see PDF_FOR_SIGNING_ISSUES) */
  @Column({ type: 'varchar', length: 30, nullable: true })
  pdfForSigningIssue: PdfForSigningIssue | null;

  /** the version carrying the signer's signature, once signed */
  @Column({ type: 'uuid', nullable: true })
  signedVersionId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  /** the outgoing register the number was taken in, at issuance */
  @Column({ type: 'uuid', nullable: true })
  registerId: string | null;

  /** the year (Vietnam time) the number belongs to: numbers restart at 01 every 1 January */
  @Column({ type: 'int', nullable: true })
  issuedYear: number | null;

  @Column({ type: 'int', nullable: true })
  number: number | null;

  /** `15/QĐ-BYT`, `05/BYT-VP`, as written into the PDF */
  @Column({ type: 'varchar', length: 60, nullable: true })
  numberAndNotation: string | null;

  /** the date of the document (Vietnam date, YYYY-MM-DD) */
  @Column({ type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  issuedById: string | null;

  /** the version with the number, the date and the organisation's signature: the document as issued */
  @Column({ type: 'uuid', nullable: true })
  issuedVersionId: string | null;

  /** when a clerk dispatched it (phát hành) to its recipients: the units got it as incoming, the agencies' messages were queued */
  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  dispatchedById: string | null;

  /** recall (thu hồi): when, by whom and why; the document stays, frozen, with its number used */
  @Column({ type: 'timestamptz', nullable: true })
  recalledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  recalledById: string | null;

  @Column({ type: 'text', nullable: true })
  recallReason: string | null;

  /** the issued document this one replaces (thay thế): it becomes `replaced` when this one is issued */
  @Column({ type: 'uuid', nullable: true })
  replacesId: string | null;

  /** why the replaced document is replaced, given when the replacement was drafted */
  @Column({ type: 'text', nullable: true })
  replacementReason: string | null;

  /** when this document was replaced (the issuance of its replacement) */
  @Column({ type: 'timestamptz', nullable: true })
  replacedAt: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  /** the last change of any kind: the working lists are ordered by it */
  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  /** optimistic locking: every change names the version it read, a stale one is refused with 409 */
  @Column({ type: 'int', default: 1 })
  version: number;
}
