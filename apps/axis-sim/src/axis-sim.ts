import type { AddressInfo } from 'node:net';
import type { AxisSimConfig } from './axis-config';
import { createAxisServer } from './axis-server';
import { AxisStore } from './axis-store';
import { routeMessage } from './message-routing';
import { ReplayGuard } from './replay-guard';

export interface RunningAxisSim {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Opens the store (what it held before a restart included) and listens. Used by main and by the tests. */
export async function startAxisSim(config: AxisSimConfig): Promise<RunningAxisSim> {
  const store = new AxisStore(config.dataDir);
  const replay = new ReplayGuard(config.dataDir, config.replayWindowSeconds * 1000, new Date());
  const server = createAxisServer({ agencies: config.agencies, store, replay, replayWindowSeconds: config.replayWindowSeconds, maxMessageBytes: config.maxMessageBytes, route: routeMessage });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
