import { createHash, createHmac } from 'node:crypto';

/** The prefix every header of the axis' protocol carries (VPCP SDK "SDKVXP", `VnptService`). */
export const AXIS_HEADER_PREFIX = 'XroadVnpt-';

/** Who calls the axis: the centre's id (`systemid`, our organ id) and the secret it shares with the axis. */
export interface AxisCredentials {
  systemId: string;
  secret: string;
}

/**
 * The headers of one call to the axis, signed as the SDK signs them: each per-call header and
 * `systemid` and `timestamp` go out as `XroadVnpt-<name>`; `XroadVnpt-sign-header-key` names them
 * (";"-joined), `XroadVnpt-sign-header` is the JSON of those prefixed headers, and
 * `XroadVnpt-hash-header` the hex HMAC-SHA256 of that JSON with the secret. The axis recomputes the
 * HMAC over the JSON and checks each named header against the JSON, so no header can be changed or
 * swapped in transit without the secret.
 */
export function signAxisHeaders(credentials: AxisCredentials, headers: Record<string, string>, now: Date): Record<string, string> {
  const named: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...headers, systemid: credentials.systemId, timestamp: axisTimestamp(now) })) named[`${AXIS_HEADER_PREFIX}${name}`] = value;
  const signHeader = JSON.stringify(named);
  return {
    ...named,
    [`${AXIS_HEADER_PREFIX}sign-header-key`]: Object.keys(named).join(';'),
    [`${AXIS_HEADER_PREFIX}sign-header`]: signHeader,
    [`${AXIS_HEADER_PREFIX}hash-header`]: axisHmac(credentials.secret, signHeader),
    [`${AXIS_HEADER_PREFIX}version`]: '3.0.201608',
    'User-Agent': 'JAVASDKAgent/1.0.0 XRoad/VPCP',
  };
}

export function axisHmac(secret: string, signHeader: string): string {
  return createHmac('sha256', secret).update(signHeader, 'utf8').digest('hex');
}

/** `hash-file` of a sent message: SHA-256 hex of its bytes (zero-padded; the axis also accepts the SDK's unpadded form). */
export function axisFileHash(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * `ddMMyyyy'T'HHmmss+SSSS` as the SDK writes it (Java SimpleDateFormat: SSSS = milliseconds in four
 * digits). The SDK formats in the JVM's zone; Vietnam time is assumed here [U: not verified].
 */
export function axisTimestamp(instant: Date): string {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${two(local.getUTCDate())}${two(local.getUTCMonth() + 1)}${local.getUTCFullYear()}T` +
    `${two(local.getUTCHours())}${two(local.getUTCMinutes())}${two(local.getUTCSeconds())}+${String(local.getUTCMilliseconds()).padStart(4, '0')}`
  );
}
