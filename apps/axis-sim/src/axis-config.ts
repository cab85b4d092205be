import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** An agency the axis knows: its organ id (also its `systemid`), the shared secret, and its directory entry. */
export interface AxisAgency {
  organId: string;
  name: string;
  secret: string;
  /** the parent organ id (the SDK's `pcode`), if any */
  parentOrganId?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface AxisSimConfig {
  port: number;
  host: string;
  dataDir: string;
  agencies: AxisAgency[];
  /** how far a request's timestamp may be from the axis' clock, either way */
  replayWindowSeconds: number;
  /** largest message accepted by sendEdoc */
  maxMessageBytes: number;
}

/** A wrong value stops the start with the variable's name, like the API's configuration. */
export class AxisConfigError extends Error {}

function integer(environment: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const text = environment[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new AxisConfigError(`${name}: must be a whole number from ${min} to ${max} (got "${text}")`);
  return value;
}

/**
 * Agencies come from a JSON file (`AXIS_SIM_AGENCIES`, a list of {organId, name, secret, …}), or
 * inline as JSON in the same variable — tests pass them inline, the demo uses the file beside this
 * service.
 */
export function readAgencies(source: string): AxisAgency[] {
  const text = source.trim().startsWith('[') ? source : readFileSync(resolve(source), 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AxisConfigError('AXIS_SIM_AGENCIES: not valid JSON');
  }
  if (!Array.isArray(parsed) || !parsed.length) throw new AxisConfigError('AXIS_SIM_AGENCIES: must be a non-empty list of agencies');
  const seen = new Set<string>();
  return parsed.map((entry, index) => {
    const agency = entry as Partial<AxisAgency>;
    if (typeof agency.organId !== 'string' || !/^[A-Za-z0-9.]{1,50}$/.test(agency.organId)) throw new AxisConfigError(`AXIS_SIM_AGENCIES[${index}].organId: missing or not an organ id`);
    if (typeof agency.secret !== 'string' || agency.secret.length < 16) throw new AxisConfigError(`AXIS_SIM_AGENCIES[${index}].secret: at least 16 characters`);
    if (typeof agency.name !== 'string' || !agency.name.trim()) throw new AxisConfigError(`AXIS_SIM_AGENCIES[${index}].name: missing`);
    if (seen.has(agency.organId)) throw new AxisConfigError(`AXIS_SIM_AGENCIES[${index}].organId: ${agency.organId} is listed twice`);
    seen.add(agency.organId);
    return { organId: agency.organId, name: agency.name, secret: agency.secret, parentOrganId: agency.parentOrganId ?? null, email: agency.email ?? null, phone: agency.phone ?? null };
  });
}

export function loadAxisSimConfig(environment: Record<string, string | undefined> = process.env): AxisSimConfig {
  return {
    port: integer(environment, 'AXIS_SIM_PORT', 8600, 0, 65535),
    host: environment.AXIS_SIM_HOST || '127.0.0.1',
    dataDir: resolve(environment.AXIS_SIM_DATA_DIR || './var/axis-sim'),
    agencies: readAgencies(environment.AXIS_SIM_AGENCIES || resolve(__dirname, '../agencies.demo.json')),
    replayWindowSeconds: integer(environment, 'AXIS_SIM_REPLAY_WINDOW_SECONDS', 300, 1, 86400),
    maxMessageBytes: integer(environment, 'AXIS_SIM_MAX_MESSAGE_BYTES', 512 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
  };
}
