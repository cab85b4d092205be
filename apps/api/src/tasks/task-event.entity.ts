import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { TaskEventKind } from '@app/contracts';

/** One line of a task's timeline: given, progress (percent, note, files), extension, completion, review. */
@Entity()
export class TaskEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  @Column({ type: 'uuid' })
  actorId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 30 })
  kind: TaskEventKind;

  @Column({ type: 'smallint', nullable: true })
  percent: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}

/** A file reported with a timeline line; a file belongs to one line only. */
@Entity()
export class TaskEventFile {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ type: 'uuid' })
  fileId: string;
}
