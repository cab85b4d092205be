import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AxisAgency } from './axis-config';

const PREFIX = 'xroadvnpt-';

/** Why a call is refused; the axis answers 401 with `status: FAIL` and this code. */
export type RefusalCode = 'UNSIGNED' | 'UNKNOWN_AGENCY' | 'BAD_SIGNATURE' | 'STALE_TIMESTAMP' | 'REPLAYED';

export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** A verified call: the agency and its signed headers, by name without the prefix (`from`, `docid`, …). */
export interface VerifiedCall {
  agency: AxisAgency;
  headers: Record<string, string>;
  signature: string;
  timestamp: Date;
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** `ddMMyyyy'T'HHmmss+SSSS` in Vietnam time (the SDK's format) → the instant, or null. */
export function parseAxisTimestamp(text: string): Date | null {
  const match = /^(\d{2})(\d{2})(\d{4})T(\d{2})(\d{2})(\d{2})\+(\d{4})$/.exec(text);
  if (!match) return null;
  const [day, month, year, hour, minute, second, millisecond] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || millisecond > 999) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (new Date(local).getUTCDate() !== day) return null; // 31/02 rolls over
  return new Date(local - VIETNAM_OFFSET_MS);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Checks a call as the axis does: the `systemid` is a registered agency; the HMAC-SHA256 of the
 * sign-header JSON with that agency's secret equals the hash-header; every header named in the
 * signed JSON arrived with that same value (and `systemid`, `timestamp` are among them); the
 * timestamp is within the window. Replays (the same signature again) are checked by the caller's
 * memory of signatures, see ReplayGuard.
 */
export function verifyCall(headers: IncomingHttpHeaders, agencies: Map<string, AxisAgency>, now: Date, windowSeconds: number): VerifiedCall {
  const signHeader = header(headers, `${PREFIX}sign-header`);
  const hash = header(headers, `${PREFIX}hash-header`);
  const systemId = header(headers, `${PREFIX}systemid`);
  if (!signHeader || !hash || !systemId) throw new Refusal('UNSIGNED', 'the call carries no signed headers');
  const agency = agencies.get(systemId);
  if (!agency) throw new Refusal('UNKNOWN_AGENCY', `agency ${systemId} is not registered with the axis`);

  const expected = createHmac('sha256', agency.secret).update(signHeader, 'utf8').digest();
  const given = /^[0-9a-fA-F]{64}$/.test(hash) ? Buffer.from(hash, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Refusal('BAD_SIGNATURE', 'the signature does not match');

  let signed: Record<string, unknown>;
  try {
    signed = JSON.parse(signHeader) as Record<string, unknown>;
  } catch {
    throw new Refusal('BAD_SIGNATURE', 'the signed headers are not JSON');
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed)) {
    if (!name.toLowerCase().startsWith(PREFIX) || typeof value !== 'string') throw new Refusal('BAD_SIGNATURE', `signed header ${name} is not an axis header`);
    if (header(headers, name) !== value) throw new Refusal('BAD_SIGNATURE', `header ${name} differs from the signed one`);
    values[name.slice(PREFIX.length).toLowerCase()] = value;
  }
  if (values.systemid !== systemId) throw new Refusal('BAD_SIGNATURE', 'systemid is not signed');
  const timestamp = values.timestamp ? parseAxisTimestamp(values.timestamp) : null;
  if (!timestamp) throw new Refusal('BAD_SIGNATURE', 'timestamp missing or not ddMMyyyyTHHmmss+SSSS');
  if (Math.abs(now.getTime() - timestamp.getTime()) > windowSeconds * 1000) throw new Refusal('STALE_TIMESTAMP', 'timestamp outside the accepted window');
  return { agency, headers: values, signature: hash.toLowerCase(), timestamp };
}

/**
 * `hash-file` of a sent message: SHA-256 hex of the bytes. The SDK writes each byte with
 * Integer.toHexString, dropping leading zeros; both forms are accepted.
 */
export function fileHashMatches(body: Buffer, hashFile: string | undefined): boolean {
  if (!hashFile) return false;
  const digest = createHash('sha256').update(body).digest();
  const padded = digest.toString('hex');
  const unpadded = [...digest].map((byte) => byte.toString(16)).join('');
  const given = hashFile.toLowerCase();
  return given === padded || given === unpadded;
}
