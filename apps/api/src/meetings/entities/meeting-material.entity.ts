import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MaterialAccess } from '@app/contracts';

/** A material (tài liệu họp) of a meeting, optionally of one agenda item; its content is in its versions. */
@Entity()
export class MeetingMaterial {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  @Column({ length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 20, default: 'all_participants' })
  access: MaterialAccess;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
