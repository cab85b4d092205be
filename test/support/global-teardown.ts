import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const database = (globalThis as { __testDatabase?: { stop(): Promise<void>; directory: string } }).__testDatabase;
  if (!database) return;
  await database.stop();
  rmSync(database.directory, { recursive: true, force: true });
}
