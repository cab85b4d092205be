import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { TaskPriority, TaskSourceKind, TaskState } from '@app/contracts';

/**
 * A task (nhiệm vụ) given by a leader to a unit or a person, with a deadline and a priority.
 * Indexes and constraints are in migration 1795400002300.
 */
@Entity()
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 10 })
  priority: TaskPriority;

  @Column({ type: 'varchar', length: 12 })
  state: TaskState;

  @Column({ type: 'smallint', default: 0 })
  percent: number;

  /** the deadline now in force (an approved extension moves it), a Vietnam date */
  @Column({ type: 'date' })
  deadline: string;

  /** the deadline given first: an extension does not hide that the task was late against it */
  @Column({ type: 'date' })
  originalDeadline: string;

  @Column({ type: 'uuid' })
  assignedById: string;

  @Column({ type: 'uuid', nullable: true })
  assigneeUnitId: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  /** the unit accountable: the assignee unit, or the assignee person's unit */
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  sourceKind: TaskSourceKind | null;

  @Column({ type: 'uuid', nullable: true })
  sourceId: string | null;

  @Column({ type: 'uuid', nullable: true })
  recurrenceId: string | null;

  @Column({ type: 'date', nullable: true })
  occurrenceOn: string | null;

  @Column({ type: 'timestamptz' })
  givenAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** the Vietnam date of the completion that was accepted: on time when not after the deadline */
  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedById: string | null;

  /** the deadline whose miss was escalated to the unit head and the giver */
  @Column({ type: 'date', nullable: true })
  escalatedFor: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
