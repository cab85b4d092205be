import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './platform/config/app-config';
import { createApplication } from './platform/bootstrap';
import { startEmbeddedDatabase, RunningDatabase } from './platform/database/embedded-database';
import { runMigrations } from './platform/database/migration-runner';

/**
 * Starts the system: validated config → database (the configured one, or an embedded PostgreSQL
 * under DATA_DIR) → migrations → API with the web app. Ctrl-C stops everything cleanly.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);

  let database: RunningDatabase;
  if (config.DATABASE_URL) database = { url: config.DATABASE_URL, stop: async () => undefined };
  else {
    say(`starting embedded PostgreSQL in ${resolve(config.DATA_DIR, 'postgres')} …`);
    database = await startEmbeddedDatabase({
      directory: resolve(config.DATA_DIR, 'postgres'),
      port: config.EMBEDDED_DB_PORT,
      persistent: true,
      databaseName: 'eoffice',
    });
  }
  let stopping = false;
  const stop = async (signal: string, app?: { close(): Promise<void> }) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping …`);
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    await runMigrations(database.url, say);
    const app = await createApplication(config, database.url);
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.once('SIGINT', () => void stop('SIGINT', app));
    process.once('SIGTERM', () => void stop('SIGTERM', app));
    await app.listen(config.PORT, config.HOST);
    say(`E-office is running at http://localhost:${config.PORT} (API docs: /api/docs)`);
  } catch (error) {
    process.stderr.write(`start failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    await database.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
