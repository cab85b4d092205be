import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FileActor } from '../../files/files.service';
import { QueueService } from '../../platform/queue/queue.service';

export const CONVERT_JOB = 'outgoing.convert-for-signing';
export const CONVERT_SWEEP_JOB = 'outgoing.convert-sweep';

export interface ConvertJobData {
  documentId: string;
  /** whose approval asked for it: the converted version is stored in their name */
  actorId: string;
  actorUsername: string;
}

/** Drafts picked up by one sweep; the next sweep takes the rest. */
const SWEEP_BATCH = 200;

/**
 * Hands approved DOCX drafts to the background conversion into the PDF to sign: LibreOffice takes
 * seconds, and an approval must not wait for it nor fail with it. Sent after the approval has
 * committed; a process that dies before sending loses nothing, because `sweep` finds every draft
 * still marked `conversion_pending` and sends it again. One waiting job per draft (singletonKey).
 */
@Injectable()
export class ConversionQueue {
  private readonly logger = new Logger('PdfForSigning');

  constructor(
    private readonly queue: QueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Never throws: the approval is committed already; the sweep catches up. */
  async enqueue(documentId: string, actor: FileActor): Promise<void> {
    try {
      await this.send({ documentId, actorId: actor.id, actorUsername: actor.username });
    } catch (error) {
      this.logger.warn({ documentId, err: error }, 'could not enqueue the conversion; the sweep will');
    }
  }

  /** Sends again every draft waiting for its conversion since before `olderThan`, in the signer's name. */
  async sweep(olderThan: Date): Promise<number> {
    const waiting: { id: string; signer_id: string; username: string }[] = await this.dataSource.query(
      `SELECT document.id, document.signer_id, signer.username
         FROM outgoing_document document JOIN "user" signer ON signer.id = document.signer_id
        WHERE document.pdf_for_signing_issue = 'conversion_pending' AND document.updated_at < $1
        ORDER BY document.updated_at LIMIT $2`,
      [olderThan, SWEEP_BATCH],
    );
    for (const row of waiting) await this.send({ documentId: row.id, actorId: row.signer_id, actorUsername: row.username });
    if (waiting.length > 0) this.logger.log({ documents: waiting.length }, 'conversion re-enqueued for waiting drafts');
    return waiting.length;
  }

  private async send(data: ConvertJobData): Promise<void> {
    await this.queue.declare(CONVERT_JOB, { policy: 'short' });
    await this.queue.send<ConvertJobData>(CONVERT_JOB, data, { singletonKey: data.documentId, expireInSeconds: 10 * 60 });
  }
}
