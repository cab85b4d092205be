import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { AppConfig } from '../config/app-config';

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

/**
 * Background jobs on pg-boss: the queue lives in PostgreSQL (schema `pgboss`), so no Redis is
 * needed and jobs are spread over every API replica. Handlers must be idempotent: a job may run
 * again after a crash or a retry.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private boss?: PgBoss;
  /** Queues created (or being created) by this process. */
  private readonly queues = new Map<string, Promise<void>>();
  /** The tail of the one-at-a-time chain of queue creations. */
  private creations: Promise<unknown> = Promise.resolve();

  constructor(private readonly config: AppConfig) {}

  /** Started by QueueModule with the database the API uses. */
  async start(connectionString: string): Promise<void> {
    const boss = new PgBoss({ connectionString, schema: 'pgboss', application_name: 'e-office-jobs', max: 4, schedule: this.config.JOBS_ENABLED, supervise: this.config.JOBS_ENABLED });
    boss.on('error', (error: Error & { code?: string }) => {
      // 57P01: the database is shutting down (Ctrl-C reaches the embedded server too); not a fault.
      if (error.code === '57P01') this.logger.warn('database is shutting down; job queue paused');
      else this.logger.error({ err: error }, 'job queue error');
    });
    await boss.start();
    this.boss = boss;
  }

  /**
   * Creates the queue on first use. pg-boss 10 creates a queue's partition without a lock of its
   * own, and two creations at once (the modules' start-up hooks run together) can deadlock: here
   * they run one at a time, and a deadlock with another replica starting is retried.
   */
  private async queue(name: string, options: Omit<PgBoss.Queue, 'name'> = {}): Promise<PgBoss> {
    const boss = this.boss;
    if (!boss) throw new Error('job queue not started');
    let created = this.queues.get(name);
    if (!created) {
      created = this.creations.then(() => createQueue(boss, name, options));
      this.creations = created.catch(() => undefined);
      this.queues.set(name, created);
      created.catch(() => this.queues.delete(name));
    }
    await created;
    return boss;
  }

  /**
   * Creates a queue with a policy before its first use (pg-boss keeps the first definition). Needed
   * for `singletonKey` to mean anything: pg-boss 10 enforces it only under a policy — `short` keeps
   * at most one waiting job per key.
   */
  async declare(name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
    await this.queue(name, options);
  }

  /** Enqueues a job; with a `singletonKey` on a queue declared with a policy, a second send of the same key is a no-op (idempotent). */
  async send<T extends object>(name: string, data: T, options: PgBoss.SendOptions = {}): Promise<string | null> {
    return (await this.queue(name)).send(name, data, { retryLimit: 5, retryBackoff: true, ...options });
  }

  /** Registers a worker in this replica (unless JOBS_ENABLED=false). */
  async work<T extends object>(name: string, handler: JobHandler<T>): Promise<void> {
    if (!this.config.JOBS_ENABLED) return;
    const boss = await this.queue(name);
    await boss.work<T>(name, async (jobs) => {
      for (const job of jobs) await handler(job.data, { id: job.id, name: job.name });
    });
  }

  /** A recurring job (cron, Vietnam time). Every replica may declare it; pg-boss runs it once. */
  async schedule(name: string, cron: string): Promise<void> {
    if (!this.config.JOBS_ENABLED) return;
    await (await this.queue(name)).schedule(name, cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
  }

  /**
   * A job that runs on a schedule (the daily reminders and escalations): its worker in this replica
   * and its schedule, which every replica may declare (pg-boss runs it once). `run` is the job's
   * whole work and must be idempotent; what it answers (a summary the tests read) is not kept.
   */
  async recurring(name: string, cron: string, run: () => Promise<unknown>): Promise<void> {
    await this.work(name, async () => {
      await run();
    });
    await this.schedule(name, cron);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = undefined;
  }
}

const DEADLOCK = '40P01';

async function createQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>, attempts = 5): Promise<void> {
  try {
    await boss.createQueue(name, { ...options, name });
  } catch (error) {
    if ((error as { code?: string }).code !== DEADLOCK || attempts <= 1) throw error;
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    await createQueue(boss, name, options, attempts - 1);
  }
}
