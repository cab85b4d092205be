import { installed } from '../../apps/api/src/files/pdf/testing/sample-pdfs';
import { Clock, vietnamYear } from '../../apps/api/src/platform/clock/clock';
import { flipOneByte, pdfsig } from '../../apps/api/src/signatures/testing/sample-drafts';
import { draftReadyToSign, OutgoingActors } from '../support/outgoing-flow';
import { createTestApp, TestApp } from '../support/test-app';

const PASSPHRASE = 'KySo@2026';
/** pdfsig (poppler-utils) is the independent verifier; without it those checks are skipped, loudly. */
const pdfsigAvailable = installed('pdfsig');
if (!pdfsigAvailable) console.warn('!!! pdfsig (poppler-utils) missing: the independent verification of the issued PDF is SKIPPED');

describe('Signing and issuing outgoing documents', () => {
  let system: TestApp;
  const actors: OutgoingActors = { token: {}, userId: {} };
  const registers: Record<string, string> = {};

  const as = (username: string) => ({ Authorization: `Bearer ${actors.token[username]}` });
  const getDocument = async (id: string, username = 'vanthu') => (await system.http().get(`/api/outgoing-documents/${id}`).set(as(username)).expect(200)).body;
  const sign = (id: string, version: number, username = 'lanhdao', passphrase = PASSPHRASE) =>
    system.http().post(`/api/outgoing-documents/${id}/signature`).set(as(username)).send({ passphrase, version });
  const issue = (id: string, version: number, registerId = registers.DI, passphrase = PASSPHRASE) =>
    system.http().post(`/api/outgoing-documents/${id}/issuance`).set(as('vanthu')).send({ registerId, passphrase, version });
  const counter = async (registerId: string, year: number): Promise<number> =>
    (await system.query<{ last_number: number }>(`SELECT last_number FROM register_counter WHERE register_id = $1 AND year = $2`, [registerId, year]))[0]?.last_number ?? 0;
  const versionCount = async (id: string) => (await system.query<{ count: number }>(`SELECT count(*)::int AS count FROM draft_version WHERE document_id = $1`, [id]))[0].count;
  const content = async (id: string, fileId: string) =>
    (await system.http().get(`/api/outgoing-documents/${id}/files/${fileId}/content`).set(as('vanthu')).buffer(true).expect(200)).body as Buffer;
  const signedDraft = async (overrides: Record<string, unknown> = {}) => {
    const ready = await draftReadyToSign(system, actors, overrides);
    return (await sign(ready.id, ready.version).expect(201)).body;
  };
  const year = vietnamYear(new Date());

  beforeAll(async () => {
    system = await createTestApp();
    for (const username of ['vanthu', 'lanhdao', 'truongphong', 'chuyenvien']) actors.token[username] = await system.login(username);
    for (const row of await system.query(`SELECT id, username FROM "user"`)) actors.userId[row.username] = row.id;
    for (const row of await system.query(`SELECT id, code FROM document_register WHERE direction = 'outgoing'`)) registers[row.code] = row.id;
  });
  afterAll(() => system?.close());

  it('the signer signs, the clerk numbers and issues: 01/QĐ-BYT, both signatures valid', async () => {
    const ready = await draftReadyToSign(system, actors);
    const before = await versionCount(ready.id);

    // not the signer (a unit head who may sign other documents), or no right to sign at all
    await sign(ready.id, ready.version, 'truongphong').expect(403);
    await sign(ready.id, ready.version, 'chuyenvien').expect(403);
    // a wrong passphrase changes nothing
    expect((await sign(ready.id, ready.version, 'lanhdao', 'sai mat khau').expect(422)).body.code).toBe('SIGNING_WRONG_PASSPHRASE');
    expect(await getDocument(ready.id)).toMatchObject({ state: 'form_checked', version: ready.version, signedPdf: null });
    expect(await versionCount(ready.id)).toBe(before);
    // issuing what is not signed yet
    await issue(ready.id, ready.version).expect(409);
    expect(await counter(registers.DI, year)).toBe(0);

    const signed = (await sign(ready.id, ready.version).expect(201)).body;
    expect(signed).toMatchObject({ state: 'signed', signedPdf: { signature: 'signer', file: { mediaType: 'application/pdf' } }, issuance: null });
    expect(signed.signedAt).toEqual(expect.any(String));
    const toIssue = (await system.http().get('/api/outgoing-documents?view=to_issue').set(as('vanthu')).expect(200)).body.items;
    expect(toIssue.map((item: { id: string }) => item.id)).toContain(ready.id);

    const issued = (await issue(ready.id, signed.version).expect(201)).body;
    expect(issued).toMatchObject({
      state: 'issued',
      issuedPdf: { signature: 'organisation' },
      issuance: { register: { id: registers.DI, code: 'DI' }, number: 1, numberAndNotation: '01/QĐ-BYT', issuedBy: { id: actors.userId.vanthu } },
    });
    expect(issued.issuance.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await system.http().get('/api/outgoing-documents?view=to_issue').set(as('vanthu')).expect(200)).body.items.map((item: { id: string }) => item.id)).not.toContain(ready.id);
    const history = (await system.http().get(`/api/outgoing-documents/${ready.id}/history`).set(as('chuyenvien')).expect(200)).body;
    expect(history.map((entry: { action: string }) => entry.action).slice(-2)).toEqual(['signed', 'issued']);

    const pdf = await content(ready.id, issued.issuedPdf.file.id);
    if (pdfsigAvailable) {
      expect(pdfsig(pdf).map((signature) => [signature.fieldName, signature.validation])).toEqual([
        ['Signer1', 'Signature is Valid.'],
        ['Organisation2', 'Signature is Valid.'],
      ]);
      expect(pdfsig(flipOneByte(pdf)).every((signature) => signature.validation !== 'Signature is Valid.')).toBe(true);
    }
  });

  it('a PDF to sign that cannot be read is refused plainly, and the draft stays ready to sign', async () => {
    const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R'), Buffer.alloc(2048, 0x41), Buffer.from('\n%%EOF\n')]);
    const ready = await draftReadyToSign(system, actors, {}, corrupt);
    const versions = await versionCount(ready.id);
    const refused = await sign(ready.id, ready.version);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(await getDocument(ready.id)).toMatchObject({ state: 'form_checked', version: ready.version, signedPdf: null });
    expect(await versionCount(ready.id)).toBe(versions);
  });

  it('a wrong passphrase at issuance uses no number and leaves the document as it was; the next issuance gets the number', async () => {
    const signed = await signedDraft({ documentType: 'official_letter', subject: 'V/v góp ý dự thảo thông tư' });
    const taken = await counter(registers.DI, year);
    const versions = await versionCount(signed.id);
    await issue(signed.id, signed.version, registers.DI, 'sai mat khau').expect(422);
    expect(await counter(registers.DI, year)).toBe(taken);
    expect(await getDocument(signed.id)).toMatchObject({ state: 'signed', version: signed.version, issuance: null, issuedPdf: null });
    expect(await versionCount(signed.id)).toBe(versions);

    // a công văn: the agency and the drafting unit (Vụ Pháp chế)
    const issued = (await issue(signed.id, signed.version).expect(201)).body;
    expect(issued.issuance).toMatchObject({ number: taken + 1, numberAndNotation: `${String(taken + 1).padStart(2, '0')}/BYT-PC` });
  });

  it('a confidential document goes into a confidential register only', async () => {
    const signed = await signedDraft({ confidentiality: 'secret' });
    const taken = await counter(registers.DI, year);
    expect((await issue(signed.id, signed.version, registers.DI).expect(400)).body.code).toBe('REGISTER_MISMATCH');
    expect(await counter(registers.DI, year)).toBe(taken);
    const issued = (await issue(signed.id, signed.version, registers['DI-MAT']).expect(201)).body;
    expect(issued.issuance).toMatchObject({ register: { code: 'DI-MAT' }, number: 1 });
  });

  it('ten clerks issuing at once get distinct consecutive numbers', async () => {
    const signed = [];
    for (let index = 0; index < 10; index++) signed.push(await signedDraft());
    const taken = await counter(registers.DI, year);
    const issued = await Promise.all(signed.map((document) => issue(document.id, document.version).expect(201)));
    const numbers = issued.map((response) => response.body.issuance.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, index) => taken + 1 + index));
    expect(new Set(issued.map((response) => response.body.issuance.numberAndNotation)).size).toBe(10);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await system.http().get('/api/docs-json').expect(200)).body;
    for (const path of ['/api/outgoing-documents/{id}/signature', '/api/outgoing-documents/{id}/issuance']) expect(Object.keys(spec.paths)).toContain(path);
    expect(spec.components.schemas.OutgoingDocumentResponseDto.properties).toHaveProperty('issuance');
  });

  it('numbers start again at 01 on 1 January (Vietnam time)', async () => {
    const signed = await signedDraft();
    const clock = system.app.get(Clock);
    const real = clock.now;
    // 00:30 on 1 January in Hà Nội, still 31 December in UTC
    const newYear = new Date(`${year}-12-31T17:30:00Z`);
    clock.now = () => newYear;
    try {
      const issued = (await issue(signed.id, signed.version).expect(201)).body;
      expect(issued.issuance).toMatchObject({ number: 1, numberAndNotation: '01/QĐ-BYT', issuedOn: `${year + 1}-01-01` });
    } finally {
      clock.now = real;
    }
  });
});

