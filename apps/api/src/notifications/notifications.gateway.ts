import { Logger, OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, NotificationEvent, ServerToClientEvents, UnreadCountDto } from '@app/contracts';
import { AuthService } from '../identity/auth/auth.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { SessionEnding, SessionEndings } from '../identity/auth/session-endings';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: AuthenticatedUser }>;

export const userRoom = (userId: string) => `user:${userId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * The live channel of every signed-in browser. A socket proves who it is at connection with the
 * same access token as HTTP (`auth: { token }`); without a valid one it is disconnected at once.
 * Each socket joins its user's room, where notifications for that user are sent, and its session's
 * room, so that a logout closes the sockets of that browser only (across replicas, through the
 * socket.io PostgreSQL adapter). Contexts do not
 * call it for notifications: NotificationsService stores them first, then pushes through here.
 */
@WebSocketGateway()
export class NotificationsGateway implements OnGatewayInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsGateway.name);

  @WebSocketServer()
  private server: Server<ClientToServerEvents, ServerToClientEvents>;

  private endings?: Subscription;

  constructor(
    private readonly auth: AuthService,
    private readonly sessionEndings: SessionEndings,
  ) {}

  /** Authenticates at the handshake: a socket without a valid token never connects. */
  afterInit(server: Server): void {
    this.endings = this.sessionEndings.ended$.subscribe((ending) => this.close(ending));
    server.use((socket, next) => {
      void this.authenticate(socket as LiveSocket).then(
        () => next(),
        () => next(Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập.' } })),
      );
    });
  }

  private async authenticate(socket: LiveSocket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string') throw new Error('no token');
    const user = await this.auth.authenticate(token);
    socket.data.user = user;
    await socket.join([userRoom(user.id), sessionRoom(user.sessionId)]);
  }

  @SubscribeMessage('ping')
  ping(): { at: string } {
    return { at: new Date().toISOString() };
  }

  /** Sends a notification to every open socket of one user. */
  notifyUser(userId: string, event: NotificationEvent): void {
    this.server.to(userRoom(userId)).emit('notification', event);
  }

  /** Sends a user's new unread count to all their sockets (every device's badge follows). */
  sendUnreadCount(userId: string, count: UnreadCountDto): void {
    this.server.to(userRoom(userId)).emit('notification:count', count);
  }

  onModuleDestroy(): void {
    this.endings?.unsubscribe();
  }

  /** Tells the sockets of ended sessions (one, or all of a user's) that it is over, and closes them. */
  private close(ending: SessionEnding): void {
    const room = 'sessionId' in ending ? sessionRoom(ending.sessionId) : userRoom(ending.userId);
    this.server.to(room).emit('session:revoked');
    this.server.in(room).disconnectSockets(true);
    this.logger.debug(`sockets of ${room} closed`);
  }
}
