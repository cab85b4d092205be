import { io, Socket } from 'socket.io-client';
import { samplePdf } from '../../apps/api/src/files/testing/sample-files';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { createTestApp, TestApp } from '../support/test-app';

/** Timeline entries written by a person, not by the system's background jobs. */
const byPeople = (entry: { actor: unknown }) => entry.actor !== null;

describe('Directing and handling incoming documents', () => {
  let system: TestApp;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const unitId: Record<string, string> = {};
  let registers: Record<string, string>;
  const sockets: Socket[] = [];

  const as = (username: string) => ({ Authorization: `Bearer ${token[username]}` });

  async function registerDocument(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const file = (await system.http().post('/api/files').set(as('vanthu')).attach('file', samplePdf(), 'văn bản.pdf').expect(201)).body.id;
    const response = await system
      .http()
      .post('/api/incoming-documents')
      .set(as('vanthu'))
      .send({
        registerId: registers.DEN,
        receivedVia: 'paper',
        issuerName: 'UBND Tỉnh Nghệ An',
        codeNumber: String(Math.floor(Math.random() * 100000)),
        codeNotation: 'UBND-VX',
        promulgatedOn: '2026-11-18',
        documentType: 'official_letter',
        subject: 'Về việc báo cáo tình hình y tế cơ sở',
        urgency: 'normal',
        confidentiality: 'normal',
        mainFileId: file,
        ...overrides,
      })
      .expect(201);
    return response.body.document;
  }

  async function listen(username: string): Promise<{ kind: string; title: string; link: string }[]> {
    const received: { kind: string; title: string; link: string }[] = [];
    const socket = io(system.baseUrl, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: token[username] } });
    sockets.push(socket);
    socket.on('notification', (event) => received.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    return received;
  }

  const eventually = async (check: () => boolean) => {
    for (let attempt = 0; attempt < 50 && !check(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    return check();
  };

  beforeAll(async () => {
    system = await createTestApp();
    // Wednesday 25 November 2026, 09:00 in Hà Nội: deadlines below are relative to it
    system.app.get(Clock).now = () => new Date('2026-11-25T02:00:00Z');
    for (const username of ['vanthu', 'lanhdao', 'truongphong', 'chuyenvien', 'thuky', 'admin']) token[username] = await system.login(username);
    for (const row of await system.query(`SELECT id, username FROM "user"`)) userId[row.username] = row.id;
    for (const row of await system.query(`SELECT id, code FROM unit`)) unitId[row.code] = row.id;
    const list = (await system.http().get('/api/document-registers?direction=incoming').set(as('vanthu')).expect(200)).body;
    registers = Object.fromEntries(list.map((register: { code: string; id: string }) => [register.code, register.id]));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await system.close();
  });

  it('goes from registration to done: submit, direct, delegate within the unit, progress, complete', async () => {
    const leaderInbox = await listen('lanhdao');
    const headInbox = await listen('truongphong');
    const officerInbox = await listen('chuyenvien');
    const document = await registerDocument();

    // before anything is given to them, the officer neither sees nor directs it
    await system.http().get(`/api/incoming-documents/${document.id}`).set(as('chuyenvien')).expect(403);

    await system.http().post(`/api/incoming-documents/${document.id}/submission`).set(as('vanthu')).send({ leaderId: userId.lanhdao, note: 'Kính trình anh', version: document.version }).expect(204);
    expect(await eventually(() => leaderInbox.some((event) => event.kind === 'incoming.submitted'))).toBe(true);
    expect(leaderInbox[0].link).toBe(`/incoming/${document.id}`);

    const submitted = (await system.http().get(`/api/incoming-documents/${document.id}`).set(as('lanhdao')).expect(200)).body;
    expect(submitted).toMatchObject({ state: 'submitted', submittedTo: { id: userId.lanhdao, fullName: 'Phạm Quốc Hùng' } });

    const twoLeads = await system
      .http()
      .post(`/api/incoming-documents/${document.id}/direction`)
      .set(as('lanhdao'))
      .send({ directive: 'Đề nghị xử lý', assignees: [{ role: 'lead', unitId: unitId.PC }, { role: 'lead', unitId: unitId.VP }], version: submitted.version })
      .expect(400);
    expect(twoLeads.body.message).toContain('chủ trì');
    await system.http().post(`/api/incoming-documents/${document.id}/direction`).set(as('truongphong')).send({ directive: 'Đề nghị xử lý', assignees: [{ role: 'lead', unitId: unitId.PC }], version: submitted.version }).expect(403);

    const directive = 'Giao Vụ Pháp chế chủ trì, Phòng Hành chính phối hợp; báo cáo trước 05/12.';
    const assignments = (
      await system
        .http()
        .post(`/api/incoming-documents/${document.id}/direction`)
        .set(as('lanhdao'))
        .send({
          directive,
          dueOn: '2026-12-05',
          assignees: [
            { role: 'lead', unitId: unitId.PC },
            { role: 'support', unitId: unitId['VP.HC'] },
            { role: 'inform', userId: userId.vanthu },
          ],
          version: submitted.version,
        })
        .expect(201)
    ).body;
    expect(assignments.map((item: { role: string; unit: { name: string } | null; user: { fullName: string } | null }) => [item.role, item.unit?.name ?? item.user?.fullName])).toEqual([
      ['lead', 'Vụ Pháp chế'],
      ['support', 'Phòng Hành chính'],
      ['inform', 'Nguyễn Thị Lan'],
    ]);
    expect(await eventually(() => headInbox.some((event) => event.kind === 'incoming.assigned'))).toBe(true);

    // the same directive twice: the version has moved on
    const stale = await system.http().post(`/api/incoming-documents/${document.id}/direction`).set(as('lanhdao')).send({ directive, assignees: [{ role: 'lead', unitId: unitId.PC }], version: submitted.version }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    // the unit's members now see it; the unit head passes it on, a member of another unit cannot
    const seen = (await system.http().get(`/api/incoming-documents/${document.id}`).set(as('chuyenvien')).expect(200)).body;
    expect(seen).toMatchObject({ state: 'assigned', dueOn: '2026-12-05' });
    // and read its file through the document (the file store itself serves only the uploader), audited
    const download = await system.http().get(`/api/incoming-documents/${document.id}/files/${seen.mainFile.id}/content`).set(as('chuyenvien')).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['cache-control']).toBe('private, no-store');
    await system.http().get(`/api/files/${seen.mainFile.id}/content`).set(as('chuyenvien')).expect(403);
    // the system administrator runs the system but does not read the agency's documents
    await system.http().get(`/api/incoming-documents/${document.id}/files/${seen.mainFile.id}/content`).set(as('admin')).expect(403);
    const [downloads] = await system.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'file.download' AND entity_id = $1`, [seen.mainFile.id]);
    expect(downloads.n).toBe(1);
    const elsewhere = await registerDocument();
    const elsewhereFile = (await system.http().get(`/api/incoming-documents/${elsewhere.id}`).set(as('vanthu')).expect(200)).body.mainFile.id;
    await system.http().get(`/api/incoming-documents/${document.id}/files/${elsewhereFile}/content`).set(as('chuyenvien')).expect(404);
    const lead = assignments[0];
    await system.http().post(`/api/assignments/${lead.id}/delegation`).set(as('thuky')).send({ userId: userId.chuyenvien }).expect(403);
    const late = await system.http().post(`/api/assignments/${lead.id}/delegation`).set(as('truongphong')).send({ userId: userId.chuyenvien, dueOn: '2026-12-10' }).expect(400);
    expect(late.body.details[0].field).toBe('dueOn');
    const delegated = (await system.http().post(`/api/assignments/${lead.id}/delegation`).set(as('truongphong')).send({ userId: userId.chuyenvien, note: 'Anh Minh xử lý, dự thảo công văn trả lời.' }).expect(201)).body;
    expect(delegated).toMatchObject({ role: 'lead', user: { fullName: 'Trần Văn Minh' }, parentId: lead.id, dueOn: '2026-12-05' });
    expect(await eventually(() => officerInbox.some((event) => event.kind === 'incoming.assigned'))).toBe(true);

    await system.http().post(`/api/assignments/${delegated.id}/progress`).set(as('thuky')).send({ text: 'không phải việc của tôi' }).expect(403);
    await system.http().post(`/api/assignments/${delegated.id}/progress`).set(as('chuyenvien')).send({ text: 'Đã làm việc với Sở Y tế Nghệ An.' }).expect(204);
    expect((await system.http().get(`/api/incoming-documents/${document.id}`).set(as('chuyenvien')).expect(200)).body.state).toBe('in_progress');
    await system
      .http()
      .post(`/api/assignments/${delegated.id}/completion`)
      .set(as('chuyenvien'))
      .send({ text: 'Đã trả lời bằng công văn số 120/BYT-PC.', replyReference: '120/BYT-PC ngày 28/11/2026' })
      .expect(204);
    expect(await eventually(() => leaderInbox.some((event) => event.kind === 'incoming.done'))).toBe(true);

    const done = (await system.http().get(`/api/incoming-documents/${document.id}`).set(as('lanhdao')).expect(200)).body;
    expect(done).toMatchObject({ state: 'done', replyReference: '120/BYT-PC ngày 28/11/2026' });
    const states = (await system.http().get(`/api/incoming-documents/${document.id}/assignments`).set(as('lanhdao')).expect(200)).body.map((item: { role: string; state: string }) => `${item.role}:${item.state}`);
    expect(states).toEqual(['lead:done', 'lead:done', 'support:pending', 'inform:pending']);
    await system.http().post(`/api/assignments/${delegated.id}/completion`).set(as('chuyenvien')).send({ text: 'lần nữa' }).expect(409);

    // the people's steps: the background preparation (stamp, text) adds its own, at its own pace
    const history = (await system.http().get(`/api/incoming-documents/${document.id}/history`).set(as('lanhdao')).expect(200)).body.filter(byPeople);
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['registered', 'submitted', 'directed', 'delegated', 'progress', 'completed']);
    expect(history[2].details.directive).toBe(directive);
    expect(history[2].actor.fullName).toBe('Phạm Quốc Hùng');
  });

  it('lets an assignee return a document wrongly given, back to the leader to direct again', async () => {
    const leaderInbox = await listen('lanhdao');
    const document = await registerDocument();
    const [lead] = (
      await system.http().post(`/api/incoming-documents/${document.id}/direction`).set(as('lanhdao')).send({ directive: 'Anh Minh xử lý', assignees: [{ role: 'lead', userId: userId.chuyenvien }], version: document.version }).expect(201)
    ).body;
    await system.http().post(`/api/assignments/${lead.id}/return`).set(as('chuyenvien')).send({ text: 'Không thuộc lĩnh vực Vụ Pháp chế; đề nghị chuyển Vụ Kế hoạch - Tài chính.' }).expect(204);
    expect(await eventually(() => leaderInbox.some((event) => event.kind === 'incoming.returned' && event.title.includes('Vụ Kế hoạch')))).toBe(true);
    const returned = (await system.http().get(`/api/incoming-documents/${document.id}`).set(as('lanhdao')).expect(200)).body;
    expect(returned.state).toBe('returned');
    const past = await system
      .http()
      .post(`/api/incoming-documents/${document.id}/direction`)
      .set(as('lanhdao'))
      .send({ directive: 'Giao Vụ KHTC chủ trì', dueOn: '2026-11-24', assignees: [{ role: 'lead', unitId: unitId.KHTC }], version: returned.version })
      .expect(400);
    expect(past.body.details[0].field).toBe('dueOn');
    // Friday 24 April 2026: the next working day is Tuesday 28, as Hùng Kings' day (Sunday 26) is taken on Monday 27
    const clock = system.app.get(Clock);
    const wednesday = clock.now;
    clock.now = () => new Date('2026-04-24T03:00:00Z');
    try {
      const [again] = (
        await system
          .http()
          .post(`/api/incoming-documents/${document.id}/direction`)
          .set(as('lanhdao'))
          .send({ directive: 'Giao Vụ KHTC chủ trì', dueInWorkingDays: 1, assignees: [{ role: 'lead', unitId: unitId.KHTC }], version: returned.version })
          .expect(201)
      ).body;
      expect(again.dueOn).toBe('2026-04-28');
    } finally {
      clock.now = wednesday;
    }
  });

  it('shows a confidential document only to the people named, not to the members of an assigned unit', async () => {
    const document = await registerDocument({ registerId: registers['DEN-MAT'], confidentiality: 'secret' });
    await system.http().get(`/api/incoming-documents/${document.id}`).set(as('lanhdao')).expect(403);
    await system.http().post(`/api/incoming-documents/${document.id}/submission`).set(as('vanthu')).send({ leaderId: userId.lanhdao, version: document.version }).expect(204);
    const submitted = (await system.http().get(`/api/incoming-documents/${document.id}`).set(as('lanhdao')).expect(200)).body;
    await system
      .http()
      .post(`/api/incoming-documents/${document.id}/direction`)
      .set(as('lanhdao'))
      .send({ directive: 'Mật', assignees: [{ role: 'lead', userId: userId.truongphong }, { role: 'inform', unitId: unitId.PC }], version: submitted.version })
      .expect(201);
    await system.http().get(`/api/incoming-documents/${document.id}`).set(as('truongphong')).expect(200);
    await system.http().get(`/api/incoming-documents/${document.id}`).set(as('chuyenvien')).expect(403);
    const list = (await system.http().get('/api/incoming-documents?limit=200').set(as('chuyenvien')).expect(200)).body.items;
    expect(list.find((item: { id: string }) => item.id === document.id)).toBeUndefined();
  });

  it('lets the clerk refuse a document wrongly addressed, with the reason, and then nothing more happens to it', async () => {
    const registrarInbox = await listen('vanthu');
    const document = await registerDocument();
    await system.http().post(`/api/incoming-documents/${document.id}/submission`).set(as('vanthu')).send({ leaderId: userId.lanhdao, version: document.version }).expect(204);
    const submitted = (await system.http().get(`/api/incoming-documents/${document.id}`).set(as('lanhdao')).expect(200)).body;

    const tooShort = await system.http().post(`/api/incoming-documents/${document.id}/rejection`).set(as('lanhdao')).send({ reason: 'x', version: submitted.version }).expect(400);
    expect(tooShort.body.details[0].field).toBe('reason');
    // an officer who cannot even see it gets nothing out of trying
    await system.http().post(`/api/incoming-documents/${document.id}/rejection`).set(as('chuyenvien')).send({ reason: 'Không phải của Bộ', version: submitted.version }).expect(403);

    const reason = 'Văn bản gửi nhầm cơ quan; đề nghị gửi Sở Y tế Nghệ An.';
    await system.http().post(`/api/incoming-documents/${document.id}/rejection`).set(as('lanhdao')).send({ reason, version: submitted.version }).expect(204);
    expect(await eventually(() => registrarInbox.some((event) => event.kind === 'incoming.rejected' && event.link === `/incoming/${document.id}`))).toBe(true);
    const refused = (await system.http().get(`/api/incoming-documents/${document.id}`).set(as('vanthu')).expect(200)).body;
    expect(refused).toMatchObject({ state: 'rejected', rejectionReason: reason, arrivalNumber: expect.any(Number) });

    const again = await system
      .http()
      .post(`/api/incoming-documents/${document.id}/direction`)
      .set(as('lanhdao'))
      .send({ directive: 'Giao Vụ Pháp chế', assignees: [{ role: 'lead', unitId: unitId.PC }], version: refused.version })
      .expect(409);
    expect(again.body.message).toContain('Từ chối tiếp nhận');
    const history = (await system.http().get(`/api/incoming-documents/${document.id}/history`).set(as('vanthu')).expect(200)).body.filter(byPeople);
    expect(history.at(-1)).toMatchObject({ action: 'rejected', details: { reason } });
  });
});
