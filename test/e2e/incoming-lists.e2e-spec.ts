import { INCOMING_VIEWS } from '@app/contracts';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { IncomingFlow } from '../support/incoming-flow';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The working lists of every role on one small agency, seeded through the API:
 *   A registered · B submitted to the leader · C lead Vụ Pháp chế (passed on to the officer),
 *   support Phòng Hành chính, for information to the clerk, due 27/11 · D lead the secretary in
 *   person, support Vụ Pháp chế, due 20/12 · E lead Vụ Pháp chế, due 26/11 (late by the 27th) ·
 *   F lead Vụ Pháp chế, completed · H lead Vụ Tổ chức cán bộ, arrived in 2025 · K confidential,
 *   lead the officer in person · R received over the axis, not yet registered.
 */
describe('Working lists of incoming documents', () => {
  let system: TestApp;
  let flow: IncomingFlow;
  const doc: Record<string, string> = {};
  const setNow = (iso: string) => (system.app.get(Clock).now = () => new Date(iso));
  const get = (username: string, path: string) => system.http().get(path).set(flow.as(username));

  /** Every page of a list, two at a time, asserting that paging neither skips nor repeats. */
  async function all(username: string, query: Record<string, string> = {}): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const response: { body: { items: { id: string }[]; nextCursor: string | null } } = await get(username, '/api/incoming-documents').query({ ...query, limit: '2', ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...response.body.items.map((item) => item.id));
      cursor = response.body.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    return seen;
  }
  const names = (ids: string[]) => ids.map((id) => Object.keys(doc).find((name) => doc[name] === id) ?? id).sort();

  beforeAll(async () => {
    system = await createTestApp();
    // Wednesday 25 November 2026, 09:00 in Hà Nội
    setNow('2026-11-25T02:00:00Z');
    flow = await new IncomingFlow(system).init(['vanthu', 'lanhdao', 'truongphong', 'chuyenvien', 'thuky']);
    const { unitId, userId } = flow;
    const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T01:00:00Z`;

    doc.A = (await flow.register({ arrivedAt: at(10), issuerName: 'Bộ Tài chính', documentType: 'decision', codeNotation: 'QĐ-BTC', subject: 'Quyết định phân bổ dự toán ngân sách' })).id;
    const b = await flow.register({ arrivedAt: at(11), urgency: 'urgent', subject: 'Về việc chuẩn bị báo cáo tổng kết năm' });
    doc.B = b.id;
    await flow.submit(b);
    const c = await flow.register({ arrivedAt: at(12), subject: 'Về việc rà soát văn bản quy phạm pháp luật' });
    doc.C = c.id;
    const [cLead] = await flow.direct(c, [{ role: 'lead', unitId: unitId.PC }, { role: 'support', unitId: unitId['VP.HC'] }, { role: 'inform', userId: userId.vanthu }], '2026-11-27');
    await flow.delegate(cLead.id, 'truongphong', 'chuyenvien');
    const d = await flow.register({ arrivedAt: at(13), issuerName: 'Bộ Nội vụ', documentType: 'plan', codeNotation: 'KH-BNV', subject: 'Kế hoạch cải cách hành chính' });
    doc.D = d.id;
    await flow.direct(d, [{ role: 'lead', userId: userId.thuky }, { role: 'support', unitId: unitId.PC }], '2026-12-20');
    const e = await flow.register({ arrivedAt: at(14), urgency: 'express', subject: 'Về việc góp ý dự thảo Nghị định' });
    doc.E = e.id;
    await flow.direct(e, [{ role: 'lead', unitId: unitId.PC }], '2026-11-26');
    const f = await flow.register({ arrivedAt: at(15), subject: 'Về việc cử cán bộ tham gia tập huấn' });
    doc.F = f.id;
    const [fLead] = await flow.direct(f, [{ role: 'lead', unitId: unitId.PC }], '2026-12-10');
    await flow.complete(fLead.id, 'truongphong');
    // 23:30 on 31 December 2025 in Hà Nội: still 2025 there, though 1 January in no time zone east of it
    const h = await flow.register({ arrivedAt: '2025-12-31T16:30:00Z', issuerName: 'Văn phòng Chính phủ', promulgatedOn: '2025-12-30', subject: 'Thông báo kết luận của Thủ tướng' });
    doc.H = h.id;
    await flow.direct(h, [{ role: 'lead', unitId: unitId.TCCB }], '2026-12-20');
    const k = await flow.register({ arrivedAt: at(16), registerId: flow.registers['DEN-MAT'], confidentiality: 'confidential', subject: 'Văn bản mật về công tác bảo vệ' });
    doc.K = k.id;
    await flow.direct(k, [{ role: 'lead', userId: userId.chuyenvien }], '2026-12-20');
    // received over the axis: no arrival number until the clerk registers it (no API makes one yet)
    const file = await flow.upload();
    const [r] = await system.query(
      `INSERT INTO incoming_document (register_id, arrived_at, received_via, issuer_name, promulgated_on, document_type, subject, urgency, confidentiality, state, main_file_id, version)
       VALUES ($1, '2026-11-24T03:00:00Z', 'axis', 'Bộ Xây dựng', '2026-11-23', 'official_letter', 'Về việc hướng dẫn quy chuẩn xây dựng', 'normal', 'normal', 'received', $2, 1) RETURNING id`,
      [flow.registers.DEN, file],
    );
    doc.R = r.id;
    // Friday 27 November: C is due today, E was due yesterday
    setNow('2026-11-27T02:00:00Z');
  });
  afterAll(async () => {
    await system.close();
  });

  const expected: Record<string, Partial<Record<(typeof INCOMING_VIEWS)[number], string[]>>> = {
    lanhdao: { all: ['A', 'B', 'C', 'D', 'E', 'F', 'H', 'K', 'R'], to_direct: ['B'], due_soon: ['C'], overdue: ['E'], done: ['F'] },
    vanthu: { all: ['A', 'B', 'C', 'D', 'E', 'F', 'H', 'K', 'R'], to_register: ['R'], for_information: ['C'], due_soon: ['C'], overdue: ['E'], done: ['F'] },
    truongphong: { all: ['C', 'D', 'E', 'F'], my_unit: ['C', 'E'], supporting: ['D'], due_soon: ['C'], overdue: ['E'], done: ['F'] },
    chuyenvien: { all: ['C', 'D', 'E', 'F', 'K'], assigned_to_me: ['C', 'K'], my_unit: ['C', 'E'], supporting: ['D'], due_soon: ['C'], overdue: ['E'], done: ['F'] },
    thuky: { all: ['C', 'D'], assigned_to_me: ['D'], supporting: ['C'], due_soon: ['C'] },
  };

  it.each(Object.keys(expected))('shows %s exactly their documents in every list, and badges that count them', async (username) => {
    const counts = (await get(username, '/api/incoming-documents/counts').expect(200)).body;
    for (const view of INCOMING_VIEWS) {
      const ids = await all(username, { view });
      expect({ view, documents: names(ids) }).toEqual({ view, documents: expected[username][view] ?? [] });
      if (view !== 'all' && view !== 'done') expect({ view, count: counts[view] }).toEqual({ view, count: ids.length });
    }
  });

  it('never shows a document to someone it was not given to, whatever the filter', async () => {
    for (const username of ['truongphong', 'chuyenvien', 'thuky']) {
      const ids = await all(username, { state: 'assigned' });
      expect(ids).not.toContain(doc.H);
      expect(ids).not.toContain(doc.B);
      if (username !== 'chuyenvien') expect(ids).not.toContain(doc.K);
    }
  });

  it('filters by register, year, issuer (accents and case ignored), type, urgency, dates and state', async () => {
    expect(names(await all('vanthu', { registerId: flow.registers['DEN-MAT'] }))).toEqual(['K']);
    expect(names(await all('vanthu', { year: '2025' }))).toEqual(['H']);
    expect(names(await all('vanthu', { year: '2026', issuer: 'nghe an' }))).toEqual(['B', 'C', 'E', 'F', 'K']);
    expect(names(await all('vanthu', { issuer: 'BỘ TÀI' }))).toEqual(['A']);
    expect(names(await all('vanthu', { issuer: 'van phong chinh phu' }))).toEqual(['H']);
    expect(names(await all('vanthu', { documentType: 'plan' }))).toEqual(['D']);
    expect(names(await all('vanthu', { urgency: 'express' }))).toEqual(['E']);
    expect(names(await all('vanthu', { arrivedFrom: '2026-11-12', arrivedTo: '2026-11-14' }))).toEqual(['C', 'D', 'E']);
    expect(names(await all('vanthu', { state: 'submitted' }))).toEqual(['B']);
    expect(names(await all('chuyenvien', { view: 'my_unit', urgency: 'express' }))).toEqual(['E']);
    // `%` and `_` are letters here, not wildcards
    expect(await all('vanthu', { issuer: '%%' })).toEqual([]);
  });

  it('sorts by arrival either way and by deadline (none last), page after page', async () => {
    const newestFirst = names(await all('lanhdao'));
    expect(newestFirst).toHaveLength(9);
    const arrivedDesc = await all('lanhdao', { sort: 'arrived_desc' });
    const arrivedAsc = await all('lanhdao', { sort: 'arrived_asc' });
    expect(arrivedAsc).toEqual([...arrivedDesc].reverse());
    expect(arrivedAsc.slice(0, 2).map((id) => names([id])[0])).toEqual(['H', 'A']);
    const byDeadline = await all('lanhdao', { sort: 'due_asc' });
    expect(byDeadline.slice(0, 2).map((id) => names([id])[0])).toEqual(['E', 'C']);
    const due = (await Promise.all(byDeadline.map(async (id) => (await get('lanhdao', `/api/incoming-documents/${id}`).expect(200)).body.dueOn))) as (string | null)[];
    const firstNull = due.indexOf(null);
    expect(due.slice(firstNull).every((value) => value === null)).toBe(true);
    expect(due.slice(0, firstNull)).toEqual([...due.slice(0, firstNull)].sort());
  });

  it('refuses a broken cursor, a cursor of another sort and impossible filters, in Vietnamese and English', async () => {
    const first = (await get('lanhdao', '/api/incoming-documents').query({ limit: 2 }).expect(200)).body;
    const otherSort = await get('lanhdao', '/api/incoming-documents').query({ sort: 'due_asc', cursor: first.nextCursor }).expect(400);
    expect(otherSort.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'cursor' }] });
    expect(otherSort.body.message).toContain('Con trỏ');
    expect(otherSort.body.messageEn).toContain('cursor');
    await get('lanhdao', '/api/incoming-documents').query({ cursor: 'bm90LWEtY3Vyc29y' }).expect(400);
    await get('lanhdao', '/api/incoming-documents').query({ cursor: Buffer.from("arrived_desc|2026-11-01T00:00:00.000Z|1' OR 1=1").toString('base64url') }).expect(400);
    const dates = await get('lanhdao', '/api/incoming-documents').query({ arrivedFrom: '2026-11-20', arrivedTo: '2026-11-01' }).expect(400);
    expect(dates.body.details).toEqual([{ field: 'arrivedTo' }]);
    await get('lanhdao', '/api/incoming-documents').query({ view: 'everything' }).expect(400);
    await get('lanhdao', '/api/incoming-documents').query({ arrivedFrom: '27/11/2026' }).expect(400);
  });

  it('gives leaders the open work per unit: in progress, due soon, overdue — a document once per unit', async () => {
    const workload = (await get('lanhdao', '/api/incoming-documents/workload').expect(200)).body as { unit: { id: string; name: string }; inProgress: number; dueSoon: number; overdue: number }[];
    const byUnit = Object.fromEntries(workload.map((row) => [Object.keys(flow.unitId).find((code) => flow.unitId[code] === row.unit.id), [row.inProgress, row.dueSoon, row.overdue]]));
    // Vụ Pháp chế: C (its part and the officer's, once), D (support), E (late), K (its officer in person)
    expect(byUnit).toEqual({ VP: [0, 0, 0], 'VP.HC': [2, 1, 0], 'VP.VTLT': [0, 0, 0], TCCB: [1, 0, 0], KHTC: [0, 0, 0], PC: [4, 1, 1], CNTT: [0, 0, 0], 'CNTT.HT': [0, 0, 0] });
    expect(workload.find((row) => row.unit.id === flow.unitId.PC)?.unit.name).toBe('Vụ Pháp chế');
    await get('truongphong', '/api/incoming-documents/workload').expect(403);
  });

  it('counts stop at 1000 so that a badge stays cheap however many documents there are', async () => {
    const file = await flow.upload();
    await system.query(
      `INSERT INTO incoming_document (register_id, arrived_at, received_via, issuer_name, promulgated_on, document_type, subject, urgency, confidentiality, state, main_file_id, version)
       SELECT $1, timestamptz '2026-11-20T00:00:00Z' - n * interval '1 minute', 'axis', 'Bộ Y tế', '2026-11-19', 'official_letter', 'Văn bản ' || n, 'normal', 'normal', 'received', $2, 1
         FROM generate_series(1, 1005) n`,
      [flow.registers.DEN, file],
    );
    expect((await get('vanthu', '/api/incoming-documents/counts').expect(200)).body.to_register).toBe(1000);
    await system.query(`DELETE FROM incoming_document WHERE issuer_name = 'Bộ Y tế'`);
  });
});
