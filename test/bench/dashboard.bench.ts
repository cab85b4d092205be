/**
 * The leader's dashboard on a million incoming documents and a hundred thousand tasks, over HTTP
 * as the browser calls it: the overview (documents this week and year, open work by unit, tasks by
 * state and unit), on-time completion, "my decisions", the quarter's e-government figures and the
 * click-through list of a unit's overdue documents; and how long one refresh of the aggregates
 * takes (the job that runs every minute). Goal on the 2-core machine: p95 < 300 ms. Prints
 * figures; asserts nothing.          npm run bench -- dashboard
 *
 * BENCH_INCOMING_DOCUMENTS (default 1 000 000) and BENCH_TASKS (default 100 000) set the sizes.
 * BENCH_KEEP=1 keeps the seeded cluster in var/bench/dashboard-<size>/ and reuses it; when that
 * folder is missing but the incoming benchmark kept var/bench/incoming-<size>/, a copy of it is
 * the start (its documents are the same), so only the tasks are seeded.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DASHBOARD_VIEW_GROUPS } from '../../apps/api/src/dashboard/dashboard-refresh';
import { quarterOf } from '../../apps/api/src/dashboard/reporting-quarter';
import { startEmbeddedDatabase } from '../../apps/api/src/platform/database/embedded-database';
import { runMigrations } from '../../apps/api/src/platform/database/migration-runner';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { IncomingFlow } from '../support/incoming-flow';
import { createTestApp, TestApp } from '../support/test-app';
import { seedIncoming } from './incoming-seed';

const SIZE = Number(process.env.BENCH_INCOMING_DOCUMENTS ?? 1_000_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const KEEP = Boolean(process.env.BENCH_KEEP);
const GOAL_MS = 300;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(label: string, system: TestApp, token: string, path: string): Promise<void> {
  const get = async () => {
    const begin = performance.now();
    const response = await system.http().get(path).set('Authorization', `Bearer ${token}`);
    const elapsed = performance.now() - begin;
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return elapsed;
  };
  for (let warm = 0; warm < 10; warm += 1) await get();
  const latencies: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) latencies.push(await get());
  latencies.sort((a, b) => a - b);
  const p95 = percentile(latencies, 95);
  console.log(`${label.padEnd(52)} p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (goal p95 < ${GOAL_MS} ms: ${p95 < GOAL_MS ? 'met' : 'NOT met'})`);
}

/**
 * A hundred thousand tasks given by the leader over two years to the units and to the officer:
 * 60 % accepted (a seventh of them late), 10 % waiting for acceptance, 20 % in progress, 10 % just
 * given; deadlines from two years back to two months ahead, so some open ones are overdue.
 */
async function seedTasks(databaseUrl: string, options: { leaderId: string; officerId: string; officerUnitId: string; unitIds: string[] }): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    const started = performance.now();
    await client.query(
      `WITH seed AS (
         SELECT g, (current_date - 700 + (g % 760))::date AS deadline,
                CASE WHEN g % 10 < 6 THEN 'accepted' WHEN g % 10 < 7 THEN 'completed' WHEN g % 10 < 9 THEN 'in_progress' ELSE 'assigned' END AS state,
                g % 4 = 0 AS to_person, ($4::uuid[])[1 + g % array_length($4::uuid[], 1)] AS unit_id
           FROM generate_series(1, $5::int) g)
       INSERT INTO task (title, priority, state, percent, deadline, original_deadline, assigned_by_id, assignee_unit_id, assignee_user_id, unit_id,
                         given_at, completed_at, completed_on, accepted_at, accepted_by_id, version)
       SELECT 'Nhiệm vụ số ' || g, (ARRAY['normal', 'high', 'urgent'])[1 + g % 3], state,
              CASE WHEN state IN ('accepted', 'completed') THEN 100 WHEN state = 'in_progress' THEN 50 ELSE 0 END,
              deadline, deadline, $1,
              CASE WHEN to_person THEN NULL ELSE unit_id END, CASE WHEN to_person THEN $2::uuid END,
              CASE WHEN to_person THEN $3::uuid ELSE unit_id END,
              (deadline - 14)::timestamptz,
              CASE WHEN state IN ('accepted', 'completed') THEN (deadline + (g % 7) - 5)::timestamptz END,
              CASE WHEN state IN ('accepted', 'completed') THEN deadline + (g % 7) - 5 END,
              CASE WHEN state = 'accepted' THEN (deadline + (g % 7) - 4)::timestamptz END,
              CASE WHEN state = 'accepted' THEN $1::uuid END,
              1
         FROM seed`,
      [options.leaderId, options.officerId, options.officerUnitId, options.unitIds, TASKS],
    );
    await client.query(`ANALYZE task`);
    console.log(`  ${TASKS.toLocaleString('en')} tasks: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}

async function start(): Promise<{ system: TestApp; seeded: boolean; documentsSeeded: boolean; markSeeded(): void; stop(): Promise<void> }> {
  if (!KEEP) {
    await globalSetup();
    return { system: await createTestApp(), seeded: false, documentsSeeded: false, markSeeded: () => undefined, stop: globalTeardown };
  }
  const folder = resolve(__dirname, `../../var/bench/dashboard-${SIZE}`);
  const incoming = resolve(__dirname, `../../var/bench/incoming-${SIZE}`);
  // `seeded`: the documents (the incoming benchmark's marker too); `tasks-seeded`: the tasks as well
  const documentsMarker = join(folder, 'seeded');
  const marker = join(folder, 'tasks-seeded');
  let documentsSeeded = existsSync(documentsMarker);
  if (!documentsSeeded && existsSync(join(incoming, 'seeded'))) {
    console.log(`starting from a copy of ${incoming} (documents seeded by the incoming benchmark)`);
    rmSync(folder, { recursive: true, force: true });
    execFileSync('cp', ['-a', incoming, folder]);
    rmSync(marker, { force: true });
    documentsSeeded = true;
  } else if (!documentsSeeded) rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'files'), { recursive: true });
  const database = await startEmbeddedDatabase({ directory: join(folder, 'postgres'), port: 0, persistent: true, databaseName: 'eoffice_bench' });
  try {
    for (const name of await runMigrations(database.url)) console.log(`migration applied to the kept database: ${name}`);
    const system = await createTestApp({ DATABASE_URL: database.url, DATA_DIR: join(folder, 'files'), JOBS_ENABLED: 'false' });
    const markSeeded = () => {
      writeFileSync(documentsMarker, new Date().toISOString());
      writeFileSync(marker, new Date().toISOString());
    };
    return { system, seeded: existsSync(marker), documentsSeeded, markSeeded, stop: database.stop };
  } catch (error) {
    console.error(error);
    await database.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const { system, seeded, documentsSeeded, markSeeded, stop } = await start();
  try {
    const flow = await new IncomingFlow(system).init(['vanthu', 'lanhdao', 'truongphong', 'chuyenvien']);
    const units = await system.query<{ id: string; code: string }>(`SELECT id, code FROM unit ORDER BY code`);
    if (!documentsSeeded) {
      console.log(`seeding ${SIZE.toLocaleString('en')} incoming documents…`);
      await seedIncoming(
        system.databaseUrl,
        {
          size: SIZE,
          mainFileId: await flow.upload(),
          clerkId: flow.userId.vanthu,
          leaderId: flow.userId.lanhdao,
          officerId: flow.userId.chuyenvien,
          registerId: flow.registers.DEN,
          confidentialRegisterId: flow.registers['DEN-MAT'],
          unitIds: units.map((unit) => unit.id),
          officerUnitId: flow.unitId.PC,
          textFraction: Number(process.env.BENCH_TEXT_FRACTION ?? 0),
        },
        (line) => console.log(line),
      );
    }
    if (!seeded) {
      console.log(`seeding ${TASKS.toLocaleString('en')} tasks…`);
      await seedTasks(system.databaseUrl, { leaderId: flow.userId.lanhdao, officerId: flow.userId.chuyenvien, officerUnitId: flow.unitId.PC, unitIds: units.map((unit) => unit.id) });
    }
    markSeeded();
    const [sizes] = await system.query(
      `SELECT (SELECT count(*) FROM incoming_document)::int AS documents, (SELECT count(*) FROM task)::int AS tasks,
              (SELECT count(*) FROM incoming_document WHERE state IN ('assigned', 'in_progress'))::int AS open`,
    );
    console.log(`${sizes.documents.toLocaleString('en')} documents (${sizes.open.toLocaleString('en')} open), ${sizes.tasks.toLocaleString('en')} tasks`);

    // one refresh of the aggregates, view by view, as the jobs do (live every minute, history every ten)
    const client = new Client({ connectionString: system.databaseUrl });
    await client.connect();
    for (const [group, views] of Object.entries(DASHBOARD_VIEW_GROUPS)) {
      let total = 0;
      for (const view of views) {
        const begin = performance.now();
        await client.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY "${view}"`);
        const elapsed = performance.now() - begin;
        total += elapsed;
        const [{ rows }] = (await client.query(`SELECT count(*)::int AS rows FROM "${view}"`)).rows;
        console.log(`refresh ${view.padEnd(40)} ${(elapsed / 1000).toFixed(2).padStart(6)} s  (${rows} rows)`);
      }
      console.log(`refresh of the ${group} group`.padEnd(48) + ` ${(total / 1000).toFixed(2).padStart(6)} s`);
    }
    await client.end();

    const leader = flow.token.lanhdao;
    const quarter = quarterOf(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()));
    console.log(`\nover HTTP, one request at a time, ${ROUNDS} each:`);
    await measure('overview (documents, open work, tasks by unit)', system, leader, '/api/dashboard/overview');
    await measure('on-time completion by unit and person, this year', system, leader, '/api/dashboard/completion');
    await measure("the leader's decisions", system, leader, '/api/dashboard/decisions');
    await measure(`e-government figures, Q${quarter.quarter}/${quarter.year}`, system, leader, `/api/dashboard/e-government?year=${quarter.year}&quarter=${quarter.quarter}`);
    await measure("click-through: Vụ Pháp chế's overdue documents", system, leader, `/api/incoming-documents?view=overdue&unitId=${flow.unitId.PC}&limit=50`);
    await measure('export: open work by unit (XLSX)', system, leader, '/api/dashboard/export?table=open-work&format=xlsx');
  } finally {
    await system.close();
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
