import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Confidentiality, DocumentTypeCode, IncomingState, ReceiptChannel, Urgency } from '@app/contracts';
import { DocumentRegister } from '../registers/document-register.entity';
import { StoredFile } from '../files/stored-file.entity';

/** The generated metadata vector (number and notation, subject: A; issuer: B; signer: C), as migration 1795400000600 made it. */
const SEARCH_VECTOR_EXPRESSION =
  `setweight(to_tsvector('vietnamese_search'::regconfig, coalesce("code_number", '') || ' ' || coalesce("code_notation", '') || ' ' || coalesce("code_number" || '/' || "code_notation", '')), 'A')` +
  ` || setweight(to_tsvector('vietnamese_search'::regconfig, "subject"), 'A')` +
  ` || setweight(to_tsvector('vietnamese_search'::regconfig, "issuer_name"), 'B')` +
  ` || setweight(to_tsvector('vietnamese_search'::regconfig, coalesce("signer_name", '')), 'C')`;

/**
 * A document received from another agency (văn bản đến), with the metadata of Decree 30/2020
 * Appendix VI. The arrival number (số đến) is unique per register and year; it is null only while
 * a document received over the axis waits for the clerk to register it.
 */
@Entity()
@Index('incoming_document_arrival_number', ['registerId', 'arrivalYear', 'arrivalNumber'], { unique: true, where: '"arrival_number" IS NOT NULL' })
@Index('incoming_document_same_document', ['codeNumber', 'promulgatedOn'])
@Index('incoming_document_arrived', ['arrivedAt', 'id'])
// partial and expression indexes of the working lists, made by migration 1795400000700
@Index('incoming_document_open_due', { synchronize: false })
@Index('incoming_document_open_arrived', { synchronize: false })
@Index('incoming_document_type_arrived', { synchronize: false })
@Index('incoming_document_to_direct', { synchronize: false })
@Index('incoming_document_to_register', { synchronize: false })
@Index('incoming_document_due_order', { synchronize: false })
@Index('incoming_document_register_arrived', { synchronize: false })
@Index('incoming_document_issuer_trgm', { synchronize: false })
// made by the search migration 1795400000600
@Index('incoming_document_waiting_preparation', { synchronize: false })
export class IncomingDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  registerId: string;

  @ManyToOne(() => DocumentRegister, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'register_id' })
  register?: DocumentRegister;

  @Column({ type: 'int', nullable: true })
  arrivalYear: number | null;

  @Column({ type: 'int', nullable: true })
  arrivalNumber: number | null;

  @Column({ type: 'timestamptz' })
  arrivedAt: Date;

  @Column({ type: 'varchar', length: 10 })
  receivedVia: ReceiptChannel;

  @Column({ length: 200 })
  issuerName: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  issuerOrganId: string | null;

  @Column({ type: 'varchar', length: 11, nullable: true })
  codeNumber: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  codeNotation: string | null;

  /** `yyyy-MM-dd` */
  @Column({ type: 'date' })
  promulgatedOn: string;

  @Column({ type: 'varchar', length: 30 })
  documentType: DocumentTypeCode;

  @Column({ length: 500 })
  subject: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  signerName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  signerPosition: string | null;

  @Column({ type: 'varchar', length: 15 })
  urgency: Urgency;

  @Column({ type: 'varchar', length: 15 })
  confidentiality: Confidentiality;

  @Column({ type: 'int', nullable: true })
  pageCount: number | null;

  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  recipientsText: string | null;

  @Column({ type: 'varchar', length: 15 })
  state: IncomingState;

  @Column({ type: 'uuid' })
  mainFileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'main_file_id' })
  mainFile?: StoredFile;

  @Column({ type: 'uuid', nullable: true })
  stampedFileId: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'stamped_file_id' })
  stampedFile?: StoredFile | null;

  @Column({ type: 'uuid', nullable: true })
  searchableFileId: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'searchable_file_id' })
  searchableFile?: StoredFile | null;

  /** null until the text has been extracted */
  @Column({ type: 'boolean', nullable: true })
  hasTextLayer: boolean | null;

  /** the leader it was submitted to for direction (trình) */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  submittedToId: string | null;

  /** the reply named by the lead on completion; becomes a link once outgoing documents exist */
  @Column({ type: 'varchar', length: 200, nullable: true })
  replyReference: string | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  /**
   * The metadata's search vector, generated by PostgreSQL (migration 1795400000600): declared so that
   * a generated migration leaves it alone; never read or written here. TypeORM compares the
   * expression with the one migration 1795400001100 recorded in typeorm_metadata, character for character.
   */
  @Column({ type: 'tsvector', select: false, insert: false, update: false, nullable: true, generatedType: 'STORED', asExpression: SEARCH_VECTOR_EXPRESSION })
  searchVector?: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  registeredAt: Date | null;

  /** the outgoing document of this agency it was dispatched from, for a unit of this agency (no re-typing) */
  @Column({ type: 'uuid', nullable: true })
  sourceOutgoingId: string | null;

  /** set when the sender recalled it (Decree 30: the recipient no longer works on it); its history says why */
  @Column({ type: 'timestamptz', nullable: true })
  recalledAt: Date | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  registeredById: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
