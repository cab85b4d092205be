import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuditEntryDto, AuditListQuery, AuditOutcome, AuditVerifyResult, Page } from '@app/contracts';
import { RequestContext } from '../platform/http/request-context';
import { AuditEntry } from './audit-entry.entity';
import { chainHash, checkLink, GENESIS_HASH } from './audit-chain';

export interface AuditRecord {
  /** dotted verb, e.g. `auth.login`, `user.create`, `file.download`, `permission.denied` */
  action: string;
  actor?: { id: string; username: string } | null;
  /** for events before the actor is known, e.g. a failed login */
  actorUsername?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown> | null;
}

/** Any fixed number: appends take turns on it so the chain has one order. */
const AUDIT_APPEND_LOCK = 4_030_2020;
const VERIFY_BATCH = 2000;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one entry to the chain. Pass the EntityManager of the transaction that makes the
   * change, so that the change and its audit row are written together or not at all.
   */
  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    if (manager) return this.append(entry, manager);
    await this.dataSource.transaction((transaction) => this.append(entry, transaction));
  }

  private async append(entry: AuditRecord, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
    const [last] = await manager.query('SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1');
    const context = RequestContext.current();
    const row = {
      sequence: last ? (BigInt(last.sequence) + 1n).toString() : '1',
      occurredAt: new Date(),
      actorId: entry.actor?.id ?? null,
      actorUsername: entry.actor?.username ?? entry.actorUsername ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      outcome: entry.outcome ?? 'success',
      ip: context?.ip ?? null,
      requestId: context?.requestId ?? null,
      details: entry.details ?? null,
      previousHash: last?.hash ?? GENESIS_HASH,
    };
    // jsonb `details` is an open record, which TypeORM's deep-partial type cannot express.
    await manager.insert(AuditEntry, { ...row, hash: chainHash(row) } as QueryDeepPartialEntity<AuditEntry>);
  }

  async list(query: AuditListQuery): Promise<Page<AuditEntryDto>> {
    const limit = Math.min(query.limit ?? 50, 200);
    const where: Record<string, unknown> = {};
    if (query.action) where.action = query.action;
    if (query.actorId) where.actorId = query.actorId;
    if (query.entityType) where.entityType = query.entityType;
    if (query.entityId) where.entityId = query.entityId;
    if (query.before) where.sequence = LessThan(query.before);
    const rows = await this.dataSource.getRepository(AuditEntry).find({ where, order: { sequence: 'DESC' }, take: limit + 1 });
    const items = rows.slice(0, limit).map(toDto);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].sequence : null };
  }

  /** Recomputes the whole chain in batches (memory stays flat however long the log is). */
  async verify(): Promise<AuditVerifyResult> {
    const repository = this.dataSource.getRepository(AuditEntry);
    let previous: { sequence: string; hash: string } | null = null;
    let checked = 0;
    for (;;) {
      const query = repository.createQueryBuilder('entry').orderBy('entry.sequence', 'ASC').limit(VERIFY_BATCH);
      if (previous) query.where('entry.sequence > :after', { after: previous.sequence });
      const rows = await query.getMany();
      for (const row of rows) {
        const broken = checkLink(row, previous);
        if (broken) return { valid: false, checked, firstBrokenSequence: broken.sequence, reason: broken.reason };
        checked += 1;
        previous = { sequence: String(row.sequence), hash: row.hash };
      }
      if (rows.length < VERIFY_BATCH) return { valid: true, checked, firstBrokenSequence: null, reason: null };
    }
  }
}

function toDto(row: AuditEntry): AuditEntryDto {
  return {
    sequence: String(row.sequence),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.requestId,
    details: row.details,
    hash: row.hash,
  };
}
