import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AuditOutcome } from '@app/contracts';

/**
 * One row of the append-only audit log. `hash` = SHA-256 over this row's content and the previous
 * row's hash, so changing or removing any row breaks the chain from there on. A trigger refuses
 * UPDATE and DELETE; `GET /api/audit/verify` recomputes the chain.
 * No foreign keys: the log outlives what it mentions.
 */
@Entity()
@Index(['entityType', 'entityId'])
@Index(['actorId', 'sequence'])
@Index(['action', 'sequence'])
export class AuditEntry {
  @PrimaryColumn({ type: 'bigint' })
  sequence: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  actorUsername: string | null;

  @Column({ length: 100 })
  action: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  entityType: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  entityId: string | null;

  @Column({ type: 'varchar', length: 10 })
  outcome: AuditOutcome;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  @Column({ type: 'char', length: 64 })
  previousHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
