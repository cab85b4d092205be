import { io, Socket } from 'socket.io-client';

export interface ReceivedNotification {
  kind: string;
  title: string;
  link: string;
}

/**
 * The notifications pushed to one person over socket.io, collected as they come, for tests that
 * check who is told what. Close the returned sockets after the suite (`closeAll`).
 */
export class NotificationInboxes {
  private readonly sockets: Socket[] = [];

  constructor(private readonly baseUrl: string) {}

  async open(token: string): Promise<ReceivedNotification[]> {
    const received: ReceivedNotification[] = [];
    const socket = io(this.baseUrl, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
    this.sockets.push(socket);
    socket.on('notification', (event: ReceivedNotification) => received.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    return received;
  }

  closeAll(): void {
    for (const socket of this.sockets) socket.close();
  }
}

/** Waits up to a second for something pushed asynchronously (a notification after the commit). */
export async function eventually(check: () => boolean): Promise<boolean> {
  for (let attempt = 0; attempt < 50 && !check(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
}
