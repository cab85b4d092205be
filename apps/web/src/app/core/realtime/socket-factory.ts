import { InjectionToken } from '@angular/core';
import { ClientToServerEvents, SOCKET_PATH, ServerToClientEvents } from '@app/contracts';
import { Socket, io } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Opens the live socket (not yet connected). `token` is asked for at every (re)connection, so a
 * reconnection after a token refresh presents the new token, never the expired one.
 */
export type SocketFactory = (token: () => string | null) => LiveSocket;

export const SOCKET_FACTORY = new InjectionToken<SocketFactory>('SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => (token) =>
    io({
      path: SOCKET_PATH,
      // WebSocket only: long-polling would need sticky sessions in front of several API replicas
      transports: ['websocket'],
      autoConnect: false,
      auth: (callback) => callback({ token: token() }),
    }),
});
