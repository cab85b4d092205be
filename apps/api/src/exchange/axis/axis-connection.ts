import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { Clock } from '../../platform/clock/clock';
import { AxisClient } from './axis-client';

/** The agency's connection to the axis, from configuration; absent when AXIS_ENDPOINT is not set. */
@Injectable()
export class AxisConnection {
  readonly client: AxisClient | null;
  /** who we are on the axis: our organ id, the `From` of every message */
  readonly organId: string;

  constructor(config: AppConfig, clock: Clock) {
    this.organId = config.ORGAN_ID;
    this.client = config.AXIS_ENDPOINT
      ? new AxisClient({
          endpoint: config.AXIS_ENDPOINT,
          credentials: { systemId: config.AXIS_SYSTEM_ID ?? config.ORGAN_ID, secret: config.AXIS_SECRET as string },
          timeoutMs: config.AXIS_TIMEOUT_SECONDS * 1000,
          now: () => clock.now(),
        })
      : null;
  }
}
