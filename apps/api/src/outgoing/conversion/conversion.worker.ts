import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { QueueService } from '../../platform/queue/queue.service';
import { ConversionQueue, CONVERT_JOB, CONVERT_SWEEP_JOB, ConvertJobData } from './conversion.queue';
import { PdfForSigningService } from './pdf-for-signing.service';

/** Longer than a conversion waits and runs, so the scheduled sweep does not chase jobs still under way. */
const STUCK_AFTER_MS = 15 * 60_000;

/**
 * Runs the conversions in this replica, and the sweep that never lets an approved draft wait for
 * ever: at start-up and every 15 minutes (pg-boss runs a schedule once across replicas).
 */
@Injectable()
export class ConversionWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('PdfForSigning');

  constructor(
    private readonly queue: QueueService,
    private readonly pdfForSigning: PdfForSigningService,
    private readonly waiting: ConversionQueue,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.declare(CONVERT_JOB, { policy: 'short' });
    await this.queue.work<ConvertJobData>(CONVERT_JOB, (data) => this.pdfForSigning.convert(data.documentId, { id: data.actorId, username: data.actorUsername }));
    await this.queue.work(CONVERT_SWEEP_JOB, () => this.waiting.sweep(new Date(this.clock.now().getTime() - STUCK_AFTER_MS)).then(() => undefined));
    await this.queue.schedule(CONVERT_SWEEP_JOB, '*/15 * * * *');
    // whatever waits now was left by a process that stopped; jobs already queued are not doubled
    await this.waiting.sweep(this.clock.now()).catch((error: unknown) => this.logger.error({ err: error }, 'start-up conversion sweep failed'));
  }
}
