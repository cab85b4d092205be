import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OutgoingDocument } from './outgoing-document.entity';

/**
 * One step in an outgoing document's life as the people working on it see it (the timeline):
 * created, edited, a version added, submitted, forwarded, returned, approved. The audit log keeps
 * the security record; this keeps the working record.
 */
@Entity()
@Index(['documentId', 'at'])
export class OutgoingHistoryEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => OutgoingDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: OutgoingDocument;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ length: 50 })
  action: string;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
