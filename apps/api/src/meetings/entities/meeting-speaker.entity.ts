import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SpeakerKind, SpeakerState } from '@app/contracts';

/** A request to speak (đăng ký phát biểu) in the queue of a meeting or one of its agenda items. */
@Entity()
export class MeetingSpeaker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 20, default: 'contribution' })
  kind: SpeakerKind;

  /** the chair's order; lower speaks first */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 20, default: 'waiting' })
  state: SpeakerState;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;
}
