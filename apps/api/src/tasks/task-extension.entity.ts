import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TaskExtensionState = 'pending' | 'approved' | 'refused';

/** An assignee's request for a later deadline (xin gia hạn), answered by the giver. */
@Entity()
export class TaskExtension {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  @Column({ type: 'uuid' })
  requestedById: string;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'date' })
  currentDeadline: string;

  @Column({ type: 'date' })
  requestedDeadline: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 10 })
  state: TaskExtensionState;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;
}
