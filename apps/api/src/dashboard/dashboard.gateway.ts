import { SubscribeMessage, WebSocketGateway, WebSocketServer, ConnectedSocket } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { DashboardRefreshedEvent, Permission } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';

export const DASHBOARD_ROOM = 'dashboard';

/**
 * The live dashboard: a signed-in socket (authenticated at the handshake by the notifications
 * gateway) asks to watch; only holders of `dashboard.view` join the room, which hears
 * `dashboard:refreshed` each time the aggregates are refreshed — the page then reloads its figures.
 */
@WebSocketGateway()
export class DashboardGateway {
  @WebSocketServer()
  private server: Server;

  @SubscribeMessage('dashboard:watch')
  async watch(@ConnectedSocket() socket: Socket): Promise<{ watching: boolean }> {
    const user = (socket.data as { user?: AuthenticatedUser }).user;
    if (!user?.permissions.includes(Permission.DashboardView)) return { watching: false };
    await socket.join(DASHBOARD_ROOM);
    return { watching: true };
  }

  refreshed(event: DashboardRefreshedEvent): void {
    this.server.to(DASHBOARD_ROOM).emit('dashboard:refreshed', event);
  }
}
