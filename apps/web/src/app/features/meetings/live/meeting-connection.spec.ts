import { TestBed } from '@angular/core/testing';
import { AnnotationDto, JoinMaterialResult, JoinMeetingResult, LiveAck, MeetingEventEnvelope } from '@app/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { SOCKET_FACTORY } from '../../../core/realtime/socket-factory';
import { FakeSocket } from '../../../core/realtime/testing';
import { MeetingConnection } from './meeting-connection';

/** The core's socket stand-in, able to answer acknowledged commands as the server would. */
class RoomSocket extends FakeSocket {
  id = 'socket-1';
  readonly sent: { event: string; body: Record<string, unknown> }[] = [];
  answers: Record<string, (body: Record<string, unknown>) => unknown> = {};

  timeout(): this {
    return this;
  }
  async emitWithAck(event: string, body: Record<string, unknown>): Promise<LiveAck<unknown>> {
    this.sent.push({ event, body });
    return { ok: true, data: this.answers[event]?.(body) ?? null };
  }
  emit(): this {
    return this;
  }
}

const envelope = (sequence: number): MeetingEventEnvelope => ({ meetingId: 'm-1', sequence, name: 'speakers.changed', payload: {}, at: '2026-11-30T08:00:00Z' });
const joined = (lastSequence: number, missed: MeetingEventEnvelope[] = []): JoinMeetingResult => ({ meetingId: 'm-1', presence: [], missed, reloadNeeded: false, lastSequence, mayLead: false });
const material = (lastChange: string): JoinMaterialResult => ({ materialVersionId: 'v-1', annotations: [], removed: [], lastChange });
const flush = () => new Promise((resolve) => setTimeout(resolve));

describe('MeetingConnection', () => {
  let socket: RoomSocket;
  let connection: MeetingConnection;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        MeetingConnection,
        { provide: SOCKET_FACTORY, useValue: (token: () => string | null) => (socket = new RoomSocket(token)).asSocket() },
        { provide: AuthService, useValue: { refresh: () => undefined, sessionLost: () => undefined } },
      ],
    });
    connection = TestBed.inject(MeetingConnection);
  });

  it('joins again after a reconnection with the last event sequence and annotation change it saw, and applies nothing twice', async () => {
    const events: number[] = [];
    connection.events$.subscribe((event) => events.push(event.sequence));
    connection.open('m-1', 10);
    socket.answers = { 'meeting:join': () => joined(11, [envelope(11)]), 'material:join': () => material('40') };
    socket.handshake('accepted');
    await flush();
    await connection.joinMaterial('v-1');
    expect(socket.sent.map(({ event, body }) => [event, body['afterSequence'] ?? body['afterChange'] ?? null])).toEqual([
      ['meeting:join', 10],
      ['material:join', null],
    ]);

    // live while connected: an event twice (room joined before the log was read) counts once; an annotation moves the change mark
    socket.serverSends('meeting:event', envelope(12));
    socket.serverSends('meeting:event', envelope(12));
    socket.serverSends('annotation:changed', { materialVersionId: 'v-1', change: '45' } as AnnotationDto);

    // the tablet sleeps and wakes up
    socket.sent.length = 0;
    socket.answers = { 'meeting:join': () => joined(14, [envelope(12), envelope(13), envelope(14)]), 'material:join': () => material('47') };
    socket.handshake('accepted');
    await flush();
    await flush();
    expect(socket.sent.map(({ event, body }) => [event, body['afterSequence'] ?? body['afterChange'] ?? null])).toEqual([
      ['meeting:join', 12],
      ['material:join', '45'],
    ]);
    expect(events).toEqual([11, 12, 13, 14]);
  });
});
