import 'reflect-metadata';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmbeddedDatabase } from '../../apps/api/src/platform/database/embedded-database';
import { runMigrations } from '../../apps/api/src/platform/database/migration-runner';

const TEMPLATE = 'eoffice_template';

/** Starts one throw-away PostgreSQL for the whole run and migrates the template database. */
export default async function globalSetup(): Promise<void> {
  const root = resolve(__dirname, '../../var/test');
  mkdirSync(root, { recursive: true });
  const directory = join(root, `postgres-${process.pid}`);
  rmSync(directory, { recursive: true, force: true });
  const database = await startEmbeddedDatabase({ directory, port: 0, persistent: false, databaseName: TEMPLATE });
  await runMigrations(database.url);
  const admin = new URL(database.url);
  admin.pathname = '/postgres';
  process.env.TEST_DATABASE_ADMIN_URL = admin.toString();
  process.env.TEST_DATABASE_TEMPLATE = TEMPLATE;
  (globalThis as { __testDatabase?: { stop(): Promise<void>; directory: string } }).__testDatabase = { stop: database.stop, directory };
}
