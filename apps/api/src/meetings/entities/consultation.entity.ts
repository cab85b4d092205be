import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsultationAnswer, ConsultationState } from '@app/contracts';

/** A written consultation (phiếu lấy ý kiến): a question with drafts, sent to members, answered by a deadline, summarised. */
@Entity()
export class Consultation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 1000 })
  question: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  state: ConsultationState;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}

@Entity()
export class ConsultationDraft {
  @PrimaryColumn({ type: 'uuid' })
  consultationId: string;

  @PrimaryColumn({ type: 'uuid' })
  fileId: string;

  @Column({ type: 'int' })
  position: number;
}

@Entity()
export class ConsultationRecipient {
  @PrimaryColumn({ type: 'uuid' })
  consultationId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  answer: ConsultationAnswer | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;
}
