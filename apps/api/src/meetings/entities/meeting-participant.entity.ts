import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { InvitationAnswer, ParticipantKind, ParticipantRole } from '@app/contracts';
import { Unit } from '../../identity/unit.entity';
import { User } from '../../identity/user.entity';
import { Meeting } from './meeting.entity';

/**
 * One line of a meeting's participants (thành phần): a user, a whole unit (any member may come and
 * answer for it), or a guest by name. A participant who sends a delegate names them; the delegate
 * then reads, checks in and votes for that participant.
 */
@Entity()
export class MeetingParticipant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'varchar', length: 10 })
  kind: ParticipantKind;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  guestName: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  guestEmail: string | null;

  @Column({ type: 'varchar', length: 20 })
  role: ParticipantRole;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  answer: InvitationAnswer;

  @Column({ type: 'text', nullable: true })
  answerNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredById: string | null;

  @Column({ type: 'uuid', nullable: true })
  delegateId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'delegate_id' })
  delegate?: User | null;

  /** the order in which the secretary listed them */
  @Column({ type: 'int', default: 0 })
  position: number;
}
