import { Workbook } from 'exceljs';
import { io, Socket } from 'socket.io-client';
import type { Response } from 'superagent';
import { DashboardRefresh } from '../../apps/api/src/dashboard/dashboard-refresh';
import { openPdf } from '../../apps/api/src/files/pdf/pdfjs';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { IncomingFlow } from '../support/incoming-flow';
import { draftReadyToSign } from '../support/outgoing-flow';
import { createTestApp, TestApp } from '../support/test-app';

const PASSPHRASE = 'KySo@2026';

/** Collects a download as bytes. */
const bytes = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

interface SeededDocument {
  id: string;
  arrivedAt: string;
  axis: boolean;
  confidential: boolean;
  /** units holding open work on it, and its deadline */
  openIn: string[];
  dueOn: string | null;
  completedAt?: string;
}
interface SeededTask {
  id: string;
  unit: string;
  person: string | null;
  state: 'assigned' | 'in_progress' | 'completed' | 'accepted';
  deadline: string;
  acceptedOn?: string;
  onTime?: boolean;
}

/**
 * The dashboard against rows the test itself seeded through the API, each figure compared with
 * a count the test makes from its own list of what it seeded (never from the aggregates).
 */
describe('The leader’s dashboard and the e-government figures', () => {
  let system: TestApp;
  let flow: IncomingFlow;
  const sockets: Socket[] = [];
  const documents: SeededDocument[] = [];
  const tasks: SeededTask[] = [];
  const issued: { id: string; dispatched: boolean; confidential: boolean }[] = [];
  const decisions: { kind: string; id: string }[] = [];
  const setNow = (iso: string) => (system.app.get(Clock).now = () => new Date(iso));
  const as = (username: string) => flow.as(username);
  const get = async (path: string, username = 'lanhdao') => (await system.http().get(path).set(as(username)).expect(200)).body;
  const count = <T>(rows: T[], test: (row: T) => boolean) => rows.filter(test).length;

  async function register(arrivedAt: string, options: { axis?: boolean; confidential?: boolean; subject: string }) {
    const document = await flow.register({ arrivedAt, receivedVia: options.axis ? 'axis' : 'paper', confidentiality: options.confidential ? 'confidential' : 'normal', subject: options.subject, ...(options.confidential ? { registerId: flow.registers['DEN-MAT'] ?? flow.registers.DEN } : {}) });
    return document;
  }

  async function giveTask(body: Record<string, unknown>, giver = 'lanhdao') {
    return (await system.http().post('/api/tasks').set(as(giver)).send({ priority: 'normal', ...body }).expect(201)).body;
  }
  const taskStep = async (id: string, step: string, username: string, body: Record<string, unknown>) => {
    const { version } = await get(`/api/tasks/${id}`, username);
    return (await system.http().post(`/api/tasks/${id}/${step}`).set(as(username)).send({ ...body, version }).expect(201)).body;
  };

  beforeAll(async () => {
    system = await createTestApp();
    // Wednesday 25 November 2026, 09:00 in Hà Nội: everything is given and directed today
    setNow('2026-11-25T02:00:00Z');
    flow = await new IncomingFlow(system).init(['vanthu', 'lanhdao', 'truongphong', 'chuyenvien', 'thuky']);
    const { PC, TCCB } = flow.unitId;

    // incoming: this week over the axis, overdue by Friday, held by Vụ Pháp chế
    const a = await register('2026-11-23T03:00:00Z', { axis: true, subject: 'Về việc báo cáo dịch sốt xuất huyết' });
    await flow.direct(a, [{ role: 'lead', unitId: PC }], '2026-11-26');
    documents.push({ id: a.id, arrivedAt: '2026-11-23', axis: true, confidential: false, openIn: [PC], dueOn: '2026-11-26' });
    // this week on paper, due soon, led by TCCB with Vụ Pháp chế supporting
    const b = await register('2026-11-24T03:00:00Z', { subject: 'Về việc tuyển dụng viên chức' });
    await flow.direct(b, [{ role: 'lead', unitId: TCCB }, { role: 'support', unitId: PC }], '2026-12-01');
    documents.push({ id: b.id, arrivedAt: '2026-11-24', axis: false, confidential: false, openIn: [TCCB, PC], dueOn: '2026-12-01' });
    // this year, confidential, given to an officer of Vụ Pháp chế (counts for the unit)
    const c = await register('2026-10-05T03:00:00Z', { confidential: true, subject: 'Về việc bảo vệ bí mật nhà nước' });
    await flow.direct(c, [{ role: 'lead', userId: flow.userId.chuyenvien }], '2026-12-20');
    documents.push({ id: c.id, arrivedAt: '2026-10-05', axis: false, confidential: true, openIn: [PC], dueOn: '2026-12-20' });
    // June, over the axis, completed today: its processing time counts in Q4
    const e = await register('2026-06-10T03:00:00Z', { axis: true, subject: 'Về việc kiểm tra an toàn thực phẩm' });
    const [lead] = await flow.direct(e, [{ role: 'lead', userId: flow.userId.chuyenvien }]);
    await flow.complete(lead.id, 'chuyenvien');
    documents.push({ id: e.id, arrivedAt: '2026-06-10', axis: true, confidential: false, openIn: [], dueOn: null, completedAt: '2026-11-25T02:00:00Z' });
    // last year: not this year's
    const f = await register('2025-12-20T03:00:00Z', { subject: 'Về việc tổng kết năm 2025' });
    documents.push({ id: f.id, arrivedAt: '2025-12-20', axis: false, confidential: false, openIn: [], dueOn: null });
    // submitted to the leader, not directed yet: waiting for the leader's decision
    const d = await register('2026-11-25T02:00:00Z', { subject: 'Về việc xin ý kiến chỉ đạo' });
    await flow.submit(d);
    documents.push({ id: d.id, arrivedAt: '2026-11-25', axis: false, confidential: false, openIn: [], dueOn: null });
    decisions.push({ kind: 'direct', id: d.id });

    // outgoing: one issued and dispatched, one issued only, one waiting for the signature, one for the approval
    const actors = { token: flow.token, userId: flow.userId };
    const registers: Record<string, string> = {};
    for (const row of await system.query(`SELECT id, code FROM document_register WHERE direction = 'outgoing'`)) registers[row.code] = row.id;
    // the demo signing keys are valid from the moment they were made: sign in real time, then date the issuance on Wednesday 25
    system.app.get(Clock).now = () => new Date();
    for (const dispatch of [true, false]) {
      const ready = await draftReadyToSign(system, actors, dispatch ? { recipientUnitIds: [flow.unitId['VP.HC']] } : {});
      const signed = (await system.http().post(`/api/outgoing-documents/${ready.id}/signature`).set(as('lanhdao')).send({ passphrase: PASSPHRASE, version: ready.version }).expect(201)).body;
      const done = (await system.http().post(`/api/outgoing-documents/${ready.id}/issuance`).set(as('vanthu')).send({ registerId: registers.DI, passphrase: PASSPHRASE, version: signed.version }).expect(201)).body;
      if (dispatch) await system.http().post(`/api/outgoing-documents/${ready.id}/dispatch`).set(as('vanthu')).send({ version: done.version }).expect(201);
      issued.push({ id: ready.id, dispatched: dispatch, confidential: false });
      await system.query(`UPDATE outgoing_document SET issued_on = '2026-11-25', issued_at = '2026-11-25T02:00:00Z' WHERE id = $1`, [ready.id]);
    }
    setNow('2026-11-25T02:00:00Z');
    const toSign = await draftReadyToSign(system, actors);
    decisions.push({ kind: 'sign', id: toSign.id });
    const draft = (await system.http().post('/api/outgoing-documents').set(as('chuyenvien')).send({ documentType: 'decision', subject: 'Quyết định chờ duyệt', urgency: 'normal', confidentiality: 'normal', signerId: flow.userId.lanhdao, mainFileId: await flow.upload('chuyenvien') }).expect(201)).body;
    await system.http().put(`/api/outgoing-documents/${draft.id}/review-chain`).set(as('chuyenvien')).send({ steps: [{ kind: 'form_check', reviewerId: flow.userId.vanthu }, { kind: 'approve', reviewerId: flow.userId.lanhdao }], version: draft.version }).expect(204);
    await system.http().post(`/api/outgoing-documents/${draft.id}/submission`).set(as('chuyenvien')).send({ version: draft.version + 1 }).expect(204);
    const { version } = await get(`/api/outgoing-documents/${draft.id}`, 'vanthu');
    await system.http().post(`/api/outgoing-documents/${draft.id}/decisions`).set(as('vanthu')).send({ decision: 'approve', version }).expect(204);
    decisions.push({ kind: 'approve', id: draft.id });

    // tasks
    const t1 = await giveTask({ title: 'Báo cáo nhanh dịch bệnh', assigneeUserId: flow.userId.chuyenvien, deadline: '2026-11-26' });
    tasks.push({ id: t1.id, unit: PC, person: flow.userId.chuyenvien, state: 'assigned', deadline: '2026-11-26' });
    const t2 = await giveTask({ title: 'Xây dựng kế hoạch 2027', assigneeUnitId: PC, deadline: '2026-12-10' });
    await taskStep(t2.id, 'progress', 'truongphong', { percent: 30 });
    tasks.push({ id: t2.id, unit: PC, person: null, state: 'in_progress', deadline: '2026-12-10' });
    const t3 = await giveTask({ title: 'Rà soát quy chế', assigneeUserId: flow.userId.chuyenvien, deadline: '2026-11-30' });
    await taskStep(t3.id, 'completion', 'chuyenvien', {});
    await taskStep(t3.id, 'review', 'lanhdao', { accept: true });
    tasks.push({ id: t3.id, unit: PC, person: flow.userId.chuyenvien, state: 'accepted', deadline: '2026-11-30', acceptedOn: '2026-11-25', onTime: true });
    const t4 = await giveTask({ title: 'Chuẩn bị hội nghị', assigneeUnitId: flow.unitId['VP.HC'], deadline: '2026-11-26' });
    tasks.push({ id: t4.id, unit: flow.unitId['VP.HC'], person: null, state: 'accepted', deadline: '2026-11-26', acceptedOn: '2026-11-27', onTime: false });
    const t5 = await giveTask({ title: 'Tổng hợp ý kiến góp ý', assigneeUserId: flow.userId.chuyenvien, deadline: '2026-12-01' });
    await taskStep(t5.id, 'extension-request', 'chuyenvien', { deadline: '2026-12-08', reason: 'Chờ ý kiến các Vụ.' });
    tasks.push({ id: t5.id, unit: PC, person: flow.userId.chuyenvien, state: 'assigned', deadline: '2026-12-01' });
    decisions.push({ kind: 'task_extension', id: t5.id });
    const t6 = await giveTask({ title: 'Dự thảo tờ trình', assigneeUserId: flow.userId.chuyenvien, deadline: '2026-12-04' });
    await taskStep(t6.id, 'completion', 'chuyenvien', {});
    tasks.push({ id: t6.id, unit: PC, person: flow.userId.chuyenvien, state: 'completed', deadline: '2026-12-04' });
    decisions.push({ kind: 'task_acceptance', id: t6.id });

    // Friday 27 November, 09:00: a day late, the hall's conference task is completed and accepted
    setNow('2026-11-27T02:00:00Z');
    await taskStep(t4.id, 'completion', 'thuky', {});
    await taskStep(t4.id, 'review', 'lanhdao', { accept: true });
    await system.app.get(DashboardRefresh).refresh();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await system.close();
  });

  it('counts documents received and issued this week and this year', async () => {
    const overview = await get('/api/dashboard/overview');
    const today = '2026-11-27';
    expect(overview.documents).toEqual({
      receivedThisWeek: count(documents, (row) => row.arrivedAt >= '2026-11-23' && row.arrivedAt <= today),
      receivedThisYear: count(documents, (row) => row.arrivedAt >= '2026-01-01' && row.arrivedAt <= today),
      // both were issued on Wednesday 25
      issuedThisWeek: issued.length,
      issuedThisYear: issued.length,
      weekStart: '2026-11-23',
      yearStart: '2026-01-01',
    });
    expect(overview.documents.receivedThisWeek).toBe(3);
    expect(overview.refreshedAt).toBe('2026-11-27T02:00:00.000Z');
  });

  it('counts open work, due soon and overdue by unit — and each figure is the length of the list it links to', async () => {
    const overview = await get('/api/dashboard/overview');
    // Friday 27: due soon runs to Wednesday 2 December (three working days)
    const soonUntil = '2026-12-02';
    for (const [code, unitId] of Object.entries(flow.unitId)) {
      const held = documents.filter((row) => row.openIn.includes(unitId));
      const figure = overview.openWorkByUnit.find((row: { unit: { id: string } }) => row.unit.id === unitId);
      expect({ code, ...figure }).toEqual({
        code,
        unit: { id: unitId, name: expect.any(String) },
        inProgress: held.length,
        dueSoon: count(held, (row) => row.dueOn !== null && row.dueOn >= '2026-11-27' && row.dueOn <= soonUntil),
        overdue: count(held, (row) => row.dueOn !== null && row.dueOn < '2026-11-27'),
      });
      // the click-through: the leader's list of that unit's overdue (or due-soon) documents
      for (const view of ['overdue', 'due_soon'] as const) {
        const listed = (await get(`/api/incoming-documents?view=${view}&unitId=${unitId}`)).items.map((item: { id: string }) => item.id);
        expect({ code, view, count: listed.length }).toEqual({ code, view, count: figure[view === 'overdue' ? 'overdue' : 'dueSoon'] });
      }
    }
    const pc = overview.openWorkByUnit.find((row: { unit: { id: string } }) => row.unit.id === flow.unitId.PC);
    expect(pc).toMatchObject({ inProgress: 3, dueSoon: 1, overdue: 1 });
    expect((await get(`/api/incoming-documents?view=overdue&unitId=${flow.unitId.PC}`)).items.map((item: { id: string }) => item.id)).toEqual([documents[0].id]);
    await system.http().get('/api/incoming-documents?unitId=not-a-uuid').set(as('lanhdao')).expect(400);
  });

  it('counts tasks by state and by unit, overdue ones too', async () => {
    const overview = await get('/api/dashboard/overview');
    const open = (row: SeededTask) => row.state === 'assigned' || row.state === 'in_progress';
    const late = (row: SeededTask) => open(row) && row.deadline < '2026-11-27';
    expect(overview.tasksByState).toEqual({
      assigned: count(tasks, (row) => row.state === 'assigned'),
      in_progress: count(tasks, (row) => row.state === 'in_progress'),
      completed: count(tasks, (row) => row.state === 'completed'),
      accepted: count(tasks, (row) => row.state === 'accepted'),
      overdue: count(tasks, late),
    });
    const units = [...new Set(tasks.map((row) => row.unit))];
    expect(overview.tasksByUnit.map((row: { unit: { id: string } }) => row.unit.id).sort()).toEqual(units.sort());
    for (const unit of units) {
      const mine = tasks.filter((row) => row.unit === unit);
      expect(overview.tasksByUnit.find((row: { unit: { id: string } }) => row.unit.id === unit)).toEqual({
        unit: { id: unit, name: expect.any(String) },
        assigned: count(mine, (row) => row.state === 'assigned'),
        inProgress: count(mine, (row) => row.state === 'in_progress'),
        completed: count(mine, (row) => row.state === 'completed'),
        accepted: count(mine, (row) => row.state === 'accepted'),
        overdue: count(mine, late),
      });
    }
  });

  it('gives the on-time completion rate by unit and by person', async () => {
    const completion = await get('/api/dashboard/completion?from=2026-11-01&to=2026-11-30');
    const accepted = tasks.filter((row) => row.state === 'accepted');
    for (const unit of new Set(accepted.map((row) => row.unit))) {
      const mine = accepted.filter((row) => row.unit === unit);
      const onTime = count(mine, (row) => row.onTime === true);
      expect(completion.byUnit.find((row: { unit: { id: string } }) => row.unit.id === unit)).toEqual({ unit: { id: unit, name: expect.any(String) }, accepted: mine.length, onTime, rate: onTime / mine.length });
    }
    const people = accepted.filter((row) => row.person);
    expect(completion.byPerson).toEqual(
      [...new Set(people.map((row) => row.person))].map((person) => {
        const mine = people.filter((row) => row.person === person);
        const onTime = count(mine, (row) => row.onTime === true);
        return { person: { id: person, fullName: expect.any(String) }, unit: expect.objectContaining({ id: mine[0].unit }), accepted: mine.length, onTime, rate: onTime / mine.length };
      }),
    );
    // a period before any acceptance is empty
    expect(await get('/api/dashboard/completion?from=2026-11-01&to=2026-11-24')).toMatchObject({ byUnit: [], byPerson: [] });
  });

  it('lists everything waiting for this leader', async () => {
    const waiting = await get('/api/dashboard/decisions');
    expect(waiting.map((row: { kind: string; id: string }) => ({ kind: row.kind, id: row.id })).sort((x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id))).toEqual(
      [...decisions].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect(waiting.find((row: { kind: string }) => row.kind === 'task_extension')).toMatchObject({ link: `/tasks/${tasks[4].id}`, deadline: '2026-12-08' });
    // the dashboard is the leaders'
    await system.http().get('/api/dashboard/overview').set(as('chuyenvien')).expect(403);
    await system.http().get('/api/dashboard/decisions').set(as('truongphong')).expect(403);
  });

  it('computes the e-government figures of a reporting quarter, secret documents left out', async () => {
    const inQuarter = (date: string, from: string, to: string) => date >= from && date <= to;
    for (const [year, quarter, from, to] of [
      [2026, 4, '2026-09-15', '2026-12-14'],
      [2026, 2, '2026-03-15', '2026-06-14'],
      [2026, 1, '2025-12-15', '2026-03-14'],
    ] as const) {
      const figures = await get(`/api/dashboard/e-government?year=${year}&quarter=${quarter}`);
      const incoming = documents.filter((row) => !row.confidential && inQuarter(row.arrivedAt, from, to));
      const outgoing = inQuarter('2026-11-25', from, to) ? issued.filter((row) => !row.confidential) : [];
      const electronicIn = count(incoming, (row) => row.axis);
      const electronicOut = count(outgoing, (row) => row.dispatched);
      const completed = documents.filter((row) => row.completedAt && inQuarter(row.completedAt.slice(0, 10), from, to));
      const days = completed.map((row) => (Date.parse(row.completedAt as string) - Date.parse(`${row.arrivedAt}T03:00:00Z`)) / 86_400_000);
      expect(figures).toEqual({
        period: { year, quarter, from, to },
        electronicExchange: {
          numerator: electronicIn + electronicOut,
          denominator: incoming.length + outgoing.length,
          share: incoming.length + outgoing.length ? (electronicIn + electronicOut) / (incoming.length + outgoing.length) : null,
          incoming: { numerator: electronicIn, denominator: incoming.length, share: incoming.length ? electronicIn / incoming.length : null },
          outgoing: { numerator: electronicOut, denominator: outgoing.length, share: outgoing.length ? electronicOut / outgoing.length : null },
        },
        // no case file was opened and no meeting held in this agency's test: nothing to count, nothing invented
        caseFilesOnline: { numerator: 0, denominator: 0, share: null },
        meetings: { plannedMinutes: 0, actualMinutes: 0, savedShare: null, pagesNotPrinted: 0 },
        averageProcessingDays: days.length ? expect.closeTo(days.reduce((sum, value) => sum + value, 0) / days.length, 6) : null,
        processedDocuments: days.length,
      });
    }
    // 20 December falls in the first quarter of the next year
    setNow('2026-12-20T02:00:00Z');
    expect((await get('/api/dashboard/e-government')).period).toEqual({ year: 2027, quarter: 1, from: '2026-12-15', to: '2027-03-14' });
    setNow('2026-11-27T02:00:00Z');
    await system.http().get('/api/dashboard/e-government?year=2026&quarter=5').set(as('lanhdao')).expect(400);
  });

  it('exports every table to XLSX and the quarterly report to PDF, audited', async () => {
    const overview = await get('/api/dashboard/overview');
    const response = await system.http().get('/api/dashboard/export?table=open-work&format=xlsx').set(as('lanhdao')).buffer(true).parse(bytes).expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.worksheets[0];
    const pcName = overview.openWorkByUnit.find((row: { unit: { id: string } }) => row.unit.id === flow.unitId.PC).unit.name;
    const lines: string[][] = [];
    sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))));
    expect(lines).toContainEqual(['Đơn vị', 'Đang xử lý', 'Sắp đến hạn', 'Quá hạn']);
    expect(lines.find((line) => line[0] === pcName)).toEqual([pcName, '3', '1', '1']);

    for (const table of ['documents', 'tasks-by-unit', 'completion-units', 'completion-people', 'decisions', 'e-government'])
      await system.http().get(`/api/dashboard/export?table=${table}&format=xlsx`).set(as('lanhdao')).buffer(true).parse(bytes).expect(200);
    const pdf = await system.http().get('/api/dashboard/export?table=e-government&format=pdf&year=2026&quarter=4').set(as('lanhdao')).buffer(true).parse(bytes).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const document = await openPdf(new Uint8Array(pdf.body));
    const text = (await (await document.getPage(1)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    await document.destroy();
    for (const expected of ['CHỈ TIÊU CHÍNH PHỦ ĐIỆN TỬ QUÝ 4/2026', 'Tỷ lệ văn bản trao đổi dưới dạng điện tử', '15/09/2026', '14/12/2026', '100 %'])
      expect(text).toContain(expected);
    await system.http().get('/api/dashboard/export?table=everything').set(as('lanhdao')).expect(400);
    const audit = await system.query(`SELECT details FROM audit_entry WHERE action = 'dashboard.export' ORDER BY sequence`);
    expect(audit.map((row: { details: { table: string } }) => row.details.table)).toEqual(['open-work', 'documents', 'tasks-by-unit', 'completion-units', 'completion-people', 'decisions', 'e-government', 'e-government']);
  });

  it('shows the leader’s upcoming meetings and the consultations waiting for the leader’s answer, from the meetings context', async () => {
    const secretary = as('thuky');
    const meeting = (
      await system
        .http()
        .post('/api/meetings')
        .set(secretary)
        .send({ title: 'Giao ban Lãnh đạo Bộ tuần 49', startsAt: '2026-11-30T08:00:00+07:00', endsAt: '2026-11-30T10:00:00+07:00', place: 'Phòng họp số 1', participants: [{ kind: 'user', role: 'chair', userId: flow.userId.lanhdao }] })
        .expect(201)
    ).body;
    const consultation = (
      await system.http().post('/api/consultations').set(secretary).send({ question: 'Xin ý kiến về dự thảo Quy chế làm việc', deadline: '2026-12-04T17:00:00+07:00', recipientIds: [flow.userId.lanhdao] }).expect(201)
    ).body;
    await system.http().post(`/api/consultations/${consultation.id}/sending`).set(secretary).send({ version: consultation.version }).expect(201);

    const tile = await get('/api/dashboard/meetings');
    expect(tile).toEqual({
      available: true,
      upcoming: [{ id: meeting.id, title: 'Giao ban Lãnh đạo Bộ tuần 49', startsAt: '2026-11-30T01:00:00.000Z', location: 'Phòng họp số 1', link: `/meetings/${meeting.id}` }],
      consultationsWaiting: [expect.objectContaining({ kind: 'consultation', id: consultation.id, title: 'Xin ý kiến về dự thảo Quy chế làm việc', link: `/meetings/consultations/${consultation.id}`, deadline: '2026-12-04' })],
    });
    expect((await get('/api/dashboard/decisions')).map((row: { kind: string }) => row.kind)).toContain('consultation');
  });

  it('tells the watching leaders when the figures are refreshed, and nobody else', async () => {
    const connect = async (username: string) => {
      const socket = io(system.baseUrl, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: flow.token[username] } });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', () => resolve());
        socket.on('connect_error', reject);
      });
      const heard: unknown[] = [];
      socket.on('dashboard:refreshed', (event) => heard.push(event));
      const answer = await socket.emitWithAck('dashboard:watch');
      return { answer, heard };
    };
    const leader = await connect('lanhdao');
    const officer = await connect('chuyenvien');
    expect(leader.answer).toEqual({ watching: true });
    expect(officer.answer).toEqual({ watching: false });
    await system.app.get(DashboardRefresh).refresh();
    for (let attempt = 0; attempt < 50 && leader.heard.length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(leader.heard).toEqual([{ refreshedAt: '2026-11-27T02:00:00.000Z' }]);
    expect(officer.heard).toEqual([]);
  });
});
