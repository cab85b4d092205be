import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The edXML DocumentId an outgoing document travels under (migration 1795400002000). */
@Entity('exchange_sent_document')
export class ExchangeSentDocument {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  documentId: string;

  @Column({ type: 'uuid', unique: true })
  outgoingDocumentId: string;
}

export type InboxMessageState = 'stored' | 'processed' | 'duplicate' | 'unreadable';

/** A message taken from the axis: its raw bytes are a stored file before the axis hears it was received. */
@Entity('exchange_inbox_message')
export class ExchangeInboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** the axis' id of the message (unique: fetching it again stores nothing new) */
  @Column({ type: 'varchar', length: 100, unique: true })
  axisDocId: string;

  @Column({ type: 'varchar', length: 10 })
  messageType: 'edoc' | 'status';

  @Column({ type: 'varchar', length: 50 })
  fromOrganId: string;

  @Column({ type: 'uuid' })
  rawFileId: string;

  @Column({ type: 'varchar', length: 15 })
  state: InboxMessageState;

  /** why it could not be used (unreadable, about a document we do not know) */
  @Column({ type: 'text', nullable: true })
  problem: string | null;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}

export type ChangeKind = 'recall' | 'update' | 'replace';

/** A document another agency sent us: one per sender and DocumentId, whatever the axis delivered twice. */
@Entity('exchange_received_document')
export class ExchangeReceivedDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 50 })
  fromOrganId: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  fromOrganName: string | null;

  @Column({ type: 'varchar', length: 200 })
  documentId: string;

  /** `Number/Notation` for the statuses' ResponseFor */
  @Column({ type: 'varchar', length: 50, nullable: true })
  code: string | null;

  /** `yyyy/MM/dd` as the sender wrote it */
  @Column({ type: 'varchar', length: 10, nullable: true })
  promulgationDate: string | null;

  @Column({ type: 'uuid', unique: true })
  incomingDocumentId: string;

  @Column({ type: 'uuid' })
  inboxMessageId: string;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  /** what the sender asked to do with the document (Bussiness 1–3 or status 13), waiting for the clerk's answer */
  @Column({ type: 'varchar', length: 10, nullable: true })
  changeKind: ChangeKind | null;

  @Column({ type: 'text', nullable: true })
  changeReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  changeRequestedAt: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  changeAnswer: 'accepted' | 'refused' | null;

  @Column({ type: 'text', nullable: true })
  changeAnswerReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  changeAnsweredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  changeAnsweredById: string | null;

  /** when the change is a replacement: the incoming document made of the replacing message (migration 1795400002450) */
  @Column({ type: 'uuid', nullable: true })
  replacementIncomingId: string | null;
}

/** A status this agency owes a sender; one per document and code (a step done twice says it once). */
@Entity('exchange_status_outbox')
export class ExchangeStatusOutboxEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  receivedDocumentId: string;

  @Column({ type: 'varchar', length: 2 })
  statusCode: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'jsonb', nullable: true })
  staff: { department?: string; staff?: string; email?: string; mobile?: string } | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'varchar', length: 20 })
  status: 'waiting_for_axis' | 'sent' | 'failed';

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}

/** A status another agency sent about one of our outgoing documents. */
@Entity('exchange_received_status')
export class ExchangeReceivedStatus {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', unique: true })
  inboxMessageId: string;

  @Column({ type: 'uuid' })
  outgoingDocumentId: string;

  /** the organ id of the agency that sent it */
  @Column({ type: 'varchar', length: 50 })
  organId: string;

  @Column({ type: 'varchar', length: 2 })
  statusCode: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'jsonb', nullable: true })
  staff: Record<string, string> | null;

  /** the Timestamp in the message: when the receiver did it */
  @Column({ type: 'timestamptz', nullable: true })
  statedAt: Date | null;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;
}
