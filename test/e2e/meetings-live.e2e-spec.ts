import type { Socket } from 'socket.io-client';
import type { AnnotationDto, AnnotationRemovedEvent, FollowPageEvent, JoinMaterialResult, JoinMeetingResult, MeetingEventEnvelope, PresenceEntry } from '@app/contracts';
import { openStoredPdf, pageText } from '../../apps/api/src/files/pdf/pdf-text.service';
import { MeetingEventsService } from '../../apps/api/src/meetings/events/meeting-events.service';
import { createTestApp, TestApp } from '../support/test-app';
import { addVersion, command, connect, liveMeeting, LiveMeeting, ok } from './meetings-live-fixtures';

/** Everything one socket receives in the meeting room, as it comes. */
interface Seen {
  socket: Socket;
  changed: AnnotationDto[];
  removed: AnnotationRemovedEvent[];
  events: MeetingEventEnvelope[];
  follows: FollowPageEvent[];
  joined: PresenceEntry[];
  updated: PresenceEntry[];
  left: string[];
}

/** Waits up to five seconds for something pushed (a busy machine may take more than one). */
async function eventually(check: () => boolean): Promise<boolean> {
  for (let attempt = 0; attempt < 250 && !check(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
}

const highlight = (quote: string) => ({ kind: 'highlight', rects: [{ x: 72, y: 755, width: 180.5, height: 22 }], quote });
const ink = { kind: 'ink', strokes: [[{ x: 100, y: 500 }, { x: 140, y: 520 }, { x: 180, y: 505 }]], width: 2 };

describe('Meetings live: the room, shared and private annotations, presence, follow-the-chair', () => {
  let system: TestApp;
  let meeting: LiveMeeting;
  const token: Record<string, string> = {};
  const sockets: Socket[] = [];

  async function enter(username: string, options: { afterSequence?: number; material?: boolean; afterChange?: string } = {}): Promise<Seen & { join: JoinMeetingResult; material?: JoinMaterialResult }> {
    const socket = await connect(system.baseUrl, token[username]);
    sockets.push(socket);
    const seen: Seen = { socket, changed: [], removed: [], events: [], follows: [], joined: [], updated: [], left: [] };
    socket.on('annotation:changed', (annotation: AnnotationDto) => seen.changed.push(annotation));
    socket.on('annotation:removed', (removed: AnnotationRemovedEvent) => seen.removed.push(removed));
    socket.on('meeting:event', (event: MeetingEventEnvelope) => seen.events.push(event));
    socket.on('follow:page', (event: FollowPageEvent) => seen.follows.push(event));
    socket.on('presence:joined', (entry: PresenceEntry) => seen.joined.push(entry));
    socket.on('presence:updated', (entry: PresenceEntry) => seen.updated.push(entry));
    socket.on('presence:left', (left: { socketId: string }) => seen.left.push(left.socketId));
    const join = await ok<JoinMeetingResult>(socket, 'meeting:join', { meetingId: meeting.meetingId, afterSequence: options.afterSequence });
    const material =
      options.material === false ? undefined : await ok<JoinMaterialResult>(socket, 'material:join', { meetingId: meeting.meetingId, materialVersionId: meeting.versionId, afterChange: options.afterChange });
    return { ...seen, join, material };
  }

  const create = (socket: Socket, body: Record<string, unknown>) =>
    ok<AnnotationDto>(socket, 'annotation:create', { materialVersionId: meeting.versionId, pageIndex: 0, color: '#ffd54f', visibility: 'shared', ...body });

  const annotationsOf = async (username: string, versionId = meeting.versionId) =>
    (await system.http().get(`/api/meeting-material-versions/${versionId}/annotations`).set('Authorization', `Bearer ${token[username]}`).expect(200)).body as JoinMaterialResult;

  beforeAll(async () => {
    system = await createTestApp();
    for (const username of ['lanhdao', 'truongphong', 'chuyenvien', 'thuky', 'vanthu']) token[username] = await system.login(username);
    meeting = await liveMeeting(system, { lanhdao: 'chair', thuky: 'secretary', truongphong: 'member', chuyenvien: 'member' }, 'thuky');
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await system?.close();
  });

  it("brings two members' shared annotations to each other at once, and a private one only to its author", async () => {
    const head = await enter('truongphong');
    const headsPhone = await enter('truongphong', { material: false });
    const officer = await enter('chuyenvien');
    const chair = await enter('lanhdao');

    const marked = await create(head.socket, { shape: highlight('Điều 1. Phạm vi điều chỉnh'), comment: 'Cần làm rõ phạm vi' });
    expect(marked).toMatchObject({ materialVersionId: meeting.versionId, materialSha256: meeting.sha256, pageIndex: 0, visibility: 'shared', version: 1, author: { id: meeting.userId.truongphong } });
    expect(await eventually(() => officer.changed.some((annotation) => annotation.id === marked.id))).toBe(true);
    expect(officer.changed.find((annotation) => annotation.id === marked.id)).toMatchObject({ shape: highlight('Điều 1. Phạm vi điều chỉnh'), comment: 'Cần làm rõ phạm vi', author: { fullName: 'Lê Thị Hương' } });

    const drawn = await create(officer.socket, { shape: ink, color: '#e53935', pageIndex: 1 });
    expect(await eventually(() => head.changed.some((annotation) => annotation.id === drawn.id))).toBe(true);
    expect(await eventually(() => chair.changed.some((annotation) => annotation.id === drawn.id))).toBe(true);

    const note = await create(head.socket, { shape: { kind: 'note', at: { x: 500, y: 700 } }, comment: 'Hỏi lại Vụ Pháp chế về kinh phí', visibility: 'private' });
    // the author's own sockets receive it, the phone too (it is not even viewing the material)
    expect(await eventually(() => headsPhone.changed.some((annotation) => annotation.id === note.id))).toBe(true);
    // a later shared one reaches everyone: by then the private one would have come first if it were sent
    const later = await create(head.socket, { shape: { kind: 'rectangle', rect: { x: 60, y: 300, width: 200, height: 80 }, width: 1.5 }, pageIndex: 2 });
    expect(await eventually(() => officer.changed.some((annotation) => annotation.id === later.id) && chair.changed.some((annotation) => annotation.id === later.id))).toBe(true);
    for (const other of [officer, chair]) {
      expect(other.changed.map((annotation) => annotation.id)).not.toContain(note.id);
      expect(JSON.stringify(other.changed)).not.toContain('kinh phí');
    }
    // loading over HTTP: the author sees their private note, the others never
    expect((await annotationsOf('truongphong')).annotations.map((annotation) => annotation.id)).toEqual([marked.id, drawn.id, note.id, later.id]);
    expect((await annotationsOf('lanhdao')).annotations.map((annotation) => annotation.id)).toEqual([marked.id, drawn.id, later.id]);
    // and a material join of another member answers the same
    const secretary = await enter('thuky');
    expect(secretary.material!.annotations.map((annotation) => annotation.id)).toEqual([marked.id, drawn.id, later.id]);

    // made private by its author: the others are told to drop it
    const hidden = await ok<AnnotationDto>(head.socket, 'annotation:update', { id: later.id, version: later.version, visibility: 'private' });
    expect(hidden.version).toBe(2);
    expect(await eventually(() => officer.removed.some((removed) => removed.id === later.id))).toBe(true);
    expect(head.removed.map((removed) => removed.id)).not.toContain(later.id);
    expect((await annotationsOf('chuyenvien')).annotations.map((annotation) => annotation.id)).not.toContain(later.id);
  });

  it('refuses the room and the material to someone who takes part in no way (403, audited), and a bad annotation with a 400', async () => {
    const clerk = await connect(system.baseUrl, token.vanthu);
    sockets.push(clerk);
    const room = await command(clerk, 'meeting:join', { meetingId: meeting.meetingId });
    expect(room).toMatchObject({ ok: false, error: { statusCode: 403, code: 'NOT_A_MEETING_PARTICIPANT', message: 'Bạn không phải thành phần của cuộc họp này.' } });
    const material = await command(clerk, 'material:join', { meetingId: meeting.meetingId, materialVersionId: meeting.versionId });
    expect(material).toMatchObject({ ok: false, error: { statusCode: 403 } });
    const write = await command(clerk, 'annotation:create', { materialVersionId: meeting.versionId, pageIndex: 0, color: '#ffd54f', visibility: 'shared', shape: ink });
    expect(write).toMatchObject({ ok: false, error: { statusCode: 403 } });
    await system.http().get(`/api/meeting-material-versions/${meeting.versionId}/annotations`).set('Authorization', `Bearer ${token.vanthu}`).expect(403);
    expect(await system.query(`SELECT count(*)::int AS count FROM meeting_annotation WHERE author_id = $1`, [(await system.query(`SELECT id FROM "user" WHERE username = 'vanthu'`))[0].id])).toEqual([{ count: 0 }]);
    const audit = await system.query(`SELECT entity_type, outcome FROM audit_entry WHERE action = 'permission.denied' AND actor_username = 'vanthu' ORDER BY sequence`);
    expect(audit).toEqual([
      { entity_type: 'meeting', outcome: 'denied' },
      { entity_type: 'meeting_material_version', outcome: 'denied' },
      { entity_type: 'meeting_material_version', outcome: 'denied' },
      { entity_type: 'meeting_material_version', outcome: 'denied' },
    ]);

    // a participant cannot show a page to everyone before joining the room, nor send nonsense
    const member = await connect(system.baseUrl, token.chuyenvien);
    sockets.push(member);
    expect(await command(member, 'presence:update', { meetingId: meeting.meetingId, materialVersionId: meeting.versionId, pageIndex: 0 })).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expect(await command(member, 'meeting:join', { meetingId: 'not-an-id' })).toMatchObject({ ok: false, error: { statusCode: 400, code: 'INVALID_ANNOTATION' } });
    const bad = [
      [{ shape: { kind: 'ink', strokes: [[{ x: Number.NaN, y: 1 }]], width: 2 } }, 'Toạ độ x không hợp lệ.'],
      [{ shape: { kind: 'highlight', rects: [{ x: 1, y: 1, width: 10, height: 10 }], quote: '  ' } }, 'Đánh dấu phải kèm đoạn văn bản được chọn.'],
      [{ shape: { kind: 'note', at: { x: 10, y: 10 } } }, 'Ghi chú dán phải có nội dung.'],
      [{ shape: ink, pageIndex: 3 }, 'Tài liệu chỉ có 3 trang.'],
      [{ shape: ink, color: 'red' }, 'Màu phải có dạng #rrggbb.'],
      [{ shape: ink, visibility: 'everyone' }, 'Phạm vi phải là riêng tư hoặc chia sẻ.'],
      [{ shape: { kind: 'ink', strokes: Array.from({ length: 101 }, () => [{ x: 1, y: 1 }]), width: 2 } }, 'Quá nhiều nét vẽ (tối đa 100).'],
    ] as const;
    for (const [body, message] of bad) {
      const answer = await command(member, 'annotation:create', { materialVersionId: meeting.versionId, pageIndex: 0, color: '#ffd54f', visibility: 'shared', ...body });
      expect(answer).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 400, code: 'INVALID_ANNOTATION', message }) });
    }
  });

  it('holds back a client that floods the room with annotations (429), and nothing of the refused ones is written', async () => {
    const flooding = await connect(system.baseUrl, token.thuky);
    sockets.push(flooding);
    const before = await system.query(`SELECT count(*)::int AS count FROM meeting_annotation WHERE author_id = $1`, [meeting.userId.thuky]);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => command(flooding, 'annotation:create', { materialVersionId: meeting.versionId, pageIndex: 0, color: '#ffd54f', visibility: 'private', shape: { kind: 'note', at: { x: 10, y: 10 + index } }, comment: `Ghi chú ${index}` })));
    const refused = answers.filter((answer) => !answer.ok);
    expect(refused.length).toBeGreaterThanOrEqual(9);
    expect(refused[0]).toMatchObject({ ok: false, error: { statusCode: 429, code: 'RATE_LIMITED', message: 'Bạn ghi chú quá nhanh, hãy chờ một chút.' } });
    const after = await system.query(`SELECT count(*)::int AS count FROM meeting_annotation WHERE author_id = $1`, [meeting.userId.thuky]);
    expect(after[0].count - before[0].count).toBe(40 - refused.length);
  });

  it('gives a reconnecting client the meeting events and the annotation changes it missed, nothing twice', async () => {
    const officer = await enter('chuyenvien');
    const head = await enter('truongphong');
    const kept = await create(head.socket, { shape: highlight('Điều 2. Đối tượng áp dụng'), pageIndex: 1 });
    const dropped = await create(head.socket, { shape: ink });
    expect(await eventually(() => officer.changed.some((annotation) => annotation.id === dropped.id))).toBe(true);
    const lastSequence = officer.join.lastSequence;
    const lastChange = officer.changed[officer.changed.length - 1].change;
    officer.socket.close();

    // while the officer's tablet is offline
    const events = system.app.get(MeetingEventsService);
    await events.publish(meeting.meetingId, 'speakers.changed', { queue: ['Lê Thị Hương'] });
    await events.publish(meeting.meetingId, 'poll.results', { agree: 3 }, { audience: [meeting.userId.lanhdao] });
    await events.publish(meeting.meetingId, 'agenda.changed', { item: 2 });
    const edited = await ok<AnnotationDto>(head.socket, 'annotation:update', { id: kept.id, version: kept.version, comment: 'Bổ sung đơn vị sự nghiệp' });
    await ok(head.socket, 'annotation:delete', { id: dropped.id, version: dropped.version });
    const added = await create(head.socket, { shape: { kind: 'note', at: { x: 300, y: 400 } }, comment: 'Xem lại điều này', pageIndex: 2 });
    const secret = await create(head.socket, { shape: { kind: 'note', at: { x: 300, y: 420 } }, comment: 'Riêng tôi', visibility: 'private' });

    const back = await enter('chuyenvien', { afterSequence: lastSequence, afterChange: lastChange });
    expect(back.join.missed.map((event) => event.name)).toEqual(['speakers.changed', 'agenda.changed']);
    expect(back.join.missed.map((event) => event.sequence)).toEqual([lastSequence + 1, lastSequence + 3]);
    expect(back.join.lastSequence).toBe(lastSequence + 3);
    expect(back.material!.annotations.map((annotation) => [annotation.id, annotation.version, annotation.comment])).toEqual([
      [edited.id, 2, 'Bổ sung đơn vị sự nghiệp'],
      [added.id, 1, 'Xem lại điều này'],
    ]);
    expect(back.material!.removed.map((removed) => removed.id)).toEqual([dropped.id]);
    expect(JSON.stringify(back.material)).not.toContain(secret.id);
    // and from now on it is live again
    await events.publish(meeting.meetingId, 'agenda.changed', { item: 3 });
    expect(await eventually(() => back.events.some((event) => event.sequence === lastSequence + 4))).toBe(true);
  });

  it('says 409 to an edit or a deletion made on a stale version, and lets only the author change an annotation', async () => {
    const head = await enter('truongphong');
    const officer = await enter('chuyenvien');
    const original = await create(head.socket, { shape: { kind: 'rectangle', rect: { x: 50, y: 50, width: 100, height: 40 }, width: 2 } });
    const onTablet = await ok<AnnotationDto>(head.socket, 'annotation:update', { id: original.id, version: 1, color: '#1e88e5' });
    expect(onTablet).toMatchObject({ version: 2, color: '#1e88e5' });
    // the laptop still had version 1
    const stale = await command(head.socket, 'annotation:update', { id: original.id, version: 1, comment: 'Sửa từ máy tính' });
    expect(stale).toMatchObject({ ok: false, error: { statusCode: 409, code: 'VERSION_CONFLICT' } });
    expect(await command(head.socket, 'annotation:delete', { id: original.id, version: 1 })).toMatchObject({ ok: false, error: { statusCode: 409 } });
    expect(await command(officer.socket, 'annotation:update', { id: original.id, version: 2, color: '#000000' })).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expect(await command(officer.socket, 'annotation:delete', { id: original.id, version: 2 })).toMatchObject({ ok: false, error: { statusCode: 403 } });
    const gone = await ok<AnnotationRemovedEvent>(head.socket, 'annotation:delete', { id: original.id, version: 2 });
    expect(await eventually(() => officer.removed.some((removed) => removed.id === gone.id))).toBe(true);
    expect(await command(head.socket, 'annotation:update', { id: original.id, version: 3, color: '#000000' })).toMatchObject({ ok: false, error: { statusCode: 404, code: 'ANNOTATION_NOT_FOUND' } });
    // the history keeps every state, the deletion included
    const history = await system.query(`SELECT version, action, color FROM meeting_annotation_revision WHERE annotation_id = $1 ORDER BY version`, [original.id]);
    expect(history).toEqual([
      { version: 1, action: 'create', color: '#ffd54f' },
      { version: 2, action: 'update', color: '#1e88e5' },
      { version: 3, action: 'delete', color: '#1e88e5' },
    ]);
  });

  it('keeps annotations on the version they were made on when the material gets a new version', async () => {
    const head = await enter('truongphong');
    const made = await create(head.socket, { shape: highlight('Nghị quyết này quy định việc họp không giấy') });
    const [file] = await system.query(`SELECT file_id AS "fileId" FROM meeting_material_version WHERE id = $1`, [meeting.versionId]);
    const second = await addVersion(system, meeting.materialId, 2, file.fileId, 'b'.repeat(64), meeting.userId.thuky);
    expect((await annotationsOf('truongphong', second)).annotations).toEqual([]);
    expect((await annotationsOf('truongphong')).annotations.map((annotation) => annotation.id)).toContain(made.id);
  });

  it("gives a member a copy of the material with their own and the shared annotations drawn in, never another's private ones", async () => {
    const exported = async (username: string) => {
      const response = await system
        .http()
        .get(`/api/meeting-material-versions/${meeting.versionId}/annotated-pdf`)
        .set('Authorization', `Bearer ${token[username]}`)
        .buffer(true)
        .parse((result, done) => {
          const parts: Buffer[] = [];
          result.on('data', (part: Buffer) => parts.push(part));
          result.on('end', () => done(null, Buffer.concat(parts)));
        })
        .expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const document = await openStoredPdf(new Uint8Array(response.body as Buffer), 'export.pdf');
      let text = '';
      for (let number = 1; number <= document.numPages; number++) text += ' ' + pageText((await (await document.getPage(number)).getTextContent()).items);
      return { pages: document.numPages, text: text.replace(/\s+/g, ' ') };
    };
    const author = await exported('truongphong');
    expect(author.pages).toBe(3);
    expect(author.text).toContain('Điều 1. Phạm vi điều chỉnh');
    expect(author.text).toContain('Lê Thị Hương: Cần làm rõ phạm vi');
    expect(author.text).toContain('Lê Thị Hương: Hỏi lại Vụ Pháp chế về kinh phí');
    const chair = await exported('lanhdao');
    expect(chair.text).toContain('Lê Thị Hương: Cần làm rõ phạm vi');
    expect(chair.text).not.toContain('kinh phí');
    await system.http().get(`/api/meeting-material-versions/${meeting.versionId}/annotated-pdf`).set('Authorization', `Bearer ${token.vanthu}`).expect(403);
    const audit = await system.query(`SELECT actor_username FROM audit_entry WHERE action = 'meeting_material.annotated_export' AND entity_id = $1 ORDER BY sequence`, [meeting.versionId]);
    expect(audit).toEqual([{ actor_username: 'truongphong' }, { actor_username: 'lanhdao' }]);
  });

  it('works across two API replicas: shared annotations, presence and the chair’s page reach the sockets of the other replica', async () => {
    const replica = await createTestApp({}, system);
    try {
      const chair = await enter('lanhdao');
      const officerSocket = await connect(replica.baseUrl, token.chuyenvien);
      sockets.push(officerSocket);
      const changed: AnnotationDto[] = [];
      const leaders: PresenceEntry[] = [];
      officerSocket.on('annotation:changed', (annotation: AnnotationDto) => changed.push(annotation));
      officerSocket.on('presence:updated', (entry: PresenceEntry) => leaders.push(entry));
      const joined = await ok<JoinMeetingResult>(officerSocket, 'meeting:join', { meetingId: meeting.meetingId });
      await ok(officerSocket, 'material:join', { meetingId: meeting.meetingId, materialVersionId: meeting.versionId });
      // the presence answered on the replica lists the chair's socket on the first API
      expect(joined.presence.map((entry) => entry.socketId)).toContain(chair.socket.id);
      expect(await eventually(() => chair.joined.some((entry) => entry.socketId === officerSocket.id))).toBe(true);

      const marked = await create(chair.socket, { shape: highlight('Điều 3. Tổ chức thực hiện'), pageIndex: 2 });
      expect(await eventually(() => changed.some((annotation) => annotation.id === marked.id))).toBe(true);
      await ok(chair.socket, 'follow:page', { meetingId: meeting.meetingId, materialVersionId: meeting.versionId, pageIndex: 1 });
      expect(await eventually(() => leaders.some((entry) => entry.presenting && entry.pageIndex === 1))).toBe(true);
    } finally {
      await replica.app.close();
    }
  });

  it('shows who is where, and turns the followers to the page the chair shows; a member cannot lead', async () => {
    const officer = await enter('chuyenvien');
    const chair = await enter('lanhdao');
    expect(chair.join.mayLead).toBe(true);
    expect(officer.join.mayLead).toBe(false);
    expect(chair.join.presence.map((entry) => entry.socketId)).toEqual(expect.arrayContaining([officer.socket.id, chair.socket.id]));
    expect(await eventually(() => officer.joined.some((entry) => entry.socketId === chair.socket.id && entry.role === 'chair' && entry.fullName === 'Phạm Quốc Hùng'))).toBe(true);

    await ok(officer.socket, 'presence:update', { meetingId: meeting.meetingId, materialVersionId: meeting.versionId, pageIndex: 0, following: true });
    await ok(chair.socket, 'follow:page', { meetingId: meeting.meetingId, materialVersionId: meeting.versionId, pageIndex: 2 });
    // the page comes at once as a volatile event (which a busy socket may drop), and surely with the presenter's presence
    expect(await eventually(() => officer.updated.some((entry) => entry.socketId === chair.socket.id && entry.presenting && entry.pageIndex === 2))).toBe(true);
    for (const event of officer.follows)
      expect(event).toEqual({ meetingId: meeting.meetingId, materialVersionId: meeting.versionId, pageIndex: 2, by: { id: meeting.userId.lanhdao, fullName: 'Phạm Quốc Hùng' } });
    expect(await command(officer.socket, 'follow:page', { meetingId: meeting.meetingId, materialVersionId: meeting.versionId, pageIndex: 1 })).toMatchObject({
      ok: false,
      error: { statusCode: 403, code: 'NOT_THE_LEADER' },
    });
    const presence = (await ok<JoinMeetingResult>(chair.socket, 'meeting:join', { meetingId: meeting.meetingId })).presence;
    expect(presence.find((entry) => entry.socketId === officer.socket.id)).toMatchObject({ userId: meeting.userId.chuyenvien, materialVersionId: meeting.versionId, pageIndex: 0, following: true, presenting: false, role: 'member' });
    // a late follower finds in the presence whom to follow and where they are
    expect(presence.find((entry) => entry.socketId === chair.socket.id)).toMatchObject({ presenting: true, materialVersionId: meeting.versionId, pageIndex: 2 });
    // a material of another meeting cannot be shown
    const other = await liveMeeting(system, { lanhdao: 'chair' }, 'thuky', 'Họp khác');
    expect(await command(chair.socket, 'follow:page', { meetingId: meeting.meetingId, materialVersionId: other.versionId, pageIndex: 0 })).toMatchObject({ ok: false, error: { statusCode: 403 } });
    // the chair stops presenting
    const updates: PresenceEntry[] = [];
    officer.socket.on('presence:updated', (entry: PresenceEntry) => updates.push(entry));
    await ok(chair.socket, 'presence:update', { meetingId: meeting.meetingId, materialVersionId: meeting.versionId, pageIndex: 2, following: false, presenting: false });
    expect(await eventually(() => updates.some((entry) => entry.socketId === chair.socket.id && !entry.presenting))).toBe(true);

    const gone = officer.socket.id!;
    officer.socket.close();
    expect(await eventually(() => chair.left.includes(gone))).toBe(true);
  });
});
