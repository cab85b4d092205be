import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../apps/api/src/platform/config/app-config';
import { createApplication } from '../../apps/api/src/platform/bootstrap';
import { createTestDatabase } from './test-database';

export const DEMO_PASSWORD = 'Demo@2026';

export interface TestApp {
  app: NestExpressApplication;
  /** http://127.0.0.1:<port> — the app listens on a free port (socket.io needs a real server) */
  baseUrl: string;
  http(): ReturnType<typeof request>;
  login(username: string, password?: string): Promise<string>;
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T[]>;
  databaseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The whole API as it runs in production — same bootstrap, real PostgreSQL (a fresh database
 * with migrations and the demo agency), local file store in a temp folder — on a free port.
 */
export async function createTestApp(environment: Record<string, string> = {}, replicaOf?: TestApp): Promise<TestApp> {
  const root = resolve(__dirname, '../../var/test');
  mkdirSync(root, { recursive: true });
  // A replica shares the database and the file store of the first instance, as N pods would.
  // A benchmark may bring a database and a file store it keeps (DATABASE_URL, DATA_DIR): used as given, never removed.
  const kept = !replicaOf && Boolean(environment.DATABASE_URL);
  const dataDir = replicaOf ? replicaOf.dataDir : kept && environment.DATA_DIR ? environment.DATA_DIR : mkdtempSync(join(root, 'app-'));
  const database = replicaOf ? { url: replicaOf.databaseUrl, drop: async () => undefined } : kept ? { url: environment.DATABASE_URL, drop: async () => undefined } : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    API_RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    WEB_DIST_DIR: join(dataDir, 'no-web-app'),
    ...environment,
  });
  const app = await createApplication(config, database.url);
  await app.listen(Number(environment.PORT ?? 0), '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const dataSource = app.get(DataSource);
  const http = () => request(app.getHttpServer());
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    http,
    databaseUrl: database.url,
    dataDir,
    async login(username: string, password = DEMO_PASSWORD) {
      const response = await http().post('/api/auth/login').send({ username, password });
      if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.accessToken as string;
    },
    query: (sql, parameters) => dataSource.query(sql, parameters),
    async close() {
      await app.close();
      await database.drop();
      if (!replicaOf && dataDir !== environment.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
