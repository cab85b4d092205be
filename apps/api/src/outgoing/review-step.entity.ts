import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewStepKind, ReviewStepState } from '@app/contracts';
import { User } from '../identity/user.entity';
import { OutgoingDocument } from './outgoing-document.entity';

/**
 * One step of a draft's review chain, in order: a content review, the check of form, the signer's
 * approval. The row holds where the step stands now; every decision, with its comment, is also in
 * the draft's timeline, so a return and a later approval of the same step are both kept.
 */
@Entity()
@Index(['documentId', 'position'], { unique: true })
@Index('review_step_reviewer_state', ['reviewerId', 'state'])
export class ReviewStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => OutgoingDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: OutgoingDocument;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 12 })
  kind: ReviewStepKind;

  @Column({ type: 'uuid' })
  reviewerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: User;

  @Column({ type: 'varchar', length: 10 })
  state: ReviewStepState;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** the number of the version the last decision was made on */
  @Column({ type: 'int', nullable: true })
  decidedOnVersion: number | null;
}
