#!/usr/bin/env node
/**
 * `npm test`: every suite — API unit and end-to-end (Jest, real PostgreSQL), web unit (Vitest),
 * browser (Jest + playwright-core + Debian's Chromium) — then one closing line
 * `N passed, N failed[, N skipped]` summed over all of them, which CI reads.
 * Exits non-zero if anything failed or a suite could not run at all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'var', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const jest = ['--experimental-vm-modules', join(root, 'node_modules/jest/bin/jest.js')];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Each suite: a command that writes a Jest/Vitest-style JSON summary to `output`. */
const suites = [
  {
    name: 'api (unit + end-to-end)',
    command: process.execPath,
    args: [...jest, '--config', 'test/jest.config.js', '--json', '--outputFile', join(results, 'api.json')],
    output: join(results, 'api.json'),
  },
  {
    name: 'web (unit)',
    command: 'npm',
    args: ['run', '--silent', 'test:web'],
    output: join(results, 'web.json'),
  },
  {
    name: 'browser',
    before: () => run('build the web app for the browser tests', 'npm', ['run', '--silent', 'build:web']),
    command: process.execPath,
    args: [...jest, '--config', 'test/jest.browser.config.js', '--json', '--outputFile', join(results, 'browser.json')],
    output: join(results, 'browser.json'),
    environment: existsSync(chromium) ? { CHROMIUM_PATH: chromium } : { CHROMIUM_PATH: '' },
  },
];

function run(label, command, args, environment = {}) {
  process.stdout.write(`\n=== ${label}: ${command === process.execPath ? 'node' : command} ${args.filter((arg) => !arg.startsWith(root)).join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...environment } });
  return result.status ?? 1;
}

if (!existsSync(chromium))
  process.stdout.write(
    `\n!!! Chromium not found at ${chromium}: the browser tests will be COUNTED AS SKIPPED, not run.\n!!! Install it with: apt-get install -y chromium\n`,
  );

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const suite of suites) {
  let status = suite.before ? suite.before() : 0;
  if (status !== 0) {
    totals.failed += 1;
    lines.push(`${suite.name}: could not prepare (exit ${status}) — counted as 1 failed`);
    continue;
  }
  status = run(suite.name, suite.command, suite.args, suite.environment);
  let summary = null;
  try {
    summary = JSON.parse(readFileSync(suite.output, 'utf8'));
  } catch {
    summary = null;
  }
  if (!summary) {
    totals.failed += 1;
    lines.push(`${suite.name}: no result (exit ${status}) — counted as 1 failed`);
    continue;
  }
  const passed = summary.numPassedTests ?? 0;
  // A test file that fails to load has no failed test in it, but it is a failure all the same.
  const failed = (summary.numFailedTests ?? 0) + (summary.numRuntimeErrorTestSuites ?? 0);
  const skipped = (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0);
  const brokenRun = status !== 0 && failed === 0 ? 1 : 0;
  totals.passed += passed;
  totals.failed += failed + brokenRun;
  totals.skipped += skipped;
  lines.push(`${suite.name}: ${passed} passed, ${failed + brokenRun} failed${skipped ? `, ${skipped} skipped` : ''}${brokenRun ? ` (exit ${status})` : ''}`);
}

process.stdout.write(`\n=== summary\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
