/**
 * Paperless meetings: 300 tablets in one meeting, one member draws shared annotations; how long
 * until every other participant has each one (p50/p95/p99 over all receipts), with one API and with
 * two API replicas sharing the database (the socket.io PostgreSQL adapter fans out between them,
 * the clients spread over both). Goal on the 2-core machine: p99 under 150 ms.
 * Prints figures; asserts nothing.   npm run bench -- meetings-annotations
 * BENCH_PARTICIPANTS (default 300) and BENCH_ROUNDS (default 40) change the size.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { createTestApp, TestApp } from '../support/test-app';
import { liveMeeting } from '../e2e/meetings-live-fixtures';
import type { ClientsJob, ClientsResult } from './meetings-annotations-clients';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const figures = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
};

/** PARTICIPANTS members (bench.member.001…), with the demo password, and their access tokens. */
async function members(system: TestApp): Promise<{ usernames: string[]; tokens: string[] }> {
  const usernames = Array.from({ length: PARTICIPANTS }, (_, index) => `bench.member.${String(index + 1).padStart(3, '0')}`);
  await system.query(
    `INSERT INTO "user" (username, full_name, roles, password_hash, version)
     SELECT name, 'Thành viên ' || right(name, 3), '{officer}', (SELECT password_hash FROM "user" WHERE username = 'chuyenvien'), 1 FROM unnest($1::text[]) AS name`,
    [usernames],
  );
  const tokens: string[] = [];
  for (let index = 0; index < usernames.length; index += 10) tokens.push(...(await Promise.all(usernames.slice(index, index + 10).map((username) => system.login(username)))));
  return { usernames, tokens };
}

function runClients(job: ClientsJob): Promise<ClientsResult> {
  const script = resolve(__dirname, 'meetings-annotations-clients.ts');
  // the worker inherits `-r ts-node/register` from this process, so it can load the TypeScript module
  const worker = new Worker(`require(${JSON.stringify(script)})`, { eval: true, workerData: job });
  return new Promise((resolveResult, reject) => {
    worker.once('message', (message: { result?: ClientsResult; error?: string }) => (message.result ? resolveResult(message.result) : reject(new Error(message.error))));
    worker.once('error', reject);
  }).finally(() => worker.terminate()) as Promise<ClientsResult>;
}

function report(label: string, result: ClientsResult): void {
  console.log(`${label}: ${PARTICIPANTS} clients connected and joined in ${(result.connectAndJoinMs / 1000).toFixed(1)} s`);
  console.log(`  shared annotation → each other participant (${result.delays.length} receipts): ${figures(result.delays)}`);
  console.log(`  → the last of the ${PARTICIPANTS - 1} others: ${figures(result.lastReceipt)}`);
  console.log(`  sender's acknowledgement (checked, written, broadcast): ${figures(result.acks)}${result.lost ? ` · LOST ${result.lost}` : ''}`);
}

async function main(): Promise<void> {
  await globalSetup();
  const first = await createTestApp();
  let second: TestApp | undefined;
  try {
    const { usernames, tokens } = await members(first);
    const roles = Object.fromEntries(usernames.map((username) => [username, 'member' as const]));
    const meeting = await liveMeeting(first, { lanhdao: 'chair', ...roles }, 'thuky', 'Hội nghị trực tuyến toàn ngành');
    const job = { tokens, meetingId: meeting.meetingId, versionId: meeting.versionId, rounds: ROUNDS };
    report('one API', await runClients({ ...job, baseUrls: [first.baseUrl] }));
    second = await createTestApp({}, first);
    report('two API replicas (clients alternate, the sender on the first)', await runClients({ ...job, baseUrls: [first.baseUrl, second.baseUrl] }));
  } finally {
    await second?.app.close();
    await first.close();
    await globalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
