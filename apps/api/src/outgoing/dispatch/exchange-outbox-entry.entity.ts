import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organ } from '../../organs/organ.entity';
import { OutgoingDocument } from '../outgoing-document.entity';

/**
 * edXML Bussiness: dispatch 0 (new) — or 3 (thay thế) when its payload says which earlier
 * document it replaces — and recall 1 (thu hồi). (A former `replace` kind, a message about the old
 * document without files, is gone: migration 1795400002450.)
 */
export type ExchangeMessageKind = 'dispatch' | 'recall';
/** waiting_for_axis until the interconnection (trục liên thông) takes it; it then records sent/failed */
export type ExchangeMessageStatus = 'waiting_for_axis' | 'sent' | 'failed';

/**
 * A message for another agency, written in the same transaction as the dispatch or recall that
 * causes it (transactional outbox): the interconnection sends what is waiting, and the idempotency
 * key — kind, document, agency — keeps a retried dispatch from queueing the same message twice.
 */
@Entity('exchange_outbox')
@Index('exchange_outbox_document', ['outgoingDocumentId'])
@Index('exchange_outbox_waiting', { synchronize: false })
export class ExchangeOutboxEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: ExchangeMessageKind;

  @Column({ type: 'uuid' })
  outgoingDocumentId: string;

  @ManyToOne(() => OutgoingDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outgoing_document_id' })
  outgoingDocument?: OutgoingDocument;

  @Column({ type: 'uuid' })
  organId: string;

  @ManyToOne(() => Organ, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organ_id' })
  organ?: Organ;

  @Column({ type: 'varchar', length: 20 })
  status: ExchangeMessageStatus;

  /** references only (document, version, file and its SHA-256, number): the bytes stay in the file store */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 200, unique: true })
  idempotencyKey: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}

export const outboxKey = (kind: ExchangeMessageKind, documentId: string, organId: string): string => `${kind}:${documentId}:${organId}`;
