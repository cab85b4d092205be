import { DataSource } from 'typeorm';
import { samplePdf } from '../../apps/api/src/files/testing/sample-files';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { TasksService } from '../../apps/api/src/tasks/tasks.service';
import { incomingKit } from '../support/incoming-documents';
import { createTestApp, TestApp } from '../support/test-app';

describe('Tasks: giving, progress, extension, completion, acceptance and send-back', () => {
  let system: TestApp;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const unitId: Record<string, string> = {};
  const as = (username: string) => ({ Authorization: `Bearer ${token[username]}` });
  const inbox = async (username: string) => (await system.query(`SELECT kind, title, link FROM notification WHERE user_id = $1 ORDER BY created_at, id`, [userId[username]])) as { kind: string; title: string; link: string }[];

  beforeAll(async () => {
    system = await createTestApp();
    // Wednesday 25 November 2026, 09:00 in Hà Nội
    system.app.get(Clock).now = () => new Date('2026-11-25T02:00:00Z');
    for (const username of ['lanhdao', 'truongphong', 'chuyenvien', 'vanthu', 'thuky']) token[username] = await system.login(username);
    for (const row of await system.query(`SELECT id, username FROM "user"`)) userId[row.username] = row.id;
    for (const row of await system.query(`SELECT id, code FROM unit`)) unitId[row.code] = row.id;
  });
  afterAll(() => system.close());

  const give = (username: string, body: Record<string, unknown>) => system.http().post('/api/tasks').set(as(username)).send(body);

  it('runs the whole lifecycle with an extension refused, one approved, a send-back and the acceptance', async () => {
    const given = await give('lanhdao', { title: 'Báo cáo tình hình triển khai Đề án 06', description: 'Số liệu đến hết tháng 11.', assigneeUserId: userId.chuyenvien, deadline: '2026-12-04', priority: 'high' }).expect(201);
    const task = given.body;
    expect(task).toMatchObject({ state: 'assigned', percent: 0, deadline: '2026-12-04', priority: 'high', overdue: false, assigneeUser: { id: userId.chuyenvien }, assignedBy: { id: userId.lanhdao } });
    expect(task.can).toEqual({ report: false, requestExtension: false, decideExtension: false, complete: false, review: false });
    expect(await inbox('chuyenvien')).toContainEqual({ kind: 'task.assigned', title: 'Nhiệm vụ mới: Báo cáo tình hình triển khai Đề án 06', link: `/tasks/${task.id}` });

    // someone outside sees nothing; the giver cannot report for the assignee
    await system.http().get(`/api/tasks/${task.id}`).set(as('vanthu')).expect(403);
    await system.http().post(`/api/tasks/${task.id}/progress`).set(as('lanhdao')).send({ percent: 10, version: task.version }).expect(403);

    // progress with a note and a file
    const file = (await system.http().post('/api/files').set(as('chuyenvien')).attach('file', samplePdf(), 'số liệu.pdf').expect(201)).body.id;
    const progressed = (await system.http().post(`/api/tasks/${task.id}/progress`).set(as('chuyenvien')).send({ percent: 40, note: 'Đã tổng hợp 3/8 đơn vị.', fileIds: [file], version: task.version }).expect(201)).body;
    expect(progressed).toMatchObject({ state: 'in_progress', percent: 40 });
    const progressLine = progressed.events.find((event: { kind: string }) => event.kind === 'progress');
    expect(progressLine).toMatchObject({ percent: 40, note: 'Đã tổng hợp 3/8 đơn vị.', actor: { id: userId.chuyenvien }, files: [{ id: file, originalName: 'số liệu.pdf' }] });
    // the giver reads the file through the task; a stale version is refused
    await system.http().get(`/api/tasks/${task.id}/files/${file}/content`).set(as('lanhdao')).expect(200);
    await system.http().post(`/api/tasks/${task.id}/progress`).set(as('chuyenvien')).send({ percent: 50, version: task.version }).expect(409);
    // a file already reported cannot be attached a second time
    await system.http().post(`/api/tasks/${task.id}/progress`).set(as('chuyenvien')).send({ percent: 50, fileIds: [file], version: progressed.version }).expect(409);

    // extension: an earlier date is refused; a request waits; a second one is refused while it waits
    await system.http().post(`/api/tasks/${task.id}/extension-request`).set(as('chuyenvien')).send({ deadline: '2026-12-01', reason: 'Chờ số liệu của các Sở.', version: progressed.version }).expect(400);
    const asked = (await system.http().post(`/api/tasks/${task.id}/extension-request`).set(as('chuyenvien')).send({ deadline: '2026-12-11', reason: 'Chờ số liệu của các Sở.', version: progressed.version }).expect(201)).body;
    expect(asked.extensionPending).toBe(true);
    await system.http().post(`/api/tasks/${task.id}/extension-request`).set(as('chuyenvien')).send({ deadline: '2026-12-12', reason: 'Chờ số liệu của các Sở.', version: asked.version }).expect(409);
    expect(await inbox('lanhdao')).toContainEqual(expect.objectContaining({ kind: 'task.extension', title: 'Xin gia hạn: Báo cáo tình hình triển khai Đề án 06' }));
    // only the giver answers; a refusal needs its reason
    await system.http().post(`/api/tasks/${task.id}/extension-decision`).set(as('chuyenvien')).send({ approve: true, version: asked.version }).expect(403);
    await system.http().post(`/api/tasks/${task.id}/extension-decision`).set(as('lanhdao')).send({ approve: false, version: asked.version }).expect(400);
    const refused = (await system.http().post(`/api/tasks/${task.id}/extension-decision`).set(as('lanhdao')).send({ approve: false, note: 'Cần báo cáo đúng hạn.', version: asked.version }).expect(201)).body;
    expect(refused).toMatchObject({ deadline: '2026-12-04', extensionPending: false });
    expect(refused.extensions).toEqual([expect.objectContaining({ state: 'refused', requestedDeadline: '2026-12-11', currentDeadline: '2026-12-04', decisionNote: 'Cần báo cáo đúng hạn.', decidedBy: { id: userId.lanhdao, fullName: expect.any(String) } })]);
    const askedAgain = (await system.http().post(`/api/tasks/${task.id}/extension-request`).set(as('chuyenvien')).send({ deadline: '2026-12-08', reason: 'Hai Sở chưa gửi số liệu.', version: refused.version }).expect(201)).body;
    const approved = (await system.http().post(`/api/tasks/${task.id}/extension-decision`).set(as('lanhdao')).send({ approve: true, version: askedAgain.version }).expect(201)).body;
    expect(approved).toMatchObject({ deadline: '2026-12-08', originalDeadline: '2026-12-04' });
    expect(await inbox('chuyenvien')).toContainEqual(expect.objectContaining({ kind: 'task.extension', title: 'Đồng ý gia hạn: Báo cáo tình hình triển khai Đề án 06' }));

    // completion; the giver cannot accept before it, sends it back with a reason, then accepts
    await system.http().post(`/api/tasks/${task.id}/review`).set(as('lanhdao')).send({ accept: true, version: approved.version }).expect(409);
    const completed = (await system.http().post(`/api/tasks/${task.id}/completion`).set(as('chuyenvien')).send({ note: 'Đã gửi báo cáo.', version: approved.version }).expect(201)).body;
    expect(completed).toMatchObject({ state: 'completed', percent: 100 });
    await system.http().post(`/api/tasks/${task.id}/review`).set(as('chuyenvien')).send({ accept: true, version: completed.version }).expect(403);
    await system.http().post(`/api/tasks/${task.id}/review`).set(as('lanhdao')).send({ accept: false, version: completed.version }).expect(400);
    const sentBack = (await system.http().post(`/api/tasks/${task.id}/review`).set(as('lanhdao')).send({ accept: false, note: 'Bổ sung số liệu của Sở Y tế Hà Nội.', version: completed.version }).expect(201)).body;
    expect(sentBack).toMatchObject({ state: 'in_progress', completedAt: null });
    expect(await inbox('chuyenvien')).toContainEqual(expect.objectContaining({ title: 'Nhiệm vụ bị trả lại: Báo cáo tình hình triển khai Đề án 06' }));
    const again = (await system.http().post(`/api/tasks/${task.id}/completion`).set(as('chuyenvien')).send({ note: 'Đã bổ sung.', version: sentBack.version }).expect(201)).body;
    const accepted = (await system.http().post(`/api/tasks/${task.id}/review`).set(as('lanhdao')).send({ accept: true, note: 'Tốt.', version: again.version }).expect(201)).body;
    expect(accepted).toMatchObject({ state: 'accepted', acceptedAt: expect.any(String) });
    expect(accepted.events.map((event: { kind: string }) => event.kind)).toEqual([
      'given', 'progress', 'extension_requested', 'extension_refused', 'extension_requested', 'extension_approved', 'completed', 'sent_back', 'completed', 'accepted',
    ]);
    const audit = await system.query(`SELECT action FROM audit_entry WHERE entity_type = 'task' AND entity_id = $1 ORDER BY sequence`, [task.id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'task.give', 'task.progress', 'task.extension.request', 'task.extension.refuse', 'task.extension.request', 'task.extension.approve', 'task.complete', 'task.send_back', 'task.complete', 'task.accept',
    ]);
  });

  it('lets a unit head give tasks within the unit only, refuses bad input with the field, and an officer gives none', async () => {
    await give('truongphong', { title: 'Rà soát văn bản QPPL', assigneeUserId: userId.chuyenvien, deadline: '2026-12-10', priority: 'normal' }).expect(201);
    await give('truongphong', { title: 'Rà soát văn bản QPPL', assigneeUnitId: unitId.TCCB, deadline: '2026-12-10', priority: 'normal' }).expect(403);
    await give('chuyenvien', { title: 'Rà soát', assigneeUnitId: unitId.PC, deadline: '2026-12-10', priority: 'normal' }).expect(403);
    const past = await give('lanhdao', { title: 'Rà soát', assigneeUnitId: unitId.PC, deadline: '2026-11-24', priority: 'normal' }).expect(400);
    expect(past.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'deadline' }] });
    expect(past.body.message).toMatch(/quá khứ/);
    const both = await give('lanhdao', { title: 'Rà soát', assigneeUnitId: unitId.PC, assigneeUserId: userId.chuyenvien, deadline: '2026-12-10', priority: 'normal' }).expect(400);
    expect(both.body.details).toEqual([{ field: 'assigneeUnitId' }]);
    await give('lanhdao', { title: 'Rà soát', assigneeUnitId: '00000000-0000-4000-8000-000000000000', deadline: '2026-12-10', priority: 'normal' }).expect(400);
    await give('lanhdao', { title: 'Rà soát', assigneeUnitId: unitId.PC, deadline: '2026-12-10', priority: 'top' }).expect(400);
  });

  it('gives a unit task that its members carry, and takes a meeting conclusion from another context in its transaction', async () => {
    const unitTask = (await give('lanhdao', { title: 'Xây dựng kế hoạch năm 2027', assigneeUnitId: unitId.PC, deadline: '2026-12-20', priority: 'urgent' }).expect(201)).body;
    expect(await inbox('truongphong')).toContainEqual(expect.objectContaining({ title: 'Nhiệm vụ mới: Xây dựng kế hoạch năm 2027' }));
    await system.http().post(`/api/tasks/${unitTask.id}/progress`).set(as('chuyenvien')).send({ percent: 20, version: unitTask.version }).expect(201);

    // the meetings context: the secretary records the chair's conclusion as a task, in its own transaction
    const tasks = system.app.get(TasksService);
    const secretary = { id: userId.thuky, username: 'thuky', fullName: 'Đỗ Thị Mai', unitId: unitId['VP.HC'], roles: ['meeting_secretary', 'officer'] as any, permissions: [] as any, sessionId: 'test' };
    const meetingId = '6f1c1c52-6d5e-4b8e-9d55-2a8f3f0f0b11';
    const fromMeeting = await system.app.get(DataSource).transaction((manager) =>
      tasks.giveTask(secretary, { title: 'Hoàn thiện dự thảo Thông tư', assigneeUnitId: unitId.PC, deadline: '2026-12-15', priority: 'normal', source: { kind: 'meeting_conclusion', id: meetingId } }, manager),
    );
    expect(fromMeeting).toMatchObject({ source: { kind: 'meeting_conclusion', id: meetingId }, assignedBy: { id: userId.thuky } });
    // without a meeting behind it the same person may not give tasks
    await expect(tasks.giveTask(secretary, { title: 'Việc riêng', assigneeUnitId: unitId.PC, deadline: '2026-12-15', priority: 'normal' })).rejects.toMatchObject({ status: 403 });
  });

  it('lists the tasks given from an incoming document, to each reader only those they may see', async () => {
    const document = await (await incomingKit(system, token.vanthu)).register(samplePdf(), 'công văn.pdf', { subject: 'Về việc tổng kết công tác năm 2026' });
    const source = { kind: 'incoming_document', id: document.id };
    const toOfficer = (await give('lanhdao', { title: 'Dự thảo báo cáo tổng kết', assigneeUserId: userId.chuyenvien, deadline: '2026-12-18', priority: 'normal', source }).expect(201)).body;
    const toUnit = (await give('lanhdao', { title: 'Tổng hợp số liệu của đơn vị', assigneeUnitId: unitId['VP.HC'], deadline: '2026-12-11', priority: 'high', source }).expect(201)).body;
    // a task without that source stays out of the list
    await give('lanhdao', { title: 'Việc khác', assigneeUserId: userId.chuyenvien, deadline: '2026-12-12', priority: 'normal' }).expect(201);

    const bySource = (username: string, extra = '') =>
      system.http().get(`/api/tasks?source=incoming_document&sourceId=${document.id}${extra}`).set(as(username)).expect(200);
    // the giver sees both, the nearest deadline first
    expect((await bySource('lanhdao')).body.items.map((task: { id: string }) => task.id)).toEqual([toUnit.id, toOfficer.id]);
    // the officer sees the one given to them; a view narrows the list further
    expect((await bySource('chuyenvien')).body.items.map((task: { id: string }) => task.id)).toEqual([toOfficer.id]);
    expect((await bySource('chuyenvien', '&view=given')).body.items).toEqual([]);
    expect((await bySource('lanhdao', '&limit=1')).body).toMatchObject({ items: [{ id: toUnit.id, source }], nextCursor: expect.any(String) });
    // half a source, or a source that is not a kind, is a 400 with the field
    const half = await system.http().get(`/api/tasks?source=incoming_document`).set(as('lanhdao')).expect(400);
    expect(half.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'sourceId' }] });
    await system.http().get(`/api/tasks?source=letter&sourceId=${document.id}`).set(as('lanhdao')).expect(400);
  });
});
