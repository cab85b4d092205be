import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../../../..');

/**
 * The benchmarks start the app with ts-node in transpile-only mode (test/bench/run.mjs), where no type
 * checker tells TypeORM what a column is: every entity must say it in its decorator when the
 * property's type is an alias or a union of literals.
 */
describe('the entities without a type checker', () => {
  it('all build their metadata, as the benchmark runner loads them', () => {
    const result = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'test/support/entity-metadata-check.ts')],
      { cwd: root, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') }, timeout: 120_000 },
    );
    expect(result.stderr.split('\n').filter((line) => line.startsWith('Data type'))).toEqual([]);
    expect(result.status).toBe(0);
    expect(Number(/entities: (\d+)/.exec(result.stdout)?.[1])).toBeGreaterThan(40);
  });
});
