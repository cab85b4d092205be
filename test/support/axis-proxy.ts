import { createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands between an agency and the axis to stop the agency at a chosen moment: after the axis has
 * answered the next call to `path`, nothing more gets through — as if the agency's API had died
 * right there — until `heal`.
 */
export class AxisProxy {
  private server!: Server;
  private cutAfterPath: string | null = null;
  private cut = false;
  url = '';

  constructor(private readonly target: string) {}

  async start(): Promise<this> {
    const target = new URL(this.target);
    this.server = createServer((incoming, outgoing) => {
      if (this.cut) return incoming.socket.destroy();
      const path = (incoming.url ?? '').split('?')[0];
      const forward = request({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
        if (this.cutAfterPath === path) {
          this.cut = true;
          this.cutAfterPath = null;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      forward.on('error', () => incoming.socket.destroy());
      incoming.pipe(forward);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  cutAfter(path: string): void {
    this.cutAfterPath = path;
  }

  heal(): void {
    this.cut = false;
    this.cutAfterPath = null;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
