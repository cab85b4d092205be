import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A meeting room (phòng họp): a resource that one meeting at a time holds. */
@Entity()
export class MeetingRoom {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ default: true })
  active: boolean;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
