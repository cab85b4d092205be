import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../identity/user.entity';

/**
 * A notification as kept for one person, so that what arrived while the browser was closed is
 * still there, and the badge counts what is unread. Old ones are purged (NotificationsPurge).
 */
@Entity()
// the bell's list: a user's newest first
@Index('notification_user_newest', ['userId', 'createdAt', 'id'])
// the badge and the "unread" filter: only unread rows, so the index stays small
@Index('notification_user_unread', ['userId', 'createdAt'], { where: 'read_at IS NULL' })
// a job that runs twice (retry, second replica) must not notify twice: one row per key and user
@Index('notification_user_dedupe_key', ['userId', 'dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** what happened, e.g. `incoming.assigned`, `incoming.overdue` */
  @Column({ type: 'varchar', length: 50 })
  kind: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** where the web app goes on a click, e.g. `/incoming/<id>` */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  /** set from the injectable clock (not the database's now()) so tests can move time */
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** for idempotent senders only (reminders): the same key is stored once per user */
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;
}
