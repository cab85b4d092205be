import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { CalendarExceptionKind } from '@app/contracts';
import { User } from '../../identity/user.entity';

/**
 * A day the admin recorded from the Government's yearly announcement: a weekday off (`day_off`),
 * or a day worked that the rule leaves off (`working_day`: a swapped Saturday, or a holiday the
 * Government placed elsewhere). Created and deleted, never edited.
 */
@Entity()
@Check(`"kind" IN ('day_off', 'working_day')`)
export class CalendarException {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A calendar date in Vietnam; one exception per date, enforced by the unique index. */
  @Index({ unique: true })
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 20 })
  kind: CalendarExceptionKind;

  /** what the calendar shows, e.g. "Nghỉ hoán đổi (làm bù thứ Bảy 09/05)" */
  @Column({ length: 200 })
  name: string;

  /** the admin who recorded it; null once that user is deleted (the day stays) */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Only declares the foreign key: the calendar never loads users through it. */
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  createdBy?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}
