import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import { openPdf } from '../../apps/api/src/files/pdf/pdfjs';
import { draftReadyToSign, OutgoingActors } from '../support/outgoing-flow';
import { createTestApp, TestApp } from '../support/test-app';

const PASSPHRASE = 'KySo@2026';

/** Collects a download as bytes (supertest parses only text and JSON by itself). */
const bytes = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Appendix IV §I: the ten columns of the outgoing register. */
const HEADINGS = ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú'];
const ddMMyyyy = (isoDate: string) => isoDate.split('-').reverse().join('/');

/**
 * After issuance: dispatch to the recipients (units of the agency as incoming documents, other
 * agencies through the exchange outbox), the outgoing register export, and recall.
 */
describe('Dispatching, registering and recalling outgoing documents', () => {
  let system: TestApp;
  const actors: OutgoingActors = { token: {}, userId: {} };
  const registers: Record<string, string> = {};
  const unitId: Record<string, string> = {};
  let organId: string;

  const as = (username: string) => ({ Authorization: `Bearer ${actors.token[username]}` });
  const dispatch = (id: string, version: number, username = 'vanthu') => system.http().post(`/api/outgoing-documents/${id}/dispatch`).set(as(username)).send({ version });
  /** A document signed by the leader and issued by the clerk in the ordinary outgoing register. */
  const issuedDocument = async (overrides: Record<string, unknown> = {}) => {
    const ready = await draftReadyToSign(system, actors, overrides);
    const signed = (await system.http().post(`/api/outgoing-documents/${ready.id}/signature`).set(as('lanhdao')).send({ passphrase: PASSPHRASE, version: ready.version }).expect(201)).body;
    return (
      await system.http().post(`/api/outgoing-documents/${ready.id}/issuance`).set(as('vanthu')).send({ registerId: registers.DI, passphrase: PASSPHRASE, version: signed.version }).expect(201)
    ).body;
  };

  beforeAll(async () => {
    system = await createTestApp();
    for (const username of ['vanthu', 'lanhdao', 'truongphong', 'chuyenvien']) actors.token[username] = await system.login(username);
    for (const row of await system.query(`SELECT id, username FROM "user"`)) actors.userId[row.username] = row.id;
    for (const row of await system.query(`SELECT id, code FROM document_register WHERE direction = 'outgoing'`)) registers[row.code] = row.id;
    for (const row of await system.query(`SELECT id, code FROM unit`)) unitId[row.code] = row.id;
    [{ id: organId }] = await system.query(`SELECT id FROM organ WHERE NOT is_self ORDER BY organ_id LIMIT 1`);
  });
  afterAll(() => system?.close());

  it('a unit receives it as an incoming document to register, an agency gets a message waiting for the axis; a second dispatch is refused', async () => {
    const issued = await issuedDocument({ recipientUnitIds: [unitId['VP.HC']], recipientOrganIds: [organId], urgency: 'urgent' });
    // only a clerk dispatches
    await dispatch(issued.id, issued.version, 'chuyenvien').expect(403);

    const dispatched = (await dispatch(issued.id, issued.version).expect(201)).body;
    expect(dispatched).toMatchObject({ state: 'dispatched', dispatchedAt: expect.any(String) });
    const [unitRecipient, organRecipient] = dispatched.recipients;
    expect(unitRecipient).toMatchObject({ kind: 'unit', id: unitId['VP.HC'], status: 'delivered', deliveredAt: expect.any(String), incomingDocumentId: expect.any(String) });
    expect(organRecipient).toMatchObject({ kind: 'organ', id: organId, status: 'waiting_for_axis', deliveredAt: null, incomingDocumentId: null });

    // the clerk finds it among the documents to register, with the metadata as issued
    const toRegister = (await system.http().get('/api/incoming-documents?view=to_register').set(as('vanthu')).expect(200)).body.items;
    expect(toRegister.map((item: { id: string }) => item.id)).toContain(unitRecipient.incomingDocumentId);
    const incoming = (await system.http().get(`/api/incoming-documents/${unitRecipient.incomingDocumentId}`).set(as('vanthu')).expect(200)).body;
    expect(incoming).toMatchObject({
      state: 'received',
      arrivalNumber: null,
      issuerName: 'Bộ Y tế',
      numberAndNotation: issued.issuance.numberAndNotation,
      promulgatedOn: issued.issuance.issuedOn,
      documentType: 'decision',
      subject: issued.subject,
      signerName: issued.signer.fullName,
      urgency: 'urgent',
      confidentiality: 'normal',
      recipientsText: 'Phòng Hành chính',
      mainFile: { id: issued.issuedPdf.file.id, sha256: issued.issuedPdf.file.sha256 },
    });
    const pdf = (await system.http().get(`/api/incoming-documents/${incoming.id}/files/${incoming.mainFile.id}/content`).set(as('vanthu')).buffer(true).expect(200)).body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBe(issued.issuedPdf.file.size);
    const incomingHistory = (await system.http().get(`/api/incoming-documents/${incoming.id}/history`).set(as('vanthu')).expect(200)).body;
    expect(incomingHistory.map((entry: { action: string }) => entry.action)).toEqual(['received']);

    // the clerk registers it as it is: the next arrival number, nothing re-typed; once only
    await system.http().post(`/api/incoming-documents/${incoming.id}/registration`).set(as('chuyenvien')).send({ version: incoming.version }).expect(403);
    const registered = (await system.http().post(`/api/incoming-documents/${incoming.id}/registration`).set(as('vanthu')).send({ version: incoming.version }).expect(201)).body;
    expect(registered).toMatchObject({ state: 'registered', arrivalNumber: expect.any(Number), numberAndNotation: issued.issuance.numberAndNotation, registeredBy: { fullName: 'Nguyễn Thị Lan' } });
    const again = await system.http().post(`/api/incoming-documents/${incoming.id}/registration`).set(as('vanthu')).send({ version: registered.version }).expect(409);
    expect(again.body.code).toBe('INVALID_STATE');
    const afterRegistration = (await system.http().get('/api/incoming-documents?view=to_register').set(as('vanthu')).expect(200)).body.items;
    expect(afterRegistration.map((item: { id: string }) => item.id)).not.toContain(incoming.id);
    const [notice] = await system.query(`SELECT count(*)::int AS count FROM notification WHERE kind = 'outgoing.dispatched' AND link = $1`, [`/outgoing/${issued.id}`]);
    expect(notice.count).toBeGreaterThan(0);

    const outbox = await system.query(`SELECT kind, organ_id, status, idempotency_key, payload FROM exchange_outbox WHERE outgoing_document_id = $1`, [issued.id]);
    expect(outbox).toEqual([
      {
        kind: 'dispatch',
        organ_id: organId,
        status: 'waiting_for_axis',
        idempotency_key: `dispatch:${issued.id}:${organId}`,
        payload: expect.objectContaining({ fileId: issued.issuedPdf.file.id, numberAndNotation: issued.issuance.numberAndNotation, fromOrganId: expect.any(String) }),
      },
    ]);

    // twice: refused, nothing doubled (with the old and with the new version)
    expect((await dispatch(issued.id, issued.version).expect(409)).body.code).toBeDefined();
    await dispatch(issued.id, dispatched.version).expect(409);
    const [copies] = await system.query(`SELECT count(*)::int AS count FROM incoming_document WHERE source_outgoing_id = $1`, [issued.id]);
    expect(copies.count).toBe(1);
    const [messages] = await system.query(`SELECT count(*)::int AS count FROM exchange_outbox WHERE outgoing_document_id = $1`, [issued.id]);
    expect(messages.count).toBe(1);
    const history = (await system.http().get(`/api/outgoing-documents/${issued.id}/history`).set(as('vanthu')).expect(200)).body;
    expect(history.map((entry: { action: string }) => entry.action).slice(-1)).toEqual(['dispatched']);
  });

  it('exports the outgoing register in number order, as XLSX and as PDF, audited', async () => {
    const second = await issuedDocument({ documentType: 'official_letter', subject: 'V/v góp ý dự thảo thông tư', recipientsText: 'Các Sở Y tế', urgency: 'normal' });
    const day = second.issuance.issuedOn as string;
    const exportRegister = (format: string, username = 'vanthu') =>
      system.http().get('/api/outgoing-documents/register-export').query({ registerId: registers.DI, from: day, to: day, format }).set(as(username)).buffer(true).parse(bytes);
    await exportRegister('xlsx', 'chuyenvien').expect(403);

    const response = await exportRegister('xlsx').expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(`so-van-ban-di-DI-${day}-${day}.xlsx`);
    const workbook = new Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.worksheets[0];
    const text = (row: number) => HEADINGS.map((_, index) => String(sheet.getRow(row).getCell(index + 1).value ?? ''));
    expect(sheet.getCell('A1').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(text(4)).toEqual(HEADINGS);
    expect(sheet.rowCount).toBe(6);
    const [first, last] = [text(5), text(6)];
    expect(first).toEqual([
      '01/QĐ-BYT',
      ddMMyyyy(day),
      'Quyết định Quyết định ban hành quy chế làm việc',
      'Phạm Quốc Hùng',
      expect.stringMatching(/^Phòng Hành chính\n.+/),
      expect.stringContaining('Vụ Pháp chế'),
      '2',
      ddMMyyyy(day),
      '',
      'Khẩn',
    ]);
    expect(last).toEqual([second.issuance.numberAndNotation, ddMMyyyy(day), 'Công văn V/v góp ý dự thảo thông tư', 'Phạm Quốc Hùng', 'Các Sở Y tế', expect.any(String), '', '', '', '']);

    const pdfResponse = await exportRegister('pdf').expect(200);
    expect(pdfResponse.headers['content-type']).toBe('application/pdf');
    const pdf = await openPdf(new Uint8Array(pdfResponse.body));
    const page = await pdf.getPage(1);
    const content = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    await pdf.destroy();
    for (const expected of ['SỔ ĐĂNG KÝ VĂN BẢN ĐI', 'Người ký', 'Nơi nhận văn bản', 'Ký nhận', '01/QĐ-BYT', second.issuance.numberAndNotation, 'Phạm Quốc Hùng', 'Các Sở Y tế'])
      expect(content).toContain(expected);

    const [entry] = await system.query(`SELECT actor_id, entity_id, details FROM audit_entry WHERE action = 'outgoing.register_export' ORDER BY sequence DESC LIMIT 1`);
    expect(entry).toMatchObject({ actor_id: actors.userId.vanthu, entity_id: registers.DI, details: { from: day, to: day, format: 'pdf', rows: 2 } });
  });

  it('recalls a dispatched document with its reason: frozen on our side, the unit copy marked and out of the lists, a recall message per agency', async () => {
    const issued = await issuedDocument({ recipientUnitIds: [unitId['VP.HC']], recipientOrganIds: [organId] });
    const dispatched = (await dispatch(issued.id, issued.version).expect(201)).body;
    const incomingId = dispatched.recipients[0].incomingDocumentId as string;
    const recall = (id: string, version: number, username: string, reason = 'Sai sót về nội dung, sẽ ban hành văn bản thay thế') =>
      system.http().post(`/api/outgoing-documents/${id}/recall`).set(as(username)).send({ reason, version });

    // neither the signer nor a clerk
    await recall(issued.id, dispatched.version, 'chuyenvien').expect(403);
    await recall(issued.id, dispatched.version, 'lanhdao', 'x').expect(400);
    const recalled = (await recall(issued.id, dispatched.version, 'lanhdao').expect(201)).body;
    expect(recalled).toMatchObject({
      state: 'recalled',
      recall: { by: { id: actors.userId.lanhdao }, reason: 'Sai sót về nội dung, sẽ ban hành văn bản thay thế', at: expect.any(String) },
      recipients: [expect.objectContaining({ status: 'recalled' }), expect.objectContaining({ status: 'recalled' })],
    });
    await recall(issued.id, recalled.version, 'vanthu').expect(409);
    const history = (await system.http().get(`/api/outgoing-documents/${issued.id}/history`).set(as('vanthu')).expect(200)).body;
    expect(history[history.length - 1]).toMatchObject({ action: 'recalled', details: { reason: 'Sai sót về nội dung, sẽ ban hành văn bản thay thế' } });

    // the unit's copy: still readable with its history, gone from the list to register
    const incomingHistory = (await system.http().get(`/api/incoming-documents/${incomingId}/history`).set(as('vanthu')).expect(200)).body;
    expect(incomingHistory.map((entry: { action: string }) => entry.action)).toEqual(['received', 'recalled']);
    expect(incomingHistory[1].details).toMatchObject({ reason: 'Sai sót về nội dung, sẽ ban hành văn bản thay thế' });
    const toRegister = (await system.http().get('/api/incoming-documents?view=to_register').set(as('vanthu')).expect(200)).body.items;
    expect(toRegister.map((item: { id: string }) => item.id)).not.toContain(incomingId);

    const outbox = await system.query(`SELECT kind, status, idempotency_key FROM exchange_outbox WHERE outgoing_document_id = $1 ORDER BY created_at, kind`, [issued.id]);
    expect(outbox).toEqual([
      { kind: 'dispatch', status: 'waiting_for_axis', idempotency_key: `dispatch:${issued.id}:${organId}` },
      { kind: 'recall', status: 'waiting_for_axis', idempotency_key: `recall:${issued.id}:${organId}` },
    ]);
    const [audit] = await system.query(`SELECT actor_id FROM audit_entry WHERE action = 'outgoing.recall' AND entity_id = $1`, [issued.id]);
    expect(audit.actor_id).toBe(actors.userId.lanhdao);
    const [notice] = await system.query(`SELECT count(*)::int AS count FROM notification WHERE kind = 'outgoing.recalled' AND user_id = $1`, [actors.userId.vanthu]);
    expect(notice.count).toBe(1);
  });

  it('only an issued document is dispatched', async () => {
    const ready = await draftReadyToSign(system, actors);
    await dispatch(ready.id, ready.version).expect(409);
  });

  it('a confidential document is not sent to a unit through the system: refused, nothing created', async () => {
    const ready = await draftReadyToSign(system, actors, { confidentiality: 'secret', recipientUnitIds: [unitId['VP.HC']] });
    const signed = (await system.http().post(`/api/outgoing-documents/${ready.id}/signature`).set(as('lanhdao')).send({ passphrase: PASSPHRASE, version: ready.version }).expect(201)).body;
    const issued = (
      await system.http().post(`/api/outgoing-documents/${ready.id}/issuance`).set(as('vanthu')).send({ registerId: registers['DI-MAT'], passphrase: PASSPHRASE, version: signed.version }).expect(201)
    ).body;
    expect((await dispatch(issued.id, issued.version).expect(409)).body.code).toBe('INVALID_STATE');
    const [copies] = await system.query(`SELECT count(*)::int AS count FROM incoming_document WHERE source_outgoing_id = $1`, [issued.id]);
    expect(copies.count).toBe(0);
    expect((await system.http().get(`/api/outgoing-documents/${issued.id}`).set(as('vanthu')).expect(200)).body).toMatchObject({ state: 'issued', dispatchedAt: null });
  });
});
