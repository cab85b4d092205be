import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config';
import { QueueService } from '../platform/queue/queue.service';
import { POLL_JOB, SEND_DOCUMENT_JOB, SEND_STATUS_JOB, SendDocumentJob, SendStatusJob } from './exchange-jobs';
import { InboxService } from './inbox/inbox.service';
import { DocumentOutboxService } from './outbox/document-outbox.service';
import { StatusOutboxService } from './outbox/status-outbox.service';

/**
 * The interconnection's background work (pg-boss): one job per message to send, retried with
 * back-off while the axis is down; every minute a round that takes what the axis holds for us and
 * queues again whatever is still waiting to go (new dispatches, sends whose retries ran out).
 */
@Injectable()
export class ExchangeWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('Exchange');

  constructor(
    private readonly queue: QueueService,
    private readonly documents: DocumentOutboxService,
    private readonly statuses: StatusOutboxService,
    private readonly inbox: InboxService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // stately: at most one waiting job per message, however often the round queues it
    await this.queue.declare(SEND_DOCUMENT_JOB, { policy: 'stately' });
    await this.queue.declare(SEND_STATUS_JOB, { policy: 'stately' });
    await this.queue.declare(POLL_JOB, { policy: 'stately' });
    if (!this.config.axisEnabled) return;
    await this.queue.work<SendDocumentJob>(SEND_DOCUMENT_JOB, (job) => this.documents.send(job.outboxId));
    await this.queue.work<SendStatusJob>(SEND_STATUS_JOB, (job) => this.statuses.send(job.statusId));
    await this.queue.work(POLL_JOB, () => this.round());
    await this.queue.schedule(POLL_JOB, '* * * * *');
    await this.queueWaiting();
  }

  /** One round: queue what waits to be sent, then take what waits to be received. */
  async round(): Promise<void> {
    await this.queueWaiting();
    await this.inbox.poll();
  }

  /** Queues a send job for every message still waiting (a no-op for those already queued). */
  async queueWaiting(): Promise<void> {
    const options = { retryLimit: this.config.AXIS_RETRY_LIMIT, retryDelay: this.config.AXIS_RETRY_DELAY_SECONDS, retryBackoff: true };
    for (const outboxId of await this.documents.waiting()) await this.queue.send<SendDocumentJob>(SEND_DOCUMENT_JOB, { outboxId }, { ...options, singletonKey: outboxId });
    for (const statusId of await this.statuses.waiting()) await this.queue.send<SendStatusJob>(SEND_STATUS_JOB, { statusId }, this.statuses.jobOptions(null, statusId));
    this.logger.debug('waiting messages queued');
  }
}
