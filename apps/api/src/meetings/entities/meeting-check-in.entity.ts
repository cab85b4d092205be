import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A participant's presence (điểm danh): who came for it (themselves, a unit's representative, a delegate), when, and who recorded it. */
@Entity()
export class MeetingCheckIn {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'uuid' })
  participantId: string;

  /** the person present; null for a guest by name */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'timestamptz' })
  checkedInAt: Date;

  @Column({ type: 'uuid', nullable: true })
  checkedInById: string | null;
}
