/**
 * Typed socket.io events. The server is the authority: clients send commands, the server validates,
 * writes and broadcasts. Rooms: `user:<id>`, `meeting:<id>`, `material:<id>`.
 */
export interface NotificationEvent {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  createdAt: string;
}

export interface ServerToClientEvents {
  notification: (event: NotificationEvent) => void;
  /** the user's unread count changed (a new notification, or read on another device) */
  'notification:count': (count: UnreadCountDto) => void;
  'session:revoked': () => void;
}

export interface ClientToServerEvents {
  ping: (ack: (answer: { at: string }) => void) => void;
}

/** The socket.io path, on the API's own port. */
export const SOCKET_PATH = '/api/socket.io';

/** A notification as kept for its user (GET /api/notifications). */
export interface StoredNotificationDto extends NotificationEvent {
  readAt: string | null;
}

/** GET /api/notifications/unread-count, and the `notification:count` socket event. */
export interface UnreadCountDto {
  unread: number;
}
