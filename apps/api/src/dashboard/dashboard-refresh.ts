import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { QueueService } from '../platform/queue/queue.service';
import { DashboardGateway } from './dashboard.gateway';

export const DASHBOARD_REFRESH_JOB = 'dashboard.refresh';
/** Every minute: the dashboard is at most a minute behind, and costs the same however many look at it. */
const EVERY_MINUTE = '* * * * *';
/** Migration 1795400002310. */
export const DASHBOARD_VIEWS = ['dashboard_document_day', 'dashboard_open_work', 'dashboard_task_count', 'dashboard_task_completion', 'dashboard_incoming_processing'] as const;

/**
 * Refreshes the dashboard's materialised views, CONCURRENTLY so that readers are never blocked,
 * then tells the watching browsers. An advisory lock keeps two replicas (or a slow run and the
 * next one) from refreshing at the same time: the second one simply skips.
 */
@Injectable()
export class DashboardRefresh implements OnApplicationBootstrap {
  private readonly logger = new Logger(DashboardRefresh.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gateway: DashboardGateway,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work(DASHBOARD_REFRESH_JOB, () => this.refresh().then(() => undefined));
    await this.queue.schedule(DASHBOARD_REFRESH_JOB, EVERY_MINUTE);
  }

  /** Returns the time of this refresh, or null when another one was running. */
  async refresh(): Promise<Date | null> {
    const started = Date.now();
    const refreshedAt = await this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('dashboard.refresh')) AS locked`);
      if (!locked) return null;
      for (const view of DASHBOARD_VIEWS) await manager.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY "${view}"`);
      const at = this.clock.now();
      await manager.query(`INSERT INTO dashboard_refresh (id, refreshed_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at`, [at]);
      return at;
    });
    if (refreshedAt) {
      this.logger.debug({ milliseconds: Date.now() - started }, 'dashboard refreshed');
      this.gateway.refreshed({ refreshedAt: refreshedAt.toISOString() });
    }
    return refreshedAt;
  }
}
