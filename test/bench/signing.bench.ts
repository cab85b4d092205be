/**
 * How long PAdES signing takes on a 20-page Vietnamese draft: the signer's signature (placement
 * from the page's text, image, CMS), then issuance (number and date written in, the organisation's
 * seal as an incremental update), and the verification of the result. The target: signing
 * a 20-page PDF, p95 under 1 s on this machine. Prints figures; asserts nothing.
 *   npm run bench -- signing
 */
import 'reflect-metadata';
import type { Role } from '@app/contracts';
import { DEMO_KEY_PASSPHRASE } from '../../apps/api/src/signatures/demo-signing.service';
import { SigningActor, SigningService } from '../../apps/api/src/signatures/signing.service';
import { outgoingDraftPdf } from '../../apps/api/src/signatures/testing/sample-drafts';
import { verifyPdfSignatures } from '../../apps/api/src/signatures/verification/pdf-signatures';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { createTestApp, TestApp } from '../support/test-app';
import { timingLine } from './timings';

const ROUNDS = 40;
const WARM_UP = 3;
const summary = (label: string, values: number[]) => timingLine(label, values);

async function actor(system: TestApp, username: string): Promise<SigningActor> {
  const [row] = await system.query<{ id: string; username: string; full_name: string; roles: Role[] }>(`SELECT id, username, full_name, roles FROM "user" WHERE username = $1`, [username]);
  return { id: row.id, username: row.username, fullName: row.full_name, roles: row.roles };
}

async function main(): Promise<void> {
  await globalSetup();
  const system = await createTestApp();
  try {
    const signing = system.app.get(SigningService);
    const signer = await actor(system, 'lanhdao');
    const clerk = await actor(system, 'vanthu');
    const draft = await outgoingDraftPdf({ pages: 20 });
    console.log(`draft: 20 pages, ${(draft.length / 1024).toFixed(0)} kB`);
    const timings = { sign: [] as number[], seal: [] as number[], both: [] as number[], verify: [] as number[] };
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      const started = performance.now();
      const signed = await signing.signAsSigner({ pdf: draft, fileName: 'bench.pdf', signer, passphrase: DEMO_KEY_PASSPHRASE });
      const afterSign = performance.now();
      const issued = await signing.applyOrganisationSignature({ pdf: signed.pdf, fileName: 'bench.pdf', clerk, passphrase: DEMO_KEY_PASSPHRASE, numberAndNotation: `${round + 1}/QĐ-BYT`, issuedOn: new Date() });
      const afterSeal = performance.now();
      const report = await verifyPdfSignatures(issued.pdf, 'bench.pdf');
      const afterVerify = performance.now();
      if (report.length !== 2 || report.some((signature) => !signature.valid)) throw new Error('a benchmark signature did not verify');
      if (round < WARM_UP) continue;
      timings.sign.push(afterSign - started);
      timings.seal.push(afterSeal - afterSign);
      timings.both.push(afterSeal - started);
      timings.verify.push(afterVerify - afterSeal);
    }
    console.log(`${ROUNDS} rounds after ${WARM_UP} warm-up rounds, one at a time:`);
    console.log(summary("signer's signature", timings.sign));
    console.log(summary('number, date and organisation seal', timings.seal));
    console.log(summary('sign + seal', timings.both));
    console.log(summary('verify both signatures', timings.verify));
  } finally {
    await system.close();
    await globalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
