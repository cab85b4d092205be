import { Clock } from '../../apps/api/src/platform/clock/clock';
import { OverdueEscalation } from '../../apps/api/src/tasks/escalation/overdue-escalation';
import { TaskRecurrencesService } from '../../apps/api/src/tasks/recurrence/task-recurrences.service';
import { IncomingFlow } from '../support/incoming-flow';
import { createTestApp, TestApp } from '../support/test-app';

describe('Tasks: escalation of late work, recurring tasks, the lists on the desk', () => {
  let system: TestApp;
  let flow: IncomingFlow;
  const setNow = (iso: string) => (system.app.get(Clock).now = () => new Date(iso));
  const as = (username: string) => flow.as(username);
  const bell = async (username: string, kinds: string[]) =>
    ((await system.query(`SELECT kind, title, link FROM notification WHERE user_id = $1 AND kind = ANY($2) ORDER BY created_at, kind DESC`, [flow.userId[username], kinds])) as { kind: string; title: string; link: string }[]);
  const escalated = ['task.overdue', 'incoming.escalated'];

  beforeAll(async () => {
    system = await createTestApp();
    // Wednesday 25 November 2026, 09:00 in Hà Nội
    setNow('2026-11-25T02:00:00Z');
    flow = await new IncomingFlow(system).init(['vanthu', 'lanhdao', 'truongphong', 'chuyenvien']);
  });
  afterAll(() => system.close());

  it('escalates an overdue task and an overdue document to the unit head and the leader on the first working day after the deadline, once per missed deadline', async () => {
    const escalation = system.app.get(OverdueEscalation);
    const late = (await system.http().post('/api/tasks').set(as('lanhdao')).send({ title: 'Báo cáo công tác phòng chống dịch', assigneeUserId: flow.userId.chuyenvien, deadline: '2026-11-27', priority: 'urgent' }).expect(201)).body;
    const done = (await system.http().post('/api/tasks').set(as('lanhdao')).send({ title: 'Góp ý dự thảo Luật', assigneeUnitId: flow.unitId.PC, deadline: '2026-11-27', priority: 'normal' }).expect(201)).body;
    await system.http().post(`/api/tasks/${done.id}/completion`).set(as('truongphong')).send({ note: 'Đã gửi góp ý.', version: done.version }).expect(201);
    const document = await flow.register({ subject: 'Về việc tăng cường tiêm chủng mở rộng' });
    await flow.direct(document, [{ role: 'lead', unitId: flow.unitId.PC }], '2026-11-27');

    // Friday 27, 08:00: the deadline is today — not late yet
    setNow('2026-11-27T01:00:00Z');
    expect(await escalation.run()).toEqual({ date: '2026-11-27', workingDay: true, sent: 0 });
    // Saturday: nobody is at work to act on it
    setNow('2026-11-28T01:00:00Z');
    expect(await escalation.run()).toEqual({ date: '2026-11-28', workingDay: false, sent: 0 });
    expect(await bell('truongphong', escalated)).toEqual([]);

    // Monday 30, 08:00: the unit head and the leader hear of both; the completed task is not late
    setNow('2026-11-30T01:00:00Z');
    expect((await escalation.run()).sent).toBe(4);
    const head = await bell('truongphong', escalated);
    const leader = await bell('lanhdao', escalated);
    for (const inbox of [head, leader])
      expect(inbox).toEqual([
        { kind: 'task.overdue', title: 'Nhiệm vụ quá hạn: Báo cáo công tác phòng chống dịch (hạn 27/11/2026, Trần Văn Minh)', link: `/tasks/${late.id}` },
        { kind: 'incoming.escalated', title: 'Văn bản quá hạn xử lý: Về việc tăng cường tiêm chủng mở rộng (hạn 27/11/2026, Vụ Pháp chế)', link: `/incoming/${document.id}` },
      ]);
    expect(await bell('chuyenvien', escalated)).toEqual([]);
    // a second run, or the next day, tells nobody again
    expect((await escalation.run()).sent).toBe(0);
    setNow('2026-12-01T01:00:00Z');
    expect((await escalation.run()).sent).toBe(0);

    // a later deadline granted and missed again is escalated again
    const current = (await system.http().get(`/api/tasks/${late.id}`).set(as('chuyenvien')).expect(200)).body;
    const asked = (await system.http().post(`/api/tasks/${late.id}/extension-request`).set(as('chuyenvien')).send({ deadline: '2026-12-02', reason: 'Chờ số liệu tuần này.', version: current.version }).expect(201)).body;
    await system.http().post(`/api/tasks/${late.id}/extension-decision`).set(as('lanhdao')).send({ approve: true, version: asked.version }).expect(201);
    setNow('2026-12-02T01:00:00Z');
    expect((await escalation.run()).sent).toBe(0);
    setNow('2026-12-03T01:00:00Z');
    expect((await escalation.run()).sent).toBe(2);
    expect((await bell('lanhdao', ['task.overdue'])).map((line) => line.title)).toEqual([
      'Nhiệm vụ quá hạn: Báo cáo công tác phòng chống dịch (hạn 27/11/2026, Trần Văn Minh)',
      'Nhiệm vụ quá hạn: Báo cáo công tác phòng chống dịch (hạn 02/12/2026, Trần Văn Minh)',
    ]);
  });

  it('gives a weekly task on its day, once, with its deadline, to the assignee’s desk', async () => {
    setNow('2026-11-25T02:00:00Z');
    const recurrences = system.app.get(TaskRecurrencesService);
    const recurrence = (await system.http().post('/api/task-recurrences').set(as('truongphong')).send({ title: 'Báo cáo tuần', assigneeUserId: flow.userId.chuyenvien, priority: 'normal', frequency: 'weekly', day: 1, dueInDays: 4 }).expect(201)).body;
    expect(recurrence).toMatchObject({ frequency: 'weekly', day: 1, nextOn: '2026-11-30', active: true });
    await system.http().post('/api/task-recurrences').set(as('truongphong')).send({ title: 'Báo cáo tuần', assigneeUserId: flow.userId.chuyenvien, priority: 'normal', frequency: 'weekly', day: 9, dueInDays: 4 }).expect(400);
    await system.http().post('/api/task-recurrences').set(as('chuyenvien')).send({ title: 'Báo cáo tuần', assigneeUserId: flow.userId.chuyenvien, priority: 'normal', frequency: 'weekly', day: 1, dueInDays: 4 }).expect(403);

    setNow('2026-11-28T23:00:00Z'); // Sunday 29, 06:00
    expect(await recurrences.run()).toBe(0);
    setNow('2026-11-29T23:00:00Z'); // Monday 30, 06:00
    expect(await recurrences.run()).toBe(1);
    expect(await recurrences.run()).toBe(0);
    const desk = (await system.http().get('/api/tasks?view=mine').set(as('chuyenvien')).expect(200)).body.items;
    const weekly = desk.filter((task: { title: string }) => task.title === 'Báo cáo tuần');
    expect(weekly).toEqual([expect.objectContaining({ deadline: '2026-12-04', assignedBy: expect.objectContaining({ id: flow.userId.truongphong }), state: 'assigned' })]);
    const [row] = await system.query(`SELECT recurrence_id, occurrence_on::text AS occurrence_on FROM task WHERE id = $1`, [weekly[0].id]);
    expect(row).toEqual({ recurrence_id: recurrence.id, occurrence_on: '2026-11-30' });
    expect((await system.http().get('/api/task-recurrences').set(as('truongphong')).expect(200)).body[0]).toMatchObject({ nextOn: '2026-12-07' });

    // stopped, it gives no more
    await system.http().post(`/api/task-recurrences/${recurrence.id}/stop`).set(as('lanhdao')).expect(403);
    await system.http().post(`/api/task-recurrences/${recurrence.id}/stop`).set(as('truongphong')).expect(201);
    setNow('2026-12-06T23:00:00Z');
    expect(await recurrences.run()).toBe(0);
  });

  it('keeps the lists and their badges: mine, given, to review, the unit’s', async () => {
    setNow('2026-12-03T02:00:00Z');
    const counts = (await system.http().get('/api/tasks/counts').set(as('chuyenvien')).expect(200)).body;
    const mine = (await system.http().get('/api/tasks?view=mine').set(as('chuyenvien')).expect(200)).body.items;
    expect(counts.mine).toBe(mine.length);
    expect(counts.mine_overdue).toBe(mine.filter((task: { overdue: boolean }) => task.overdue).length);
    expect(counts.mine_overdue).toBeGreaterThan(0);
    const given = (await system.http().get('/api/tasks?view=given&limit=1').set(as('lanhdao')).expect(200)).body;
    expect(given.items).toHaveLength(1);
    const next = (await system.http().get(`/api/tasks?view=given&limit=1&cursor=${given.nextCursor}`).set(as('lanhdao')).expect(200)).body;
    expect(next.items[0].id).not.toBe(given.items[0].id);
    await system.http().get(`/api/tasks?view=mine&cursor=${given.nextCursor}`).set(as('lanhdao')).expect(400);
    const toReview = (await system.http().get('/api/tasks?view=to_review').set(as('lanhdao')).expect(200)).body.items;
    expect(toReview.map((task: { title: string }) => task.title)).toEqual(['Góp ý dự thảo Luật']);
    const unit = (await system.http().get('/api/tasks?view=unit').set(as('truongphong')).expect(200)).body.items;
    expect(unit.map((task: { title: string }) => task.title).sort()).toEqual(['Báo cáo công tác phòng chống dịch', 'Báo cáo tuần', 'Góp ý dự thảo Luật']);
    expect((await system.http().get('/api/tasks?view=unit').set(as('chuyenvien')).expect(200)).body.items).toEqual([]);
  });
});
