import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { createTestApp } from './test-app';

/** The whole system for browser tests: the API with the demo agency and the built web app. */
export async function startTestServer(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const web = resolve(__dirname, '../../dist/web/browser');
  if (!existsSync(resolve(web, 'index.html'))) throw new Error(`the web app is not built (${web}); run npm run build:web`);
  const server = await createTestApp({ WEB_DIST_DIR: web });
  return { baseUrl: server.baseUrl, close: server.close };
}
