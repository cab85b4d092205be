import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { QueueService } from '../../platform/queue/queue.service';
import { IncomingPreparationQueue, PREPARE_JOB, PREPARE_SWEEP_JOB, PrepareJobData } from './incoming-preparation.queue';
import { IncomingPreparationService } from './incoming-preparation.service';

/**
 * A document counts as stuck once it has waited this long: longer than a job normally waits and
 * runs (OCR of a long scan included), so the scheduled sweep does not chase jobs still under way.
 */
const STUCK_AFTER_MS = 45 * 60_000;

/**
 * Runs the preparation jobs in this replica, and the sweep that never lets a document wait for
 * ever: once at start-up (for the documents of a process that died between a registration's
 * commit and its send) and every 15 minutes (pg-boss runs a schedule once across replicas).
 */
@Injectable()
export class IncomingPreparationWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('IncomingPreparation');

  constructor(
    private readonly queue: QueueService,
    private readonly preparation: IncomingPreparationService,
    private readonly waiting: IncomingPreparationQueue,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.declare(PREPARE_JOB, { policy: 'short' });
    await this.queue.work<PrepareJobData>(PREPARE_JOB, (data) => this.preparation.prepare(data.documentId));
    await this.queue.work(PREPARE_SWEEP_JOB, () => this.sweepStuck());
    await this.queue.schedule(PREPARE_SWEEP_JOB, '*/15 * * * *');
    // Whatever waits now was left by a process that stopped; jobs already queued are not doubled.
    await this.waiting.sweep(this.clock.now()).catch((error: unknown) => this.logger.error({ err: error }, 'start-up preparation sweep failed'));
  }

  private async sweepStuck(): Promise<void> {
    await this.waiting.sweep(new Date(this.clock.now().getTime() - STUCK_AFTER_MS));
  }
}
