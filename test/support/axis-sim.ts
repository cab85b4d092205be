import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AxisAgency } from '../../apps/axis-sim/src/axis-config';
import { RunningAxisSim, startAxisSim } from '../../apps/axis-sim/src/axis-sim';
import type { Delivery } from '../../apps/axis-sim/src/axis-store';

export interface TestAxis extends RunningAxisSim {
  dataDir: string;
  /** stops the axis, keeping its store (a restart, or the axis down for a while) */
  stop(): Promise<void>;
  /** starts it again on the same port with the same store */
  restart(): Promise<void>;
  /** what the axis holds from a sender, as its store has it */
  deliveriesFrom(organId: string): Promise<Delivery[]>;
  /** stops it and removes its store */
  close(): Promise<void>;
}

/** The stand-in axis as `npm run axis-sim` runs it, on a free port, with its store in a temp folder. */
export async function startTestAxis(agencies: AxisAgency[]): Promise<TestAxis> {
  const root = resolve(__dirname, '../../var/test');
  mkdirSync(root, { recursive: true });
  const dataDir = mkdtempSync(join(root, 'axis-'));
  const configFor = (port: number) => ({ port, host: '127.0.0.1', dataDir, agencies, replayWindowSeconds: 300, maxMessageBytes: 64 * 1024 * 1024 });
  let running: RunningAxisSim | null = await startAxisSim(configFor(0));
  const port = running.port;
  const url = running.url;
  return {
    url,
    port,
    dataDir,
    async stop() {
      await running?.close();
      running = null;
    },
    async restart() {
      await running?.close();
      running = await startAxisSim(configFor(port));
    },
    async deliveriesFrom(organId: string) {
      const folder = join(dataDir, 'deliveries');
      return readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Delivery)
        .filter((delivery) => delivery.from === organId);
    },
    async close() {
      await running?.close();
      running = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
