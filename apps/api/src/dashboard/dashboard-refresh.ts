import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { QueueService } from '../platform/queue/queue.service';
import { DashboardGateway } from './dashboard.gateway';

/**
 * The materialised views of migration 1795400002310, in two groups by how fast they change and
 * what a refresh costs (at a million documents, `npm run bench -- dashboard`):
 * - `live`: open work by unit and the task aggregates — what leaders act on — a few seconds, every minute;
 * - `history`: documents per day and processing times — a full pass over the document tables, every ten minutes.
 */
export const DASHBOARD_VIEW_GROUPS = {
  live: ['dashboard_open_work', 'dashboard_task_count', 'dashboard_task_completion'],
  history: ['dashboard_document_day', 'dashboard_incoming_processing'],
} as const;
export type DashboardViewGroup = keyof typeof DASHBOARD_VIEW_GROUPS;
export const DASHBOARD_VIEWS = [...DASHBOARD_VIEW_GROUPS.live, ...DASHBOARD_VIEW_GROUPS.history] as const;

const JOBS: Record<DashboardViewGroup, { name: string; cron: string }> = {
  live: { name: 'dashboard.refresh', cron: '* * * * *' },
  history: { name: 'dashboard.refresh-history', cron: '*/10 * * * *' },
};

/**
 * Refreshes the dashboard's materialised views, CONCURRENTLY so that readers are never blocked,
 * then tells the watching browsers. An advisory lock per group keeps two replicas (or a slow run
 * and the next one) from refreshing the same views at once: the second one simply skips.
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
    for (const group of Object.keys(JOBS) as DashboardViewGroup[]) {
      await this.queue.recurring(JOBS[group].name, JOBS[group].cron, () => this.refresh([group]));
    }
  }

  /** Refreshes the groups (all by default); returns the time of this refresh, or null when each group was being refreshed already. */
  async refresh(groups: readonly DashboardViewGroup[] = ['live', 'history']): Promise<Date | null> {
    let refreshedAt: Date | null = null;
    for (const group of groups) {
      const started = Date.now();
      const at = await this.dataSource.transaction(async (manager) => {
        const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [`dashboard.refresh:${group}`]);
        if (!locked) return null;
        for (const view of DASHBOARD_VIEW_GROUPS[group]) await manager.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY "${view}"`);
        const now = this.clock.now();
        // the time of the live figures is the one the page shows
        if (group === 'live')
          await manager.query(`INSERT INTO dashboard_refresh (id, refreshed_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at`, [now]);
        return now;
      });
      if (at) {
        this.logger.debug({ group, milliseconds: Date.now() - started }, 'dashboard refreshed');
        refreshedAt = at;
      }
    }
    if (refreshedAt) this.gateway.refreshed({ refreshedAt: refreshedAt.toISOString() });
    return refreshedAt;
  }
}
