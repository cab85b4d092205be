import { io, Socket } from 'socket.io-client';
import { MEETING_EVENT, MeetingEventEnvelope } from '@app/contracts';
import { MeetingAccessService } from '../../apps/api/src/meetings/access/meeting-access.service';
import { MeetingEventsService } from '../../apps/api/src/meetings/events/meeting-events.service';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../support/test-app';

describe('Meetings: the live log numbers events per meeting and replays what a client missed', () => {
  let system: TestApp;
  let events: MeetingEventsService;
  let meetingId: string;
  const user: Record<string, { id: string; username: string; unitId: string | null }> = {};
  const token: Record<string, string> = {};
  const sockets: Socket[] = [];

  beforeAll(async () => {
    system = await createTestApp();
    events = system.app.get(MeetingEventsService);
    for (const username of ['lanhdao', 'chuyenvien', 'vanthu']) {
      token[username] = await system.login(username);
      const [row] = await system.query('SELECT id, username, unit_id AS "unitId" FROM "user" WHERE username = $1', [username]);
      user[username] = row;
    }
    const [meeting] = await system.query(
      `INSERT INTO meeting (title, starts_at, ends_at, organiser_id, created_at, updated_at) VALUES ('Giao ban tuần', now(), now() + interval '1 hour', $1, now(), now()) RETURNING id`,
      [user.lanhdao.id],
    );
    meetingId = meeting.id;
    await system.query(`INSERT INTO meeting_participant (meeting_id, kind, user_id, role) VALUES ($1, 'user', $2, 'chair'), ($1, 'user', $3, 'member')`, [
      meetingId,
      user.lanhdao.id,
      user.chuyenvien.id,
    ]);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await system?.close();
  });

  function listen(username: string): Promise<MeetingEventEnvelope[]> {
    const received: MeetingEventEnvelope[] = [];
    const socket = io(system.baseUrl, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: token[username] } });
    sockets.push(socket);
    socket.on(MEETING_EVENT, (event: MeetingEventEnvelope) => received.push(event));
    return new Promise((resolve, reject) => {
      socket.on('connect', () => resolve(received));
      socket.on('connect_error', reject);
    });
  }

  async function until(check: () => boolean): Promise<void> {
    for (let attempt = 0; attempt < 100 && !check(); attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  it('gives events published at the same time distinct, consecutive numbers', async () => {
    const published = await Promise.all(Array.from({ length: 20 }, (_, index) => events.publish(meetingId, 'agenda.changed', { index })));
    const numbers = published.map((event) => event.sequence).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await events.lastSequence(meetingId)).toBe(20);
  });

  it('replays exactly what came after the last number a client saw, in order', async () => {
    const missed = await events.eventsSince(meetingId, 17, user.chuyenvien.id);
    expect(missed.map((event) => event.sequence)).toEqual([18, 19, 20]);
    expect(missed.every((event) => event.name === 'agenda.changed' && event.meetingId === meetingId)).toBe(true);
  });

  it('sends an event with an audience only to those users, live and on replay', async () => {
    const chair = await listen('lanhdao');
    const member = await listen('chuyenvien');
    const published = await events.publish(meetingId, 'poll.results', { votes: 3 }, { audience: [user.lanhdao.id] });
    await until(() => chair.length > 0);
    expect(chair.map((event) => event.sequence)).toEqual([published.sequence]);
    expect(member).toEqual([]);
    expect((await events.eventsSince(meetingId, published.sequence - 1, user.chuyenvien.id)).map((event) => event.sequence)).toEqual([]);
    expect((await events.eventsSince(meetingId, published.sequence - 1, user.lanhdao.id)).map((event) => event.name)).toEqual(['poll.results']);
  });

  it('sends nothing and logs nothing for a change that rolls back, and sends a committed one after the commit', async () => {
    const chair = await listen('lanhdao');
    const before = await events.lastSequence(meetingId);
    await expect(
      system.app.get(DataSource).transaction(async (manager) => {
        await events.publish(meetingId, 'poll.results', { votes: 4 }, { audience: [user.lanhdao.id], manager });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await events.lastSequence(meetingId)).toBe(before);
    await system.app.get(DataSource).transaction((manager) => events.publish(meetingId, 'poll.results', { votes: 5 }, { audience: [user.lanhdao.id], manager }));
    await until(() => chair.length > 0);
    expect(chair.map((event) => event.payload)).toEqual([{ votes: 5 }]);
  });

  it('knows who takes part: a participant passes, anyone else is refused with 403 and an audit row', async () => {
    const access = system.app.get(MeetingAccessService);
    const membership = await access.requireParticipant(meetingId, user.lanhdao);
    expect(membership.chairs).toBe(true);
    expect((await access.requireParticipant(meetingId, user.chuyenvien)).role).toBe('member');
    await expect(access.requireParticipant(meetingId, user.vanthu)).rejects.toMatchObject({ status: 403 });
    const audit = await system.query(`SELECT actor_username, outcome FROM audit_entry WHERE action = 'permission.denied' AND entity_type = 'meeting' AND entity_id = $1`, [meetingId]);
    expect(audit).toEqual([{ actor_username: 'vanthu', outcome: 'denied' }]);
  });
});
