import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PollState } from '@app/contracts';

/** A vote (biểu quyết) the chair opens, on the meeting or one agenda item; open or secret ballot. */
@Entity()
export class MeetingPoll {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @Column({ length: 1000 })
  question: string;

  @Column()
  secret: boolean;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  state: PollState;

  @Column({ type: 'uuid', nullable: true })
  openedById: string | null;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

@Entity()
export class MeetingPollOption {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pollId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ length: 300 })
  label: string;
}

/** That a participant has voted (and who cast it: themselves or their delegate) — never what. */
@Entity()
export class MeetingPollVoter {
  @PrimaryColumn({ type: 'uuid' })
  pollId: string;

  @PrimaryColumn({ type: 'uuid' })
  participantId: string;

  @Column({ type: 'uuid', nullable: true })
  votedById: string | null;
}

/** What was voted. A secret poll's ballot names no participant and no voter. */
@Entity()
export class MeetingPollBallot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pollId: string;

  @Column({ type: 'uuid' })
  optionId: string;

  @Column({ type: 'uuid', nullable: true })
  participantId: string | null;

  @Column({ type: 'uuid', nullable: true })
  votedById: string | null;
}
