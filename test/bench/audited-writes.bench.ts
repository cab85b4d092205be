/**
 * How fast audited writes go when many people save at once. Every change appends to the audit
 * hash chain under one lock, so this is the ceiling of the whole system's write rate.
 * Prints figures; asserts nothing.   npm run bench -- audited-writes
 */
import 'reflect-metadata';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { createTestApp } from '../support/test-app';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  await globalSetup();
  const system = await createTestApp();
  try {
    const token = await system.login('vanthu');
    for (const concurrency of [1, 8, 32]) {
      const total = 400;
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < total) {
            const index = next++;
            const begin = performance.now();
            const response = await system
              .http()
              .post('/api/organs')
              .set('Authorization', `Bearer ${token}`)
              .send({ organId: `${String(concurrency).padStart(3, '0')}.00.${String(Math.floor(index / 100)).padStart(2, '0')}.A${String(index % 100).padStart(2, '0')}`, name: `Cơ quan thử ${index}` });
            if (response.status !== 201) throw new Error(`unexpected ${response.status}: ${JSON.stringify(response.body)}`);
            latencies.push(performance.now() - begin);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      console.log(
        `audited writes, ${concurrency} at once: ${(total / seconds).toFixed(0)} writes/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
      );
    }
    const verifyStarted = performance.now();
    const admin = await system.login('admin');
    const result = (await system.http().get('/api/audit/verify').set('Authorization', `Bearer ${admin}`)).body;
    console.log(`audit chain verify: ${result.checked} rows in ${(performance.now() - verifyStarted).toFixed(0)} ms (valid: ${result.valid})`);
  } finally {
    await system.close();
    await globalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
