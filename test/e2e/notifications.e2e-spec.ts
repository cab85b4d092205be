import { io, Socket } from 'socket.io-client';
import { samplePdf } from '../../apps/api/src/files/testing/sample-files';
import { DeadlineReminders } from '../../apps/api/src/incoming/reminders/deadline-reminders';
import { NotificationsPurge } from '../../apps/api/src/notifications/notifications-purge';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { createTestApp, TestApp } from '../support/test-app';

interface Inbox {
  notifications: { id: string; kind: string; title: string; link: string }[];
  counts: number[];
}

/** A Vietnam wall-clock time (UTC+7) as an instant. */
const vietnamTime = (local: string) => new Date(`${local}+07:00`);

describe('Notifications: kept, counted, pushed, and the morning deadline reminder', () => {
  let system: TestApp;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const unitId: Record<string, string> = {};
  let registerId: string;
  const sockets: Socket[] = [];

  const as = (username: string) => ({ Authorization: `Bearer ${token[username]}` });
  const setNow = (instant: Date) => (system.app.get(Clock).now = () => instant);

  async function registerDocument(subject: string): Promise<{ id: string; version: number }> {
    const file = (await system.http().post('/api/files').set(as('vanthu')).attach('file', samplePdf(), 'văn bản.pdf').expect(201)).body.id;
    const response = await system
      .http()
      .post('/api/incoming-documents')
      .set(as('vanthu'))
      .send({
        registerId,
        receivedVia: 'paper',
        issuerName: 'UBND Tỉnh Nghệ An',
        codeNumber: String(Math.floor(Math.random() * 100000)),
        codeNotation: 'UBND-VX',
        promulgatedOn: '2026-11-18',
        documentType: 'official_letter',
        subject,
        urgency: 'normal',
        confidentiality: 'normal',
        mainFileId: file,
      })
      .expect(201);
    return response.body.document;
  }

  async function direct(document: { id: string; version: number }, dueOn: string, assignees: Record<string, string>[]): Promise<{ id: string; role: string }[]> {
    return (
      await system.http().post(`/api/incoming-documents/${document.id}/direction`).set(as('lanhdao')).send({ directive: 'Đề nghị xử lý', dueOn, assignees, version: document.version }).expect(201)
    ).body;
  }

  async function listen(username: string, baseUrl = system.baseUrl): Promise<Inbox> {
    const inbox: Inbox = { notifications: [], counts: [] };
    const socket = io(baseUrl, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: token[username] } });
    sockets.push(socket);
    socket.on('notification', (event) => inbox.notifications.push(event));
    socket.on('notification:count', (count) => inbox.counts.push(count.unread));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    return inbox;
  }

  const eventually = async (check: () => boolean) => {
    for (let attempt = 0; attempt < 250 && !check(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    return check();
  };

  const unreadOf = async (username: string) => (await system.http().get('/api/notifications/unread-count').set(as(username)).expect(200)).body.unread as number;

  /** The reminders stored for a document, as `username kind` lines. */
  async function remindersFor(documentId: string): Promise<string[]> {
    const rows = await system.query<{ username: string; kind: string }>(
      `SELECT u.username, n.kind FROM notification n JOIN "user" u ON u.id = n.user_id
        WHERE n.link = $1 AND n.dedupe_key IS NOT NULL ORDER BY u.username, n.created_at`,
      [`/incoming/${documentId}`],
    );
    return rows.map((row) => `${row.username} ${row.kind}`);
  }

  beforeAll(async () => {
    system = await createTestApp();
    // Monday 23 November 2026, 09:00 in Hà Nội
    setNow(vietnamTime('2026-11-23T09:00:00'));
    for (const username of ['vanthu', 'lanhdao', 'truongphong', 'chuyenvien', 'thuky']) token[username] = await system.login(username);
    for (const row of await system.query(`SELECT id, username FROM "user"`)) userId[row.username] = row.id;
    for (const row of await system.query(`SELECT id, code FROM unit`)) unitId[row.code] = row.id;
    const list = (await system.http().get('/api/document-registers?direction=incoming').set(as('vanthu')).expect(200)).body;
    registerId = list.find((register: { code: string }) => register.code === 'DEN').id;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await system.close();
  });

  it('stores a notification for a direction and pushes it with the unread count to every device', async () => {
    const phone = await listen('truongphong');
    const desktop = await listen('truongphong');
    const before = await unreadOf('truongphong');
    const document = await registerDocument('Về việc rà soát văn bản quy phạm pháp luật');
    await direct(document, '2026-12-04', [{ role: 'lead', unitId: unitId.PC }]);

    expect(await eventually(() => phone.notifications.length === 1 && desktop.counts.length === 1)).toBe(true);
    expect(phone.notifications[0]).toMatchObject({ kind: 'incoming.assigned', title: 'Văn bản được giao: Về việc rà soát văn bản quy phạm pháp luật', link: `/incoming/${document.id}` });
    expect(desktop.counts).toEqual([before + 1]);
    expect(await unreadOf('truongphong')).toBe(before + 1);

    const page = (await system.http().get('/api/notifications').set(as('truongphong')).expect(200)).body;
    expect(page.items[0]).toMatchObject({ id: phone.notifications[0].id, kind: 'incoming.assigned', readAt: null, link: `/incoming/${document.id}` });
    // nothing for the one who directed it
    expect((await system.http().get('/api/notifications').set(as('lanhdao')).expect(200)).body.items.some((item: { link: string }) => item.link === `/incoming/${document.id}`)).toBe(false);
  });

  it('marks one read (only one’s own), then all; every device follows the count', async () => {
    const document = await registerDocument('Về việc góp ý dự thảo Thông tư');
    setNow(vietnamTime('2026-11-23T10:00:00'));
    await direct(document, '2026-12-04', [{ role: 'lead', userId: userId.chuyenvien }]);
    setNow(vietnamTime('2026-11-23T10:05:00'));
    const other = await registerDocument('Về việc báo cáo công tác pháp chế năm 2026');
    await direct(other, '2026-12-04', [{ role: 'lead', userId: userId.chuyenvien }]);

    const newest = (await system.http().get('/api/notifications?limit=1').set(as('chuyenvien')).expect(200)).body;
    expect(newest.items).toHaveLength(1);
    expect(newest.items[0].title).toContain('báo cáo công tác pháp chế');
    expect(newest.nextCursor).toEqual(expect.any(String));
    const second = (await system.http().get(`/api/notifications?limit=1&cursor=${newest.nextCursor}`).set(as('chuyenvien')).expect(200)).body;
    expect(second.items[0].title).toContain('góp ý dự thảo Thông tư');
    await system.http().get('/api/notifications?cursor=not-a-cursor').set(as('chuyenvien')).expect(400);
    await system.http().get('/api/notifications?unread=maybe').set(as('chuyenvien')).expect(400);

    const devices = [await listen('chuyenvien'), await listen('chuyenvien')];
    const mine = newest.items[0].id;
    // another user's notification is answered as missing
    const foreign = await system.http().post(`/api/notifications/${mine}/read`).set(as('thuky')).expect(404);
    expect(foreign.body).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy thông báo.' });
    await system.http().post('/api/notifications/00000000-0000-4000-8000-000000000000/read').set(as('chuyenvien')).expect(404);

    const unread = await unreadOf('chuyenvien');
    expect(unread).toBeGreaterThanOrEqual(2);
    expect((await system.http().post(`/api/notifications/${mine}/read`).set(as('chuyenvien')).expect(200)).body).toEqual({ unread: unread - 1 });
    expect(await eventually(() => devices.every((device) => device.counts.includes(unread - 1)))).toBe(true);
    // reading it again changes nothing
    expect((await system.http().post(`/api/notifications/${mine}/read`).set(as('chuyenvien')).expect(200)).body).toEqual({ unread: unread - 1 });
    const unreadOnly = (await system.http().get('/api/notifications?unread=true').set(as('chuyenvien')).expect(200)).body.items;
    expect(unreadOnly.map((item: { id: string }) => item.id)).not.toContain(mine);
    expect(unreadOnly.every((item: { readAt: string | null }) => item.readAt === null)).toBe(true);

    expect((await system.http().post('/api/notifications/read-all').set(as('chuyenvien')).expect(200)).body).toEqual({ unread: 0 });
    expect(await eventually(() => devices.every((device) => device.counts.at(-1) === 0))).toBe(true);
    expect((await system.http().get('/api/notifications?unread=true').set(as('chuyenvien')).expect(200)).body.items).toEqual([]);
    expect((await system.http().get('/api/notifications').set(as('chuyenvien')).expect(200)).body.items[0].readAt).toBe('2026-11-23T03:05:00.000Z');
    await system.http().get('/api/notifications').expect(401);
  });

  it('reaches sockets on another replica, and a read there updates the badge here', async () => {
    const replica = await createTestApp({}, system);
    try {
      const there = await listen('thuky', replica.baseUrl);
      const here = await listen('thuky');
      const document = await registerDocument('Về việc chuẩn bị phòng họp giao ban');
      await direct(document, '2026-12-04', [{ role: 'lead', userId: userId.thuky }]);
      expect(await eventually(() => there.notifications.some((event) => event.link === `/incoming/${document.id}`))).toBe(true);
      // the count is a separate event, sent after the notification: it may cross the replicas a moment later
      expect(await eventually(() => (there.counts.at(-1) ?? 0) >= 1)).toBe(true);
      const id = there.notifications.find((event) => event.link === `/incoming/${document.id}`)!.id;
      const after = (await replica.http().post(`/api/notifications/${id}/read`).set(as('thuky')).expect(200)).body.unread;
      expect(await eventually(() => here.counts.at(-1) === after && here.counts.length >= 2)).toBe(true);
    } finally {
      for (const socket of sockets.splice(0)) socket.close();
      await replica.close();
    }
  });

  it('reminds of deadlines each working morning, once a day, to the right people', async () => {
    setNow(vietnamTime('2026-11-23T11:00:00'));
    // overdue by Thursday, for a person; the one only informed is not reminded
    const overdue = await registerDocument('Về việc báo cáo số liệu quý IV');
    await direct(overdue, '2026-11-25', [{ role: 'lead', userId: userId.chuyenvien }, { role: 'inform', userId: userId.vanthu }]);
    // due on Friday, the next working day after Thursday, for a unit: its head is reminded
    const dueSoon = await registerDocument('Về việc cử cán bộ tham gia tập huấn');
    await direct(dueSoon, '2026-11-27', [{ role: 'lead', unitId: unitId.PC }]);
    // overdue too, but done: no reminder
    const done = await registerDocument('Về việc xác nhận danh sách đại biểu');
    const [finished] = await direct(done, '2026-11-24', [{ role: 'lead', userId: userId.chuyenvien }]);
    await system.http().post(`/api/assignments/${finished.id}/completion`).set(as('chuyenvien')).send({ text: 'Đã xác nhận.' }).expect(204);
    // due next week: nothing yet
    const later = await registerDocument('Về việc chuẩn bị hội nghị tổng kết');
    await direct(later, '2026-12-04', [{ role: 'lead', userId: userId.thuky }]);

    const inbox = await listen('truongphong');
    const reminders = system.app.get(DeadlineReminders);
    // Thursday 26 November, 07:30
    setNow(vietnamTime('2026-11-26T07:30:00'));
    expect(await reminders.run()).toMatchObject({ date: '2026-11-26', workingDay: true });
    expect(await remindersFor(overdue.id)).toEqual(['chuyenvien incoming.overdue']);
    expect(await remindersFor(dueSoon.id)).toEqual(['truongphong incoming.due-soon']);
    expect(await remindersFor(done.id)).toEqual([]);
    expect(await remindersFor(later.id)).toEqual([]);
    const titles = await system.query<{ title: string }>(`SELECT title FROM notification WHERE dedupe_key IS NOT NULL ORDER BY title`);
    expect(titles.map((row) => row.title)).toEqual(['Quá hạn: Về việc báo cáo số liệu quý IV (hạn 25/11/2026)', 'Sắp đến hạn: Về việc cử cán bộ tham gia tập huấn (hạn 27/11/2026)']);
    expect(await eventually(() => inbox.notifications.some((event) => event.kind === 'incoming.due-soon' && event.link === `/incoming/${dueSoon.id}`))).toBe(true);

    // the job runs again the same day (a retry, a second replica): nobody is told twice
    setNow(vietnamTime('2026-11-26T09:45:00'));
    expect(await reminders.run()).toEqual({ date: '2026-11-26', workingDay: true, sent: 0 });
    expect(await remindersFor(overdue.id)).toHaveLength(1);

    // Saturday, and New Year's Day (a Friday holiday): no reminders at all
    setNow(vietnamTime('2026-11-28T07:30:00'));
    expect(await reminders.run()).toEqual({ date: '2026-11-28', workingDay: false, sent: 0 });
    setNow(vietnamTime('2027-01-01T07:30:00'));
    expect(await reminders.run()).toEqual({ date: '2027-01-01', workingDay: false, sent: 0 });
    expect(await remindersFor(overdue.id)).toHaveLength(1);

    // Friday 27: still overdue (told again, a new day), and the unit's part is due today
    setNow(vietnamTime('2026-11-27T07:30:00'));
    await reminders.run();
    expect(await remindersFor(overdue.id)).toEqual(['chuyenvien incoming.overdue', 'chuyenvien incoming.overdue']);
    expect(await remindersFor(dueSoon.id)).toEqual(['truongphong incoming.due-soon', 'truongphong incoming.due-today']);
    expect(await remindersFor(later.id)).toEqual([]);
  });

  it('purges read notifications after 90 days and any after a year', async () => {
    const [row] = await system.query<{ id: string }>(`SELECT id FROM notification WHERE read_at IS NOT NULL LIMIT 1`);
    const total = Number((await system.query(`SELECT count(*) AS n FROM notification`))[0].n);
    const purge = system.app.get(NotificationsPurge);
    setNow(vietnamTime('2027-02-20T03:00:00'));
    expect(await purge.purge()).toBe(0);
    // 91 days after it was read
    setNow(vietnamTime('2027-02-23T12:00:00'));
    expect(await purge.purge()).toBeGreaterThanOrEqual(1);
    expect(await system.query(`SELECT id FROM notification WHERE id = $1`, [row.id])).toEqual([]);
    setNow(vietnamTime('2027-11-30T12:00:00'));
    await purge.purge();
    expect(Number((await system.query(`SELECT count(*) AS n FROM notification`))[0].n)).toBeLessThan(total);
    expect(await system.query(`SELECT id FROM notification`)).toEqual([]);
  });
});
