import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EdxmlStatusCode, writeStatusMessage } from '@app/edxml';
import { Organ } from '../../organs/organ.entity';
import { Clock } from '../../platform/clock/clock';
import { AppConfig } from '../../platform/config/app-config';
import { QueueService } from '../../platform/queue/queue.service';
import { AxisRefusedError } from '../axis/axis-client';
import { AxisConnection } from '../axis/axis-connection';
import { ExchangeReceivedDocument, ExchangeStatusOutboxEntry } from '../exchange.entities';
import { SEND_STATUS_JOB, SendStatusJob } from '../exchange-jobs';
import { vietnamInstant } from '../edxml-time';

/** The Description of each status, as in the operator's samples. */
export const STATUS_DESCRIPTIONS: Record<string, string> = {
  [EdxmlStatusCode.Arrived]: 'Đã đến - phần mềm quản lý văn bản đã nhận, văn thư chưa xử lý',
  [EdxmlStatusCode.Refused]: 'Từ chối tiếp nhận văn bản điện tử',
  [EdxmlStatusCode.Registered]: 'Tiếp nhận, vào sổ văn bản đến',
  [EdxmlStatusCode.Assigned]: 'Lãnh đạo phân công xử lý',
  [EdxmlStatusCode.InProgress]: 'Đang xử lý',
  [EdxmlStatusCode.Completed]: 'Hoàn thành xử lý',
  [EdxmlStatusCode.ChangeAccepted]: 'Đồng ý cập nhật/lấy lại văn bản',
  [EdxmlStatusCode.ChangeRefused]: 'Từ chối cập nhật/lấy lại văn bản',
};

export interface StaffInfo {
  department?: string;
  staff?: string;
  email?: string;
  mobile?: string;
}

/**
 * The statuses this agency sends back about the documents it received (01–06, 15, 16). Each is
 * written in the transaction of the step that causes it, with its send job (pg-boss in the same
 * transaction): a step that rolls back says nothing, a step that commits is always said — once per
 * document and code, whatever repeats.
 */
@Injectable()
export class StatusOutboxService {
  private readonly logger = new Logger('ExchangeStatuses');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly axis: AxisConnection,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, receivedDocumentId: string, statusCode: EdxmlStatusCode, staff: StaffInfo | null, description?: string): Promise<void> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO exchange_status_outbox (received_document_id, status_code, description, staff, created_at, status)
       VALUES ($1, $2, $3, $4, $5, 'waiting_for_axis') ON CONFLICT (received_document_id, status_code) DO NOTHING RETURNING id`,
      [receivedDocumentId, statusCode, description ?? STATUS_DESCRIPTIONS[statusCode], staff ? JSON.stringify(staff) : null, this.clock.now()],
    );
    if (!rows.length) return;
    await this.queue.send<SendStatusJob>(SEND_STATUS_JOB, { statusId: rows[0].id }, this.jobOptions(manager, rows[0].id));
  }

  jobOptions(manager: EntityManager | null, statusId: string) {
    return {
      singletonKey: statusId,
      retryLimit: this.config.AXIS_RETRY_LIMIT,
      retryDelay: this.config.AXIS_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      ...(manager ? { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) } } : {}),
    };
  }

  async waiting(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM exchange_status_outbox WHERE status = 'waiting_for_axis' ORDER BY created_at LIMIT 500`);
    return rows.map((row) => row.id);
  }

  /** Sends one status; quietly nothing when already sent or being sent; throws when the axis cannot be reached. */
  async send(statusId: string): Promise<void> {
    const client = this.axis.client;
    if (!client) return;
    let unreachable: unknown = null;
    await this.dataSource.transaction(async (manager) => {
      const [locked] = (await manager.query(`SELECT id FROM exchange_status_outbox WHERE id = $1 AND status = 'waiting_for_axis' FOR UPDATE SKIP LOCKED`, [statusId])) as { id: string }[];
      if (!locked) return;
      const status = await manager.findOneByOrFail(ExchangeStatusOutboxEntry, { id: statusId });
      const document = await manager.findOneByOrFail(ExchangeReceivedDocument, { id: status.receivedDocumentId });
      const self = await manager.findOneByOrFail(Organ, { isSelf: true });
      const message = writeStatusMessage({
        header: {
          from: { organId: self.organId, organName: self.name },
          responseFor: {
            organId: document.fromOrganId,
            ...(document.code ? { code: document.code } : {}),
            ...(document.promulgationDate ? { promulgationDate: document.promulgationDate } : {}),
            documentId: document.documentId,
          },
          ...(status.staff ? { staffInfo: status.staff } : {}),
          statusCode: status.statusCode,
          description: status.description,
          timestamp: vietnamInstant(status.createdAt),
        },
      });
      try {
        await client.send(message, 'status', self.organId);
      } catch (error) {
        if (!(error instanceof AxisRefusedError)) {
          unreachable = error;
          return;
        }
        this.logger.error({ statusId, code: error.errorCode, reason: error.message }, 'the axis refused a status');
        await manager.update(ExchangeStatusOutboxEntry, { id: statusId }, { status: 'failed', attempts: status.attempts + 1 });
        return;
      }
      await manager.update(ExchangeStatusOutboxEntry, { id: statusId }, { status: 'sent', sentAt: this.clock.now(), attempts: status.attempts + 1 });
    });
    if (unreachable) {
      await this.dataSource.query(`UPDATE exchange_status_outbox SET attempts = attempts + 1 WHERE id = $1`, [statusId]);
      throw unreachable;
    }
  }
}
