import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a row that its hash covers. */
export interface ChainedFields {
  sequence: string;
  occurredAt: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
  previousHash: string;
}

export function chainHash(row: ChainedFields): string {
  const content = canonicalJson({
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
    previousHash: row.previousHash,
  });
  return createHash('sha256').update(content).digest('hex');
}

export type ChainBreak = { sequence: string; reason: string };

/**
 * Checks one row against the one before it: consecutive sequence, link to the previous hash,
 * and its own hash. Returns what is wrong, or null.
 */
export function checkLink(row: ChainedFields & { hash: string }, previous: { sequence: string; hash: string } | null): ChainBreak | null {
  const expectedSequence = previous ? (BigInt(previous.sequence) + 1n).toString() : '1';
  if (String(row.sequence) !== expectedSequence)
    return { sequence: String(row.sequence), reason: `row ${expectedSequence} is missing (found ${row.sequence} next)` };
  const expectedPrevious = previous ? previous.hash : GENESIS_HASH;
  if (row.previousHash !== expectedPrevious) return { sequence: String(row.sequence), reason: 'link to the previous row does not match' };
  if (chainHash(row) !== row.hash) return { sequence: String(row.sequence), reason: 'content does not match its hash (row changed)' };
  return null;
}
