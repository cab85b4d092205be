import { samplePdf } from '../../apps/api/src/files/testing/sample-files';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { createTestApp, TestApp } from '../support/test-app';

describe('Registering incoming documents (vào sổ văn bản đến)', () => {
  let system: TestApp;
  let clerk: string;
  let officer: string;
  let leader: string;
  let registers: Record<string, string>;
  let upload: (name?: string) => Promise<string>;

  const metadata = (overrides: Record<string, unknown> = {}) => ({
    registerId: registers.DEN,
    receivedVia: 'paper',
    issuerName: 'Văn phòng Chính phủ',
    issuerOrganId: '000.00.00.G22',
    codeNumber: '7816',
    codeNotation: 'VPCP-TTĐT',
    promulgatedOn: '2026-11-20',
    documentType: 'official_letter',
    subject: 'Về việc triển khai gửi, nhận văn bản điện tử',
    signerName: 'Nguyễn Văn A',
    signerPosition: 'Phó Chủ nhiệm',
    urgency: 'urgent',
    confidentiality: 'normal',
    pageCount: 2,
    dueOn: '2026-12-05',
    ...overrides,
  });

  beforeAll(async () => {
    system = await createTestApp();
    [clerk, officer, leader] = await Promise.all([system.login('vanthu'), system.login('chuyenvien'), system.login('lanhdao')]);
    const list = (await system.http().get('/api/document-registers?direction=incoming').set('Authorization', `Bearer ${clerk}`).expect(200)).body;
    registers = Object.fromEntries(list.map((register: { code: string; id: string }) => [register.code, register.id]));
    upload = async (name = 'Công văn 7816.pdf') =>
      (await system.http().post('/api/files').set('Authorization', `Bearer ${clerk}`).attach('file', samplePdf(), name).expect(201)).body.id;
  });
  afterAll(() => system.close());

  const register = async (overrides: Record<string, unknown> = {}, token = clerk) =>
    system.http().post('/api/incoming-documents').set('Authorization', `Bearer ${token}`).send(metadata({ mainFileId: await upload(), ...overrides }));

  it('has the usual registers from the first start: ordinary and confidential', () => {
    expect(Object.keys(registers).sort()).toEqual(['DEN', 'DEN-MAT']);
  });

  it('gives the next arrival number of the year and records who registered it', async () => {
    const attachment = await upload('Phụ lục.pdf');
    const response = await register({ attachmentFileIds: [attachment] });
    expect(response.status).toBe(201);
    const { document, possibleDuplicates } = response.body;
    expect(document).toMatchObject({
      arrivalNumber: 1,
      arrivalYear: 2026,
      numberAndNotation: '7816/VPCP-TTĐT',
      state: 'registered',
      urgency: 'urgent',
      registeredBy: { fullName: 'Nguyễn Thị Lan' },
      mainFile: { mediaType: 'application/pdf' },
      attachments: [{ originalName: 'Phụ lục.pdf' }],
    });
    expect(possibleDuplicates).toEqual([]);
    // the clerk's step; the background preparation (stamp, text) adds entries of the system's own (no actor)
    const history = (await system.http().get(`/api/incoming-documents/${document.id}/history`).set('Authorization', `Bearer ${clerk}`).expect(200)).body.filter((entry: { actor: unknown }) => entry.actor !== null);
    expect(history).toEqual([expect.objectContaining({ action: 'registered', actor: expect.objectContaining({ fullName: 'Nguyễn Thị Lan' }), details: expect.objectContaining({ arrivalNumber: 1 }) })]);
    const [audit] = await system.query(`SELECT actor_username FROM audit_entry WHERE action = 'incoming.register' AND entity_id = $1`, [document.id]);
    expect(audit.actor_username).toBe('vanthu');
  });

  it('warns, without refusing, when the same document was already registered', async () => {
    const again = (await register().then((response) => response.body)) as { document: { arrivalNumber: number }; possibleDuplicates: { arrivalNumber: number }[] };
    expect(again.document.arrivalNumber).toBe(2);
    expect(again.possibleDuplicates.map((document) => document.arrivalNumber)).toEqual([1]);
    const check = await system
      .http()
      .get('/api/incoming-documents/duplicates')
      .query({ issuerName: 'VĂN PHÒNG CHÍNH PHỦ', codeNumber: '7816', codeNotation: 'vpcp-ttđt', promulgatedOn: '2026-11-20' })
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(check.body.map((document: { arrivalNumber: number }) => document.arrivalNumber)).toEqual([1, 2]);
  });

  it('never gives two clerks the same number and leaves no gap, even all at once', async () => {
    const mainFileIds = await Promise.all(Array.from({ length: 20 }, (_, index) => upload(`Văn bản ${index}.pdf`)));
    const responses = await Promise.all(
      mainFileIds.map((mainFileId, index) =>
        system.http().post('/api/incoming-documents').set('Authorization', `Bearer ${clerk}`).send(metadata({ mainFileId, codeNumber: String(100 + index) })),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const numbers = responses.map((response) => response.body.document.arrivalNumber).sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 3));
  });

  it('uses no number when a registration is refused, and keeps confidential documents in their own register', async () => {
    const wrongRegister = await register({ confidentiality: 'confidential' });
    expect(wrongRegister.status).toBe(400);
    expect(wrongRegister.body.code).toBe('REGISTER_MISMATCH');
    const noSubject = await register({ subject: undefined });
    expect(noSubject.status).toBe(400);
    expect(noSubject.body.details.map((detail: { field: string }) => detail.field)).toContain('subject');
    expect(noSubject.body.messageEn).toEqual(expect.any(String));
    const unknownRegister = await register({ registerId: '00000000-0000-4000-8000-000000000000' });
    expect([400, 404]).toContain(unknownRegister.status);
    expect(unknownRegister.body.code).toBe('REGISTER_NOT_FOUND');
    expect(unknownRegister.body.message).toEqual(expect.any(String));
    const badDate = await register({ promulgatedOn: '2026-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.details[0].field).toBe('promulgatedOn');

    const next = await register({ codeNumber: '999' });
    expect(next.body.document.arrivalNumber).toBe(23);
    const secret = await register({ registerId: registers['DEN-MAT'], confidentiality: 'confidential', codeNumber: '01' });
    expect(secret.body.document).toMatchObject({ arrivalNumber: 1, confidentiality: 'confidential' });
  });

  it('starts again from 1 on 1 January (Vietnam time), per register', async () => {
    const clock = system.app.get(Clock);
    const realNow = clock.now;
    // 00:30 on 1 January 2027 in Hà Nội is still 31 December 2026 in UTC
    clock.now = () => new Date('2026-12-31T17:30:00Z');
    try {
      const first = await register({ codeNumber: '1' });
      expect(first.body.document).toMatchObject({ arrivalNumber: 1, arrivalYear: 2027 });
      const second = await register({ codeNumber: '2' });
      expect(second.body.document.arrivalNumber).toBe(2);
    } finally {
      clock.now = realNow;
    }
  });

  it('refuses a clerk someone else’s file, a file already used, and an officer the registration', async () => {
    const officersFile = (await system.http().post('/api/files').set('Authorization', `Bearer ${officer}`).attach('file', samplePdf(), 'riêng.pdf').expect(201)).body.id;
    expect((await register({ mainFileId: officersFile })).status).toBe(403);

    const used = await upload();
    await register({ mainFileId: used, codeNumber: '5001' }).then((response) => expect(response.status).toBe(201));
    const twice = await register({ mainFileId: used, codeNumber: '5002' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('FILE_ALREADY_USED');

    const byOfficer = await register({}, officer);
    expect(byOfficer.status).toBe(403);
  });

  it('shows documents to the clerks and leaders, not to an officer they were not given to; confidential ones only to those named', async () => {
    const officersView = (await system.http().get('/api/incoming-documents').set('Authorization', `Bearer ${officer}`).expect(200)).body;
    expect(officersView.items).toEqual([]);
    const [one] = await system.query(`SELECT id FROM incoming_document WHERE confidentiality = 'normal' LIMIT 1`);
    await system.http().get(`/api/incoming-documents/${one.id}`).set('Authorization', `Bearer ${officer}`).expect(403);
    expect(await system.query(`SELECT 1 FROM audit_entry WHERE action = 'permission.denied' AND entity_id = $1`, [one.id])).toHaveLength(1);

    const leadersView = (await system.http().get('/api/incoming-documents?limit=200').set('Authorization', `Bearer ${leader}`).expect(200)).body;
    expect(leadersView.items.length).toBeGreaterThan(20);
    expect(leadersView.items.every((document: { confidentiality: string }) => document.confidentiality === 'normal')).toBe(true);
    await system.http().get(`/api/incoming-documents/${one.id}`).set('Authorization', `Bearer ${leader}`).expect(200);
    expect(await system.query(`SELECT 1 FROM audit_entry WHERE action = 'incoming.view' AND entity_id = $1 AND actor_username = 'lanhdao'`, [one.id])).toHaveLength(1);
  });

  it('pages the list newest first by keyset, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; arrivedAt: string }[]; nextCursor: string | null } = (
        await system
          .http()
          .get('/api/incoming-documents')
          .query({ limit: 7, ...(cursor ? { cursor } : {}) })
          .set('Authorization', `Bearer ${clerk}`)
          .expect(200)
      ).body;
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const [{ count }] = await system.query(`SELECT count(*)::int AS count FROM incoming_document WHERE confidentiality = 'normal' OR registered_by_id = (SELECT id FROM "user" WHERE username = 'vanthu')`);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
  });
});
