import type { Server } from 'socket.io';
import { meetingRoom, type PresenceEntry } from '@app/contracts';
import type { LiveSocketData } from '../live-socket';

/** The presence entry of one socket in one meeting, from what the socket carries. */
export function presenceEntry(socketId: string, data: LiveSocketData, meetingId: string): PresenceEntry | null {
  const seat = data.seats?.[meetingId];
  if (!seat) return null;
  return {
    socketId,
    userId: data.user.id,
    fullName: data.user.fullName,
    role: seat.role,
    materialVersionId: seat.materialVersionId,
    pageIndex: seat.pageIndex,
    following: seat.following,
    presenting: seat.presenting,
  };
}

/**
 * Who is in a meeting's room now, on every replica: asked of the sockets themselves through the
 * adapter (each carries its seat), so nothing is stored that a crashed replica would leave stale.
 */
export async function presenceOf(server: Server, meetingId: string): Promise<PresenceEntry[]> {
  const sockets = await server.in(meetingRoom(meetingId)).fetchSockets();
  const entries: PresenceEntry[] = [];
  for (const socket of sockets) {
    const entry = presenceEntry(socket.id, socket.data as LiveSocketData, meetingId);
    if (entry) entries.push(entry);
  }
  return entries;
}
