import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MeetingState } from '@app/contracts';
import { User } from '../../identity/user.entity';
import { MeetingRoom } from './meeting-room.entity';

/**
 * A meeting (cuộc họp): its time holds its room; `lastEventSequence` numbers its live log and is
 * bumped under the row's lock. The chair is the participant with the role `chair`.
 */
@Entity()
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 500 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'uuid', nullable: true })
  roomId: string | null;

  @ManyToOne(() => MeetingRoom, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'room_id' })
  room?: MeetingRoom | null;

  /** where, when not in one of the agency's rooms */
  @Column({ type: 'varchar', length: 300, nullable: true })
  place: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  onlineLink: string | null;

  /** only participants know of it and read anything of it */
  @Column({ default: false })
  confidential: boolean;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  state: MeetingState;

  /** who created it; manages it like a secretary */
  @Column({ type: 'uuid', nullable: true })
  organiserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organiser_id' })
  organiser?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  invitedAt: Date | null;

  /** the outgoing document (Giấy mời) drafted from the meeting, when the invitation is issued as one */
  @Column({ type: 'uuid', nullable: true })
  invitationDocumentId: string | null;

  /** bigint: read as a string by pg */
  @Column({ type: 'bigint', default: 0 })
  lastEventSequence: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
