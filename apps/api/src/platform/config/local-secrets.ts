import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from './app-config';

/**
 * Secrets a single machine may make for itself when none is configured (development, demo):
 * generated once under DATA_DIR and kept, so sessions survive a restart. Production sets them
 * in the environment (several replicas must share them), which config validation enforces.
 */
@Injectable()
export class LocalSecrets {
  constructor(private readonly config: AppConfig) {}

  get(name: string): string {
    const folder = resolve(this.config.DATA_DIR, 'secrets');
    const file = join(folder, name);
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
