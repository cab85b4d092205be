import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueueService } from '../../platform/queue/queue.service';

export const PREPARE_JOB = 'incoming.prepare';
export const PREPARE_SWEEP_JOB = 'incoming.prepare-sweep';

export interface PrepareJobData {
  documentId: string;
}

/** Documents picked up by one sweep; the next sweep takes the rest. */
const SWEEP_BATCH = 1000;

/**
 * Hands registered documents to the background preparation (stamp, text, OCR). Sending happens
 * after the registration has committed, so a job never refers to a document that was rolled back;
 * a process that dies between the commit and the send loses nothing either, because `sweep` finds
 * every registered document whose preparation has not finished (has_text_layer still null) and
 * sends it again. The queue's `short` policy with the document id as singletonKey keeps one waiting
 * job per document, however often it is sent; the job itself is idempotent.
 */
@Injectable()
export class IncomingPreparationQueue {
  private readonly logger = new Logger('IncomingPreparation');

  constructor(
    private readonly queue: QueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Never throws: a registration must not fail because the queue is slow; the sweep catches up. */
  async enqueue(documentId: string): Promise<void> {
    try {
      await this.send(documentId);
    } catch (error) {
      this.logger.warn({ documentId, err: error }, 'could not enqueue the preparation; the sweep will');
    }
  }

  /**
   * Sends again every registered document still waiting, registered before `olderThan` (a job sent
   * just now is not "stuck"). Returns how many were sent.
   */
  async sweep(olderThan: Date): Promise<number> {
    const waiting: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM incoming_document
        WHERE has_text_layer IS NULL AND arrival_number IS NOT NULL AND registered_at < $1
        ORDER BY registered_at LIMIT $2`,
      [olderThan, SWEEP_BATCH],
    );
    for (const { id } of waiting) await this.send(id);
    if (waiting.length > 0) this.logger.log({ documents: waiting.length }, 'preparation re-enqueued for waiting documents');
    return waiting.length;
  }

  private async send(documentId: string): Promise<void> {
    await this.queue.declare(PREPARE_JOB, { policy: 'short' });
    // OCR of a long scan takes minutes: the job may run up to OCR's own time limit and then some.
    await this.queue.send<PrepareJobData>(PREPARE_JOB, { documentId }, { singletonKey: documentId, expireInSeconds: 30 * 60 });
  }
}
