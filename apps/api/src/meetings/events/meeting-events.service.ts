import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { MeetingEventEnvelope, MeetingEventName } from '@app/contracts';
import { Clock } from '../../platform/clock/clock';
import { MeetingEvent } from '../entities/meeting-event.entity';
import { MeetingBroadcaster } from './meeting-broadcaster.gateway';

export interface PublishOptions {
  /** only these users receive it (live and on replay); by default everyone in the meeting's room */
  audience?: readonly string[];
  /**
   * The transaction of the change the event tells about: the event is logged in it and sent only
   * once it commits (never for a rolled-back change). Without it the event is logged in a
   * transaction of its own and sent at once.
   */
  manager?: EntityManager;
}

interface Pending {
  event: MeetingEventEnvelope;
  audience: readonly string[] | null;
}

const REPLAY_LIMIT = 1000;

/**
 * A meeting's live log: each event gets the meeting's next sequence number (taken under the
 * meeting's row lock, so numbers never repeat or go back), is stored in `meeting_event`, and is
 * sent to the socket.io room `meeting:<id>` as `meeting:event`. A reconnecting client asks
 * `eventsSince(meeting, lastSequenceSeen)` and receives exactly what it missed, in order.
 */
@Injectable()
export class MeetingEventsService implements OnModuleInit, EntitySubscriberInterface {
  /** events logged in transactions that have not committed yet */
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly broadcaster: MeetingBroadcaster,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  async publish<P>(meetingId: string, name: MeetingEventName | string, payload: P, options: PublishOptions = {}): Promise<MeetingEventEnvelope<P>> {
    const audience = options.audience ? [...new Set(options.audience)] : null;
    if (options.manager?.queryRunner?.isTransactionActive) {
      const event = await this.append(options.manager, meetingId, name, payload, audience);
      const queryRunner = options.manager.queryRunner;
      const list = this.pending.get(queryRunner) ?? [];
      list.push({ event, audience });
      this.pending.set(queryRunner, list);
      return event;
    }
    const event = await this.dataSource.transaction((manager) => this.append(manager, meetingId, name, payload, audience));
    this.broadcaster.send(event, audience);
    return event;
  }

  /** What a user missed after `afterSequence`, in order (at most REPLAY_LIMIT; ask again from the last one for more). */
  async eventsSince(meetingId: string, afterSequence: number, userId: string, limit = REPLAY_LIMIT): Promise<MeetingEventEnvelope[]> {
    const rows = await this.dataSource
      .getRepository(MeetingEvent)
      .createQueryBuilder('event')
      .where('event.meetingId = :meetingId', { meetingId })
      .andWhere('event.sequence > :after', { after: String(Math.max(0, Math.floor(afterSequence))) })
      .andWhere('(event.audience IS NULL OR :userId = ANY(event.audience))', { userId })
      .orderBy('event.sequence', 'ASC')
      .limit(Math.min(limit, REPLAY_LIMIT))
      .getMany();
    return rows.map(toEnvelope);
  }

  /** The sequence of the meeting's last event (0 before the first). */
  async lastSequence(meetingId: string): Promise<number> {
    const [row] = await this.dataSource.query('SELECT last_event_sequence FROM meeting WHERE id = $1', [meetingId]);
    return row ? Number(row.last_event_sequence) : 0;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return; // a savepoint released: the outer transaction may still roll back
    const list = this.pending.get(event.queryRunner);
    if (!list) return;
    this.pending.delete(event.queryRunner);
    for (const { event: logged, audience } of list) this.broadcaster.send(logged, audience);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private async append<P>(manager: EntityManager, meetingId: string, name: string, payload: P, audience: string[] | null): Promise<MeetingEventEnvelope<P>> {
    const [rows] = await manager.query('UPDATE meeting SET last_event_sequence = last_event_sequence + 1 WHERE id = $1 RETURNING last_event_sequence', [meetingId]);
    const row = rows?.[0] as { last_event_sequence: string } | undefined;
    if (!row) throw new Error(`no meeting ${meetingId}`);
    const at = this.clock.now();
    await manager.insert(MeetingEvent, { meetingId, sequence: row.last_event_sequence, name, payload: payload as never, audience, at });
    return { meetingId, sequence: Number(row.last_event_sequence), name, payload, at: at.toISOString() };
  }
}

function toEnvelope(row: MeetingEvent): MeetingEventEnvelope {
  return { meetingId: row.meetingId, sequence: Number(row.sequence), name: row.name, payload: row.payload, at: row.at.toISOString() };
}
