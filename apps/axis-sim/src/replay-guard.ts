import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Remembers the signatures of accepted calls for as long as their timestamp is inside the window:
 * a call sent again (the same signed headers) is a replay. Kept in a file too, so a restart of the
 * axis does not reopen the window; the file is trimmed to the window at start.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private readonly file: string;

  constructor(
    directory: string,
    private readonly windowMs: number,
    now: Date,
  ) {
    this.file = join(directory, 'signatures.log');
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        const [at, signature] = line.split(' ');
        if (signature && now.getTime() - Number(at) <= 2 * this.windowMs) this.seen.set(signature, Number(at));
      }
    }
    writeFileSync(this.file, [...this.seen].map(([signature, at]) => `${at} ${signature}\n`).join(''));
  }

  /** True the first time a signature is seen; false for a replay. */
  accept(signature: string, timestamp: Date, now: Date): boolean {
    this.forget(now);
    if (this.seen.has(signature)) return false;
    this.seen.set(signature, timestamp.getTime());
    appendFileSync(this.file, `${timestamp.getTime()} ${signature}\n`);
    return true;
  }

  private forget(now: Date): void {
    for (const [signature, at] of this.seen) if (now.getTime() - at > 2 * this.windowMs) this.seen.delete(signature);
  }
}
