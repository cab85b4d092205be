export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntryDto {
  /** position in the chain, 1-based, gap-free */
  sequence: string;
  occurredAt: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
  hash: string;
}

export interface AuditVerifyResult {
  valid: boolean;
  /** how many rows were checked */
  checked: number;
  /** the first row whose hash does not match its content or its predecessor */
  firstBrokenSequence: string | null;
  reason: string | null;
}

export interface AuditListQuery {
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** return rows with a smaller sequence than this */
  before?: string;
  limit?: number;
}
