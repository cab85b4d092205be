import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server } from 'socket.io';
import { MEETING_EVENT, MeetingEventEnvelope, meetingRoom } from '@app/contracts';
import { userRoom } from '../../notifications/notifications.gateway';

/**
 * The sending end of a meeting's live log: the same socket.io server as every gateway (sockets are
 * authenticated at the handshake by the notifications gateway). Emits go through the PostgreSQL
 * adapter, so sockets on other replicas receive them too. It handles no client messages.
 */
@WebSocketGateway()
export class MeetingBroadcaster {
  @WebSocketServer()
  private server?: Server;

  /** To the meeting's room, or only to the given users' sockets when the event has an audience. */
  send(event: MeetingEventEnvelope, audience: readonly string[] | null): void {
    if (!this.server) return; // an application context without HTTP (a worker) has no sockets to reach
    if (audience) {
      if (audience.length) this.server.to(audience.map(userRoom)).emit(MEETING_EVENT, event);
      return;
    }
    this.server.to(meetingRoom(event.meetingId)).emit(MEETING_EVENT, event);
  }
}
