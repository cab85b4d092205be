/**
 * Numbering under contention and the time to sign and issue, through HTTP against the real
 * (embedded) PostgreSQL, as clerks and signers use it:
 * - rounds of 20 clerks issuing 20 signed documents in the same register at once: the numbers
 *   must come out unique and consecutive (printed, and the run fails if not), with the time each
 *   clerk waited and the whole round took;
 * - the signer's signature then the issuance (number, date, the organisation's signature) of a
 *   20-page PDF, one document at a time: p50 / p95 of each request and of both.
 * The issue's targets: numbers unique and consecutive; signing and issuing a 20-page PDF, p95 < 1 s.
 *   npm run bench -- outgoing-numbering
 */
import 'reflect-metadata';
import { vietnamYear } from '../../apps/api/src/platform/clock/clock';
import { outgoingDraftPdf } from '../../apps/api/src/signatures/testing/sample-drafts';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { draftReadyToSign, OutgoingActors } from '../support/outgoing-flow';
import { createTestApp, TestApp } from '../support/test-app';
import { timingLine } from './timings';

const PASSPHRASE = 'KySo@2026';
const PARALLEL = 20;
const CONTENTION_ROUNDS = 3;
const SIGN_ROUNDS = 20;
const WARM_UP = 2;

const summary = (label: string, values: number[]) => timingLine(label, values, 40);

async function main(): Promise<void> {
  await globalSetup();
  // many requests from one address in a few minutes: the per-client limit is for people, not for this
  const system = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const actors: OutgoingActors = { token: {}, userId: {} };
    for (const username of ['vanthu', 'lanhdao', 'chuyenvien']) actors.token[username] = await system.login(username);
    for (const row of await system.query<{ id: string; username: string }>(`SELECT id, username FROM "user"`)) actors.userId[row.username] = row.id;
    const [{ id: registerId }] = await system.query<{ id: string }>(`SELECT id FROM document_register WHERE direction = 'outgoing' AND code = 'DI'`);
    const as = (username: string) => ({ Authorization: `Bearer ${actors.token[username]}` });
    const sign = async (id: string, version: number) => {
      const response = await system.http().post(`/api/outgoing-documents/${id}/signature`).set(as('lanhdao')).send({ passphrase: PASSPHRASE, version });
      if (response.status !== 201) throw new Error(`signing failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { id: string; version: number };
    };
    const issue = async (id: string, version: number) => {
      const response = await system.http().post(`/api/outgoing-documents/${id}/issuance`).set(as('vanthu')).send({ registerId, passphrase: PASSPHRASE, version });
      if (response.status !== 201) throw new Error(`issuance failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { issuance: { number: number; numberAndNotation: string } };
    };
    const counter = async () =>
      (await system.query<{ last_number: number }>(`SELECT last_number FROM register_counter WHERE register_id = $1 AND year = $2`, [registerId, vietnamYear(new Date())]))[0]?.last_number ?? 0;

    console.log(`numbering: ${CONTENTION_ROUNDS} rounds of ${PARALLEL} clerks issuing at once in register DI (1-page documents)`);
    const waits: number[] = [];
    let allConsecutive = true;
    for (let round = 1; round <= CONTENTION_ROUNDS; round++) {
      const signed = [];
      for (let index = 0; index < PARALLEL; index++) {
        const ready = await draftReadyToSign(system, actors, { subject: `Quyết định số ${round}.${index + 1} về phân công nhiệm vụ` });
        signed.push(await sign(ready.id, ready.version));
      }
      const before = await counter();
      const started = performance.now();
      const issued = await Promise.all(
        signed.map(async (document) => {
          const sent = performance.now();
          const result = await issue(document.id, document.version);
          waits.push(performance.now() - sent);
          return result.issuance;
        }),
      );
      const took = performance.now() - started;
      const numbers = issued.map((issuance) => issuance.number).sort((a, b) => a - b);
      const expected = Array.from({ length: PARALLEL }, (_, index) => before + 1 + index);
      const unique = new Set(issued.map((issuance) => issuance.numberAndNotation)).size === PARALLEL;
      const consecutive = numbers.every((number, index) => number === expected[index]) && (await counter()) === before + PARALLEL;
      allConsecutive &&= unique && consecutive;
      console.log(
        `  round ${round}: numbers ${numbers[0]}–${numbers[numbers.length - 1]}, unique ${unique ? 'yes' : 'NO'}, consecutive with no gap ${consecutive ? 'yes' : 'NO'}; ${PARALLEL} issuances in ${took.toFixed(0)} ms (${((PARALLEL / took) * 1000).toFixed(1)}/s)`,
      );
    }
    console.log(summary(`one clerk's wait among ${PARALLEL} at once`, waits));
    if (!allConsecutive) throw new Error('numbers were not unique and consecutive under contention');

    console.log(`\nsign + issue a 20-page PDF over HTTP, one document at a time, ${SIGN_ROUNDS} rounds after ${WARM_UP} warm-up rounds`);
    const pdf = await outgoingDraftPdf({ pages: 20 });
    console.log(`  draft: 20 pages, ${(pdf.length / 1024).toFixed(0)} kB`);
    const timings = { sign: [] as number[], issue: [] as number[], both: [] as number[] };
    for (let round = 0; round < WARM_UP + SIGN_ROUNDS; round++) {
      const ready = await draftReadyToSign(system, actors, { subject: `Quyết định ban hành quy chế, bản ${round + 1}` }, pdf);
      const started = performance.now();
      const signed = await sign(ready.id, ready.version);
      const afterSign = performance.now();
      await issue(signed.id, signed.version);
      const afterIssue = performance.now();
      if (round < WARM_UP) continue;
      timings.sign.push(afterSign - started);
      timings.issue.push(afterIssue - afterSign);
      timings.both.push(afterIssue - started);
    }
    console.log(summary("POST …/signature (signer's signature)", timings.sign));
    console.log(summary('POST …/issuance (number, date, seal)', timings.issue));
    console.log(summary('sign + issue', timings.both));
  } finally {
    await system.close();
    await globalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
