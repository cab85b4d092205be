import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, IsNull } from 'typeorm';
import { ErrorCode, NotificationEvent, Page, StoredNotificationDto, UnreadCountDto } from '@app/contracts';
import { Clock } from '../platform/clock/clock';
import { decodeCursor, encodeCursor } from '../platform/database/cursor';
import { badRequest, notFound } from '../platform/errors/app-exception';
import { NotificationListQueryDto } from './dto/notification.dto';
import { Notification } from './notification.entity';
import { NotificationsGateway } from './notifications.gateway';

/** What a context says when it tells people something. */
export interface NotificationInput {
  /** e.g. `incoming.assigned`; the web app may pick an icon by it */
  kind: string;
  /** one line, in Vietnamese (the people it is for read Vietnamese; it is stored, not translated) */
  title: string;
  /** a path in the web app, e.g. `/incoming/<id>` */
  link: string | null;
  /** for senders that may run twice (a retried job): the same key reaches each person once */
  dedupeKey?: string;
}

const TITLE_MAX = 300;
const DEFAULT_PAGE = 20;

const notificationNotFound = () => notFound(ErrorCode.NotFound, 'Không tìm thấy thông báo.', 'Notification not found.');

/** A long subject or reason must not make the insert fail: the title is a line in a menu. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function toDto(row: Notification): StoredNotificationDto {
  return { id: row.id, kind: row.kind, title: row.title, link: row.link, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null };
}

/**
 * Notifications kept per person: stored first, then pushed to every open socket of that person on
 * any replica (the socket.io adapter fans out through PostgreSQL) together with the new unread
 * count, so the badge on every device follows — also when one device reads them.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: NotificationsGateway,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores one row per person and pushes it. With a `dedupeKey`, people who already have that key
   * are skipped (ON CONFLICT against a unique index, so two replicas racing still store it once).
   * Returns how many were stored.
   */
  async notify(userIds: readonly string[], input: NotificationInput): Promise<number> {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return 0;
    const createdAt = this.clock.now();
    const title = clip(input.title.trim(), TITLE_MAX);
    const stored: { id: string; user_id: string }[] = await this.dataSource.query(
      `INSERT INTO notification (user_id, kind, title, link, created_at, dedupe_key)
       SELECT recipient, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS recipient
       ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id, user_id`,
      [recipients, input.kind, title, input.link, createdAt, input.dedupeKey ?? null],
    );
    if (stored.length === 0) return 0;
    const counts = await this.unreadCounts(stored.map((row) => row.user_id));
    for (const row of stored) {
      const event: NotificationEvent = { id: row.id, kind: input.kind, title, link: input.link, createdAt: createdAt.toISOString() };
      this.gateway.notifyUser(row.user_id, event);
      this.gateway.sendUnreadCount(row.user_id, { unread: counts.get(row.user_id) ?? 0 });
    }
    return stored.length;
  }

  /**
   * For a step that is already committed: telling people about it must not turn it into an error.
   * A failure is logged (the row is missing, the person still finds the work in their lists).
   */
  async notifyAfterCommit(userIds: readonly string[], input: NotificationInput): Promise<void> {
    try {
      await this.notify(userIds, input);
    } catch (error) {
      this.logger.warn({ err: error, kind: input.kind }, 'notification not stored');
    }
  }

  /** Newest first, keyset-paginated on (created_at, id). */
  async list(userId: string, query: NotificationListQueryDto): Promise<Page<StoredNotificationDto>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const builder = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.user_id = :userId', { userId })
      .orderBy('notification.created_at', 'DESC')
      .addOrderBy('notification.id', 'DESC')
      .take(limit + 1);
    if (query.unread) builder.andWhere('notification.read_at IS NULL');
    const after = decodeCursor(query.cursor);
    if (query.cursor) {
      const [createdAt, id] = after?.split('|') ?? [];
      if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id))
        throw badRequest(ErrorCode.ValidationFailed, 'Con trỏ trang không hợp lệ.', 'The page cursor is not valid.', [{ field: 'cursor' }]);
      builder.andWhere(
        new Brackets((where) =>
          where.where('notification.created_at < :createdAt', { createdAt }).orWhere('notification.created_at = :createdAt AND notification.id < :id', { id }),
        ),
      );
    }
    const rows = await builder.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toDto), nextCursor: rows.length > limit && last ? encodeCursor(`${last.createdAt.toISOString()}|${last.id}`) : null };
  }

  async unreadCount(userId: string): Promise<UnreadCountDto> {
    return { unread: await this.dataSource.getRepository(Notification).countBy({ userId, readAt: IsNull() }) };
  }

  /**
   * Marks one of the caller's own notifications read (again: no change). Someone else's id is
   * answered like a missing one, so ids cannot be probed.
   */
  async markRead(userId: string, id: string): Promise<UnreadCountDto> {
    const repository = this.dataSource.getRepository(Notification);
    const result = await repository.update({ id, userId, readAt: IsNull() }, { readAt: this.clock.now() });
    if (!result.affected) {
      if (!(await repository.existsBy({ id, userId }))) throw notificationNotFound();
      return this.unreadCount(userId);
    }
    return this.broadcastCount(userId);
  }

  async markAllRead(userId: string): Promise<UnreadCountDto> {
    const result = await this.dataSource.getRepository(Notification).update({ userId, readAt: IsNull() }, { readAt: this.clock.now() });
    return result.affected ? this.broadcastCount(userId) : { unread: 0 };
  }

  /** The caller's other devices (and tabs) update their badge too. */
  private async broadcastCount(userId: string): Promise<UnreadCountDto> {
    const count = await this.unreadCount(userId);
    this.gateway.sendUnreadCount(userId, count);
    return count;
  }

  private async unreadCounts(userIds: string[]): Promise<Map<string, number>> {
    const rows: { user_id: string; unread: string }[] = await this.dataSource.query(
      `SELECT user_id, count(*) AS unread FROM notification WHERE user_id = ANY($1::uuid[]) AND read_at IS NULL GROUP BY user_id`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.user_id, Number(row.unread)]));
  }
}
