import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { QueueService } from '../platform/queue/queue.service';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Read notifications are history nobody opens after a few months. */
export const READ_KEPT_DAYS = 90;
/** Unread ones are kept longer, but not for ever: the work itself is in the lists, not here. */
export const UNREAD_KEPT_DAYS = 365;
/** Deleted in slices so one night's purge never holds long locks or a huge transaction. */
const BATCH = 5000;

export const PURGE_JOB = 'notifications.purge';

/** Keeps the notification table bounded: a nightly job removes the old ones. */
@Injectable()
export class NotificationsPurge implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsPurge.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.recurring(PURGE_JOB, '43 3 * * *', () => this.purge());
  }

  /** Returns how many were removed. Safe to run twice. */
  async purge(): Promise<number> {
    const now = this.clock.now().getTime();
    const readBefore = new Date(now - READ_KEPT_DAYS * DAY_MS);
    const createdBefore = new Date(now - UNREAD_KEPT_DAYS * DAY_MS);
    let removed = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM notification WHERE id IN (
           SELECT id FROM notification WHERE read_at < $1 OR created_at < $2 LIMIT ${BATCH}
         )`,
        [readBefore, createdBefore],
      );
      removed += count;
      if (count < BATCH) break;
    }
    if (removed > 0) this.logger.log({ removed }, 'old notifications removed');
    return removed;
  }
}
