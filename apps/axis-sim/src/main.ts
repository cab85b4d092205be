import { AxisConfigError, loadAxisSimConfig } from './axis-config';
import { startAxisSim } from './axis-sim';

/** `npm run axis-sim`: the stand-in for the national axis, configured from the environment (see README, "The national axis"). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadAxisSimConfig();
  } catch (error) {
    if (error instanceof AxisConfigError) {
      process.stderr.write(`axis-sim: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const sim = await startAxisSim(config);
  process.stdout.write(`axis-sim listening on ${sim.url} (store ${config.dataDir}; agencies ${config.agencies.map((agency) => agency.organId).join(', ')})\n`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
