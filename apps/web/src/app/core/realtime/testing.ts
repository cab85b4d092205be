import { LiveSocket } from './socket-factory';

/**
 * A socket.io client stand-in for unit tests: records what the service does with it and lets a
 * test play the server (`serverSends`, `handshake`).
 */
export class FakeSocket {
  connected = false;
  active = false;
  connects = 0;
  disconnects = 0;
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();

  constructor(readonly token: () => string | null) {}

  on(event: string, handler: (...args: unknown[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }
  connect(): this {
    this.connects += 1;
    this.active = true;
    return this;
  }
  disconnect(): this {
    this.disconnects += 1;
    this.connected = false;
    this.active = false;
    return this;
  }

  /** The server answers the pending handshake: accepted, or refused with an error code. */
  handshake(outcome: 'accepted' | { refused: string }): void {
    this.active = false;
    if (outcome === 'accepted') {
      this.connected = true;
      this.emitLocal('connect');
    } else this.emitLocal('connect_error', Object.assign(new Error(outcome.refused), { data: { code: outcome.refused } }));
  }

  serverSends(event: string, ...args: unknown[]): void {
    this.emitLocal(event, ...args);
  }

  private emitLocal(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }

  asSocket(): LiveSocket {
    return this as unknown as LiveSocket;
  }
}
