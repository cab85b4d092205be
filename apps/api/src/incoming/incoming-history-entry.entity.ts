import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IncomingDocument } from './incoming-document.entity';

/**
 * One step in a document's life as the people working on it see it (the timeline): registered,
 * submitted, directed, assigned, progress, done. The audit log keeps the security record; this
 * keeps the working record, including the directive's text.
 */
@Entity()
@Index(['documentId', 'at'])
export class IncomingHistoryEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => IncomingDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: IncomingDocument;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ length: 50 })
  action: string;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
