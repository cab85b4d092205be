#!/usr/bin/env node
/** `npm run bench -- NAME` runs test/bench/NAME.bench.ts; without a name, every benchmark. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.includes(name.replace('.bench.ts', '')));
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const result = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(here, bench)],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') } },
  );
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
