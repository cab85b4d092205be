import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConclusionState, TaskPriorityInput } from '@app/contracts';

/** A conclusion (kết luận) on an agenda item: written by a secretary, approved by the chair, then it gives its tasks. */
@Entity()
export class MeetingConclusion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  state: ConclusionState;

  @Column({ type: 'uuid', nullable: true })
  writtenById: string | null;

  @Column({ type: 'timestamptz' })
  writtenAt: Date;

  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}

/** A task a conclusion gives, and the task it became once the chair approved the conclusion. */
@Entity()
export class MeetingConclusionTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  conclusionId: string;

  @Column({ length: 500 })
  title: string;

  @Column({ type: 'uuid', nullable: true })
  assigneeUnitId: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  /** yyyy-mm-dd */
  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'varchar', length: 10, default: 'normal' })
  priority: TaskPriorityInput;

  @Column({ type: 'uuid', nullable: true })
  taskId: string | null;
}
