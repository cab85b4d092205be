import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/user.entity';

/** One item of the agenda (chương trình họp), in `position` order, with its presenter and planned duration. */
@Entity()
export class MeetingAgendaItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ length: 500 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'uuid', nullable: true })
  presenterId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'presenter_id' })
  presenter?: User | null;

  /** a presenter from outside the system, by name */
  @Column({ type: 'varchar', length: 200, nullable: true })
  presenterName: string | null;

  @Column({ type: 'int', default: 15 })
  durationMinutes: number;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
