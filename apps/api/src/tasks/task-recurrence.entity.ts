import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { TaskPriority, TaskRecurrenceFrequency } from '@app/contracts';

/** A task given again every week or month (weekly report, monthly report) by the daily job. */
@Entity()
export class TaskRecurrence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 10 })
  priority: TaskPriority;

  @Column({ type: 'uuid', nullable: true })
  assigneeUnitId: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  @Column({ type: 'varchar', length: 10 })
  frequency: TaskRecurrenceFrequency;

  /** weekly: ISO weekday 1–7; monthly: day of the month 1–28 */
  @Column({ type: 'smallint' })
  day: number;

  @Column({ type: 'smallint' })
  dueInDays: number;

  /** the next day a task is given */
  @Column({ type: 'date' })
  nextOn: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}
