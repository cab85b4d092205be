/**
 * Loads every entity of the API and builds TypeORM's metadata, without a database. Run the way the
 * benchmark runner runs the app (ts-node transpile-only: no type checker), where a column's type can
 * only come from its decorator: a property typed by an alias (`kind: CaseFileDocumentKind`) reaches
 * TypeORM as `Object` and the app does not start. Exits 1 with TypeORM's message then.
 * Test support only (apps/api/src/platform/database/entity-metadata.spec.ts).
 */
import 'reflect-metadata';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntitySchema } from 'typeorm';

function entityFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return entityFiles(path);
    return /\.entit(y|ies)\.ts$/.test(name) ? [path] : [];
  });
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the files are found at run time
const modules: Record<string, unknown>[] = entityFiles(join(__dirname, '../../apps/api/src')).map((file) => require(file));
const entities = modules.flatMap((exported) => Object.values(exported).filter((value): value is new () => unknown => typeof value === 'function'));
const dataSource = new DataSource({ type: 'postgres', entities: entities as (string | EntitySchema | (new () => unknown))[] });
// buildMetadatas is what initialize() does before it connects; it validates every column's type
(dataSource as unknown as { buildMetadatas(): Promise<void> })
  .buildMetadatas()
  .then(() => console.log(`entities: ${dataSource.entityMetadatas.length}`))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
