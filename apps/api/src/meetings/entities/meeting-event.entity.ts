import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One entry of a meeting's live log, numbered per meeting. `audience` limits who receives it
 * (e.g. live poll results for the chair); null means every participant in the meeting's room.
 */
@Entity()
export class MeetingEvent {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  /** bigint: read as a string by pg */
  @PrimaryColumn({ type: 'bigint' })
  sequence: string;

  @Column({ length: 60 })
  name: string;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @Column({ type: 'uuid', array: true, nullable: true })
  audience: string[] | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
