import { io, Socket } from 'socket.io-client';
import { MEETING_EVENT, MeetingDto, MeetingEventEnvelope } from '@app/contracts';
import { sampleDocx, samplePdf, samplePng } from '../../apps/api/src/files/testing/sample-files';
import { DocumentConverter } from '../../apps/api/src/outgoing/conversion/document-converter';
import { MeetingEventsService } from '../../apps/api/src/meetings/events/meeting-events.service';
import { MaterialsService } from '../../apps/api/src/meetings/materials/materials.service';
import { createTestApp, TestApp } from '../support/test-app';
import { binary, wordDocument } from './meetings-http';

describe('Meetings: scheduling, rooms, invitations, materials and who may read them', () => {
  let system: TestApp;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  let roomId: string;
  let meeting: MeetingDto;
  const sockets: Socket[] = [];
  const as = (username: string) => ({ Authorization: `Bearer ${token[username]}` });

  beforeAll(async () => {
    system = await createTestApp();
    for (const username of ['thuky', 'lanhdao', 'chuyenvien', 'truongphong', 'vanthu', 'admin']) {
      token[username] = await system.login(username);
      userId[username] = (await system.query('SELECT id FROM "user" WHERE username = $1', [username]))[0].id;
    }
    roomId = (await system.http().post('/api/meeting-rooms').set(as('thuky')).send({ name: 'Phòng họp A - tầng 3', location: 'Nhà A', capacity: 30 }).expect(201)).body.id;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await system?.close();
  });

  /** A participant's browser in the meeting's room (joined through the live gateway, which checks who may). */
  async function listen(username: string): Promise<MeetingEventEnvelope[]> {
    const received: MeetingEventEnvelope[] = [];
    const socket = io(system.baseUrl, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: token[username] } });
    sockets.push(socket);
    socket.on(MEETING_EVENT, (event: MeetingEventEnvelope) => received.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    const joined = await socket.emitWithAck('meeting:join', { meetingId: meeting.id });
    expect(joined.ok).toBe(true);
    return received;
  }

  async function until(check: () => boolean): Promise<void> {
    for (let attempt = 0; attempt < 100 && !check(); attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const schedule = (title: string, startsAt: string, endsAt: string, room = roomId) =>
    system
      .http()
      .post('/api/meetings')
      .set(as('thuky'))
      .send({
        title,
        startsAt,
        endsAt,
        roomId: room,
        onlineLink: 'https://hop.byt.gov.vn/giao-ban',
        participants: [
          { kind: 'user', role: 'chair', userId: userId.lanhdao },
          { kind: 'user', role: 'member', userId: userId.chuyenvien },
          { kind: 'user', role: 'member', userId: userId.truongphong },
          { kind: 'guest', role: 'guest', guestName: 'Ông Nguyễn Văn An (Sở Y tế Hà Nội)' },
        ],
      });

  it('schedules a meeting in a room and refuses a second meeting in that room at an overlapping time with 409 and a clear message', async () => {
    meeting = (await schedule('Giao ban Lãnh đạo Bộ tuần 49', '2026-12-07T08:00:00+07:00', '2026-12-07T10:00:00+07:00').expect(201)).body;
    expect(meeting.room?.name).toBe('Phòng họp A - tầng 3');
    expect(meeting.chair?.fullName).toBeTruthy();
    expect(meeting.participants.map((participant) => participant.role)).toEqual(['chair', 'member', 'member', 'guest', 'secretary']);
    expect(meeting.me.manages).toBe(true);

    const clash = await schedule('Họp Vụ Pháp chế', '2026-12-07T09:30:00+07:00', '2026-12-07T11:00:00+07:00').expect(409);
    expect(clash.body.code).toBe('MEETING_ROOM_DOUBLE_BOOKED');
    expect(clash.body.message).toContain('Phòng "Phòng họp A - tầng 3" đã được đặt cho cuộc họp "Giao ban Lãnh đạo Bộ tuần 49"');
    expect(clash.body.details.meetingId).toBe(meeting.id);
    expect(await system.query(`SELECT title FROM meeting WHERE title = 'Họp Vụ Pháp chế'`)).toEqual([]);

    // back to back is not a clash
    await schedule('Họp Vụ Pháp chế', '2026-12-07T10:00:00+07:00', '2026-12-07T11:00:00+07:00').expect(201);
    // ten secretaries booking the same free slot at once: exactly one gets it
    const racing = await Promise.all(Array.from({ length: 10 }, (_, index) => schedule(`Họp nhanh ${index}`, '2026-12-08T14:00:00+07:00', '2026-12-08T15:00:00+07:00')));
    expect(racing.map((response) => response.status).sort()).toEqual([201, ...Array(9).fill(409)]);
  });

  it('shows the week (lịch công tác tuần) to every member of staff and a room’s bookings', async () => {
    const week = (await system.http().get('/api/meetings').query({ from: '2026-12-07', to: '2026-12-13' }).set(as('vanthu')).expect(200)).body;
    expect(week.map((item: { title: string }) => item.title).slice(0, 2)).toEqual(['Giao ban Lãnh đạo Bộ tuần 49', 'Họp Vụ Pháp chế']);
    const room = (await system.http().get('/api/meetings').query({ from: '2026-12-07', to: '2026-12-07', roomId }).set(as('vanthu')).expect(200)).body;
    expect(room).toHaveLength(2);
    await system.http().get('/api/meetings').query({ from: '2026-12-07', to: '2027-03-01' }).set(as('vanthu')).expect(400);
  });

  it('sends the invitation, and the secretary sees the answers live: attend, decline, send a delegate', async () => {
    const secretary = await listen('thuky');
    await system.http().post(`/api/meetings/${meeting.id}/invitations`).set(as('thuky')).expect(201);
    const invited = await system.query(`SELECT u.username FROM notification n JOIN "user" u ON u.id = n.user_id WHERE n.kind = 'meeting.invitation' ORDER BY u.username`);
    expect(invited.map((row) => row.username)).toEqual(['chuyenvien', 'lanhdao', 'truongphong']);

    await system.http().post(`/api/meetings/${meeting.id}/answers`).set(as('lanhdao')).send({ answer: 'attend' }).expect(201);
    await system.http().post(`/api/meetings/${meeting.id}/answers`).set(as('truongphong')).send({ answer: 'decline', note: 'Đi công tác tỉnh' }).expect(201);
    await system.http().post(`/api/meetings/${meeting.id}/answers`).set(as('chuyenvien')).send({ answer: 'delegate' }).expect(400);
    const after = (await system.http().post(`/api/meetings/${meeting.id}/answers`).set(as('chuyenvien')).send({ answer: 'delegate', delegateId: userId.vanthu }).expect(201)).body as MeetingDto;
    await until(() => secretary.filter((event) => event.name === 'participant.answered').length === 3);
    const answers = secretary.filter((event) => event.name === 'participant.answered').map((event) => (event.payload as { answer: string }).answer);
    expect(answers).toEqual(['attend', 'decline', 'delegate']);
    expect(after.participants.find((participant) => participant.user?.id === userId.chuyenvien)).toMatchObject({ answer: 'delegate', delegate: { id: userId.vanthu } });
    // the delegate now takes part in the meeting for the member
    const delegate = (await system.http().get(`/api/meetings/${meeting.id}`).set(as('vanthu')).expect(200)).body as MeetingDto;
    expect(delegate.me.participantIds).toHaveLength(1);
    // a reconnecting secretary gets what was missed
    const missed = await system.app.get(MeetingEventsService).eventsSince(meeting.id, 0, userId.thuky);
    expect(missed.filter((event) => event.name === 'participant.answered')).toHaveLength(3);
  });

  it('drafts the invitation as an outgoing document (Giấy mời) to be signed by the chair, once', async () => {
    // a member may draft outgoing documents but does not manage the meeting
    await system.http().post(`/api/meetings/${meeting.id}/invitation-letter`).set(as('chuyenvien')).expect(403);
    const { outgoingDocumentId } = (await system.http().post(`/api/meetings/${meeting.id}/invitation-letter`).set(as('thuky')).expect(201)).body;
    const draft = (await system.http().get(`/api/outgoing-documents/${outgoingDocumentId}`).set(as('thuky')).expect(200)).body;
    expect(draft).toMatchObject({ documentType: 'invitation', state: 'draft', subject: 'Mời dự cuộc họp: Giao ban Lãnh đạo Bộ tuần 49' });
    expect(draft.signer.id).toBe(userId.lanhdao);
    expect(draft.recipientsText).toContain('Ông Nguyễn Văn An (Sở Y tế Hà Nội)');
    expect((await system.http().get(`/api/meetings/${meeting.id}`).set(as('thuky')).expect(200)).body.invitationDocumentId).toBe(outgoingDocumentId);
    await system.http().post(`/api/meetings/${meeting.id}/invitation-letter`).set(as('thuky')).expect(409);
  });

  it('uploads a material as an immutable version identified by its SHA-256, and publishes it now or at a chosen time', async () => {
    const fileId = (await system.http().post('/api/files').set(as('thuky')).attach('file', samplePdf('Du thao Thong tu'), 'du-thao.pdf').expect(201)).body.id;
    const material = (
      await system.http().post(`/api/meetings/${meeting.id}/materials`).set(as('thuky')).send({ title: 'Dự thảo Thông tư hướng dẫn khám sức khỏe', fileId }).expect(201)
    ).body;
    const first = material.versions[0];
    expect(first).toMatchObject({ number: 1, pageCount: 1, publishedAt: null });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);

    // not published yet: a member does not see it and may not download it
    const before = (await system.http().get(`/api/meetings/${meeting.id}`).set(as('truongphong')).expect(200)).body as MeetingDto;
    expect(before.materials).toEqual([]);
    await system.http().get(`/api/meetings/${meeting.id}/material-versions/${first.id}/content`).set(as('truongphong')).expect(403);
    // the chair and the secretaries see it before the others
    expect((await system.http().get(`/api/meetings/${meeting.id}`).set(as('lanhdao')).expect(200)).body.materials).toHaveLength(1);

    const member = await listen('truongphong');
    await system.http().post(`/api/meetings/${meeting.id}/material-versions/${first.id}/publication`).set(as('thuky')).send({}).expect(201);
    await until(() => member.some((event) => event.name === 'material.published'));
    expect(member.find((event) => event.name === 'material.published')?.payload).toMatchObject({ versionId: first.id, number: 1 });
    const pdf = await system.http().get(`/api/meetings/${meeting.id}/material-versions/${first.id}/content`).set(as('truongphong')).buffer(true).parse(binary).expect(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

    // a new upload is version 2; the same bytes again are not a new version
    const secondFile = (await system.http().post('/api/files').set(as('thuky')).attach('file', samplePdf('Du thao Thong tu lan 2'), 'du-thao-2.pdf').expect(201)).body.id;
    const later = new Date(Date.now() + 3600_000).toISOString();
    const two = (await system.http().post(`/api/meetings/${meeting.id}/materials/${material.id}/versions`).set(as('thuky')).send({ fileId: secondFile, publishAt: later }).expect(201)).body;
    expect(two.versions.map((version: { number: number }) => version.number)).toEqual([2, 1]);
    expect(two.versions[0].publishAt).toBe(later);
    expect(two.versions[0].publishedAt).toBeNull();
    const again = (await system.http().post('/api/files').set(as('thuky')).attach('file', samplePdf('Du thao Thong tu lan 2'), 'lai.pdf').expect(201)).body.id;
    expect((await system.http().post(`/api/meetings/${meeting.id}/materials/${material.id}/versions`).set(as('thuky')).send({ fileId: again }).expect(201)).body.versions).toHaveLength(2);
    // the member still reads only version 1 until the scheduled time; then the job publishes version 2
    expect((await system.http().get(`/api/meetings/${meeting.id}/materials`).set(as('truongphong')).expect(200)).body[0].versions.map((version: { number: number }) => version.number)).toEqual([1]);
    await system.query(`UPDATE meeting_material_version SET publish_at = now() - interval '1 second' WHERE id = $1`, [two.versions[0].id]);
    expect(await system.app.get(MaterialsService).publishDue()).toBe(1);
    expect((await system.http().get(`/api/meetings/${meeting.id}/materials`).set(as('truongphong')).expect(200)).body[0].versions.map((version: { number: number }) => version.number)).toEqual([2, 1]);
    // a published version cannot be changed in the database either
    await expect(system.query(`UPDATE meeting_material_version SET sha256 = repeat('0', 64) WHERE id = $1`, [first.id])).rejects.toThrow(/immutable/);
  });

  it('turns a Word material into its PDF where LibreOffice is installed, and says so where it is not', async () => {
    const fileId = (await system.http().post('/api/files').set(as('thuky')).attach('file', wordDocument('Tờ trình về dự thảo Thông tư'), 'Tờ trình.docx').expect(201)).body.id;
    const response = await system.http().post(`/api/meetings/${meeting.id}/materials`).set(as('thuky')).send({ title: 'Tờ trình (bản Word)', fileId });
    if (await system.app.get(DocumentConverter, { strict: false }).isAvailable()) {
      expect(response.status).toBe(201);
      const [version] = response.body.versions;
      expect(version).toMatchObject({ number: 1, sourceFileId: fileId });
      expect(version.fileId).not.toBe(fileId);
      expect(version.pageCount).toBeGreaterThanOrEqual(1);
    } else {
      console.warn('LibreOffice (soffice) is not installed: the material conversion is not exercised, only its absence');
      expect(response.status).toBe(415);
      expect(response.body.code).toBe('MEETING_MATERIAL_NOT_CONVERTIBLE');
    }
    // a Word file LibreOffice cannot read is a 422 that says so, not a failure of the server
    const broken = (await system.http().post('/api/files').set(as('thuky')).attach('file', sampleDocx(), 'hỏng.docx').expect(201)).body.id;
    const refused = await system.http().post(`/api/meetings/${meeting.id}/materials`).set(as('thuky')).send({ title: 'Tệp hỏng', fileId: broken });
    expect(refused.status).toBe((await system.app.get(DocumentConverter, { strict: false }).isAvailable()) ? 422 : 415);
    // a file of another kind is refused whatever is installed
    const image = (await system.http().post('/api/files').set(as('thuky')).attach('file', samplePng(), 'anh.png').expect(201)).body.id;
    expect((await system.http().post(`/api/meetings/${meeting.id}/materials`).set(as('thuky')).send({ title: 'Ảnh', fileId: image }).expect(415)).body.code).toBe('FILE_TYPE_NOT_ALLOWED');
  }, 180_000);

  it('shows a material meant for named people only to them (and to the chair and secretaries)', async () => {
    const fileId = (await system.http().post('/api/files').set(as('thuky')).attach('file', samplePdf('Bao cao nhan su'), 'nhan-su.pdf').expect(201)).body.id;
    const named = (
      await system.http().post(`/api/meetings/${meeting.id}/materials`).set(as('thuky')).send({ title: 'Báo cáo nhân sự', fileId, access: 'named', readerIds: [userId.truongphong], publishNow: true }).expect(201)
    ).body;
    expect(named.readers.map((reader: { id: string }) => reader.id)).toEqual([userId.truongphong]);
    const versionId = named.versions[0].id;
    const readable = async (username: string) => (await system.http().get(`/api/meetings/${meeting.id}/materials`).set(as(username)).expect(200)).body.some((material: { id: string }) => material.id === named.id);
    expect(await readable('truongphong')).toBe(true);
    expect(await readable('lanhdao')).toBe(true);
    expect(await readable('vanthu')).toBe(false);
    await system.http().get(`/api/meetings/${meeting.id}/material-versions/${versionId}/content`).set(as('truongphong')).expect(200);
    const refused = await system.http().get(`/api/meetings/${meeting.id}/material-versions/${versionId}/content`).set(as('vanthu')).expect(403);
    expect(refused.body.message).toContain('không dành cho bạn');
  });

  it('refuses a non-participant the meeting’s materials with 403, and audits the refusal', async () => {
    const [version] = await system.query(`SELECT v.id FROM meeting_material_version v JOIN meeting_material m ON m.id = v.material_id WHERE m.meeting_id = $1 AND v.number = 1`, [meeting.id]);
    const refused = await system.http().get(`/api/meetings/${meeting.id}/material-versions/${version.id}/content`).set(as('admin')).expect(403);
    expect(refused.body.code).toBe('NOT_A_MEETING_PARTICIPANT');
    await system.http().get(`/api/meetings/${meeting.id}/materials`).set(as('admin')).expect(403);
    const audit = await system.query(`SELECT actor_username, entity_type FROM audit_entry WHERE action = 'permission.denied' AND actor_username = 'admin' ORDER BY sequence`);
    expect(audit).toEqual([
      { actor_username: 'admin', entity_type: 'meeting_material_version' },
      { actor_username: 'admin', entity_type: 'meeting' },
    ]);
    // the ordinary meeting itself stays on the agency's schedule, without its materials
    expect((await system.http().get(`/api/meetings/${meeting.id}`).set(as('admin')).expect(200)).body.materials).toEqual([]);
  });

  it('keeps a confidential meeting from anyone who takes no part in it', async () => {
    const secret = (
      await system
        .http()
        .post('/api/meetings')
        .set(as('thuky'))
        .send({ title: 'Họp về công tác cán bộ', startsAt: '2026-12-09T08:00:00+07:00', endsAt: '2026-12-09T09:00:00+07:00', place: 'Phòng Bộ trưởng', confidential: true, participants: [{ kind: 'user', role: 'chair', userId: userId.lanhdao }] })
        .expect(201)
    ).body;
    await system.http().get(`/api/meetings/${secret.id}`).set(as('chuyenvien')).expect(403);
    const week = (await system.http().get('/api/meetings').query({ from: '2026-12-07', to: '2026-12-13' }).set(as('chuyenvien')).expect(200)).body;
    expect(week.map((item: { id: string }) => item.id)).not.toContain(secret.id);
    expect((await system.http().get('/api/meetings').query({ from: '2026-12-07', to: '2026-12-13' }).set(as('lanhdao')).expect(200)).body.map((item: { id: string }) => item.id)).toContain(secret.id);
  });
});
