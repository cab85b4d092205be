import { vietnamYear } from '../../apps/api/src/platform/clock/clock';
import { wordDocument } from '../../apps/api/src/outgoing/testing/word-document';
import { outgoingDraftPdf } from '../../apps/api/src/signatures/testing/sample-drafts';
import { draftReadyToSign, OutgoingActors } from '../support/outgoing-flow';
import { createTestApp, TestApp } from '../support/test-app';

const PASSPHRASE = 'KySo@2026';
const REASON = 'Sai mức phụ cấp tại Điều 2, ban hành văn bản thay thế';

/**
 * Replacement (thay thế) of an issued document by a new one, the number shown before issuing, and
 * the organisation's signature on the attachments in separate files at issuance.
 */
describe('Replacing issued outgoing documents; attachments sealed at issuance', () => {
  let system: TestApp;
  const actors: OutgoingActors = { token: {}, userId: {} };
  const registers: Record<string, string> = {};
  const unitId: Record<string, string> = {};
  let organId: string;
  const year = vietnamYear(new Date());

  const as = (username: string) => ({ Authorization: `Bearer ${actors.token[username]}` });
  const getDocument = async (id: string, username = 'vanthu') => (await system.http().get(`/api/outgoing-documents/${id}`).set(as(username)).expect(200)).body;
  const sign = async (id: string, version: number) =>
    (await system.http().post(`/api/outgoing-documents/${id}/signature`).set(as('lanhdao')).send({ passphrase: PASSPHRASE, version }).expect(201)).body;
  const issue = (id: string, version: number, username = 'vanthu') =>
    system.http().post(`/api/outgoing-documents/${id}/issuance`).set(as(username)).send({ registerId: registers.DI, passphrase: PASSPHRASE, version });
  const preview = (id: string, registerId = registers.DI) => system.http().get(`/api/outgoing-documents/${id}/issuance-preview`).query({ registerId }).set(as('vanthu'));
  const counter = async () => (await system.query<{ last_number: number }>(`SELECT last_number FROM register_counter WHERE register_id = $1 AND year = $2`, [registers.DI, year]))[0]?.last_number ?? 0;
  const upload = async (bytes: Buffer, name: string) => (await system.http().post('/api/files').set(as('chuyenvien')).attach('file', bytes, name).expect(201)).body.id as string;
  const content = async (id: string, fileId: string) =>
    (await system.http().get(`/api/outgoing-documents/${id}/files/${fileId}/content`).set(as('vanthu')).buffer(true).expect(200)).body as Buffer;
  const verify = async (pdf: Buffer) => (await system.http().post('/api/signatures/verification').set(as('chuyenvien')).attach('file', pdf, 'check.pdf').expect(200)).body.signatures;
  /** The first request of a draft, as the form sends it, answered as it is. */
  const startDraft = async (fields: Record<string, unknown>) =>
    system
      .http()
      .post('/api/outgoing-documents')
      .set(as('chuyenvien'))
      .send({ documentType: 'decision', subject: 'Quyết định thay thế', urgency: 'normal', confidentiality: 'normal', signerId: actors.userId.lanhdao, mainFileId: await upload(await outgoingDraftPdf(), 'b.pdf'), ...fields });
  const issuedAndDispatched = async () => {
    const ready = await draftReadyToSign(system, actors, { recipientUnitIds: [unitId['VP.HC']], recipientOrganIds: [organId] });
    const issued = (await issue(ready.id, (await sign(ready.id, ready.version)).version).expect(201)).body;
    return (await system.http().post(`/api/outgoing-documents/${issued.id}/dispatch`).set(as('vanthu')).send({ version: issued.version }).expect(201)).body;
  };

  beforeAll(async () => {
    system = await createTestApp();
    for (const username of ['vanthu', 'lanhdao', 'chuyenvien']) actors.token[username] = await system.login(username);
    for (const row of await system.query(`SELECT id, username FROM "user"`)) actors.userId[row.username] = row.id;
    for (const row of await system.query(`SELECT id, code FROM document_register WHERE direction = 'outgoing'`)) registers[row.code] = row.id;
    for (const row of await system.query(`SELECT id, code FROM unit`)) unitId[row.code] = row.id;
    [{ id: organId }] = await system.query(`SELECT id FROM organ WHERE NOT is_self ORDER BY organ_id LIMIT 1`);
  });
  afterAll(() => system?.close());

  it('a new draft replaces a dispatched document when it is issued: both linked, the old one replaced, its copies withdrawn; its dispatch tells each agency it replaces the old one', async () => {
    const original = await issuedAndDispatched();
    const incomingId = original.recipients[0].incomingDocumentId as string;

    // a replacement says why, and replaces only what went out
    const withoutReason = await startDraft({ replacesId: original.id });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'replacementReason' })]));
    const notIssued = await draftReadyToSign(system, actors);
    const refused = await startDraft({ replacesId: notIssued.id, replacementReason: REASON });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('thay thế') });

    const replacing = await draftReadyToSign(system, actors, { replacesId: original.id, replacementReason: REASON, recipientUnitIds: [unitId['VP.HC']], recipientOrganIds: [organId] });
    // a second replacement started at the same time: only one can be issued
    const rival = await draftReadyToSign(system, actors, { replacesId: original.id, replacementReason: 'Bản thay thế thứ hai' });
    const started = await getDocument(replacing.id);
    expect(started.replaces).toEqual({ id: original.id, subject: original.subject, numberAndNotation: original.issuance.numberAndNotation, state: 'dispatched', reason: REASON });
    expect((await getDocument(original.id)).state).toBe('dispatched');
    const originalHistory = (await system.http().get(`/api/outgoing-documents/${original.id}/history`).set(as('vanthu')).expect(200)).body;
    expect(originalHistory.filter((entry: { action: string }) => entry.action === 'replacement_drafted')).toHaveLength(2);

    // the clerk sees the number the issuance will take
    const signed = await sign(replacing.id, replacing.version);
    const forecast = (await preview(replacing.id).expect(200)).body;
    expect(forecast).toMatchObject({ register: { id: registers.DI, code: 'DI' }, year, number: (await counter()) + 1 });
    expect((await preview(replacing.id, registers['DI-MAT']).expect(400)).body.code).toBe('REGISTER_MISMATCH');
    await system.http().get(`/api/outgoing-documents/${replacing.id}/issuance-preview`).query({ registerId: 'x' }).set(as('vanthu')).expect(400);
    await system.http().get(`/api/outgoing-documents/${replacing.id}/issuance-preview`).query({ registerId: registers.DI }).set(as('chuyenvien')).expect(403);

    const issued = (await issue(replacing.id, signed.version).expect(201)).body;
    expect(issued.issuance).toMatchObject({ number: forecast.number, numberAndNotation: forecast.numberAndNotation });
    expect(issued.replaces).toMatchObject({ id: original.id, state: 'replaced', reason: REASON });

    const replaced = await getDocument(original.id);
    expect(replaced).toMatchObject({
      state: 'replaced',
      replacedBy: { id: replacing.id, numberAndNotation: forecast.numberAndNotation, state: 'issued', reason: REASON, at: issued.issuance.issuedAt },
      recipients: [expect.objectContaining({ status: 'replaced' }), expect.objectContaining({ status: 'replaced' })],
    });
    const history = (await system.http().get(`/api/outgoing-documents/${original.id}/history`).set(as('vanthu')).expect(200)).body;
    expect(history[history.length - 1]).toMatchObject({ action: 'replaced', details: { replacementId: replacing.id, numberAndNotation: forecast.numberAndNotation, reason: REASON } });
    const newHistory = (await system.http().get(`/api/outgoing-documents/${replacing.id}/history`).set(as('vanthu')).expect(200)).body;
    expect(newHistory.map((entry: { action: string }) => entry.action).slice(-2)).toEqual(['issued', 'replaces']);

    // the unit's copy of the old one: it shows where it came from and that it was withdrawn
    const copy = (await system.http().get(`/api/incoming-documents/${incomingId}`).set(as('vanthu')).expect(200)).body;
    expect(copy).toMatchObject({ sourceOutgoingId: original.id, recalledAt: expect.any(String) });
    const copyHistory = (await system.http().get(`/api/incoming-documents/${incomingId}/history`).set(as('vanthu')).expect(200)).body;
    expect(copyHistory[copyHistory.length - 1].details.reason).toContain(forecast.numberAndNotation);

    // no message about the old document for the agencies: they hear of it from the new one's dispatch
    const outbox = await system.query(`SELECT kind FROM exchange_outbox WHERE outgoing_document_id = $1`, [original.id]);
    expect(outbox.map((row: { kind: string }) => row.kind)).toEqual(['dispatch']);
    await system.http().post(`/api/outgoing-documents/${replacing.id}/dispatch`).set(as('vanthu')).send({ version: issued.version }).expect(201);
    const [message] = await system.query(`SELECT kind, idempotency_key, payload FROM exchange_outbox WHERE outgoing_document_id = $1`, [replacing.id]);
    expect(message).toMatchObject({
      kind: 'dispatch',
      idempotency_key: `dispatch:${replacing.id}:${organId}`,
      payload: { numberAndNotation: forecast.numberAndNotation, replaces: { outgoingDocumentId: original.id, numberAndNotation: original.issuance.numberAndNotation, reason: REASON } },
    });
    const [audit] = await system.query(`SELECT actor_id, entity_id, details FROM audit_entry WHERE action = 'outgoing.replace'`);
    expect(audit).toMatchObject({ actor_id: actors.userId.vanthu, entity_id: original.id, details: { replacementId: replacing.id, reason: REASON } });
    const [notice] = await system.query(`SELECT count(*)::int AS count FROM notification WHERE kind = 'outgoing.replaced' AND user_id = $1`, [actors.userId.lanhdao]);
    expect(notice.count).toBe(1);

    // the rival cannot replace it again: refused at issuance, no number used, still signed
    const rivalSigned = await sign(rival.id, rival.version);
    const taken = await counter();
    expect((await issue(rival.id, rivalSigned.version).expect(409)).body.code).toBe('INVALID_STATE');
    expect(await counter()).toBe(taken);
    expect(await getDocument(rival.id)).toMatchObject({ state: 'signed', issuance: null, version: rivalSigned.version });
    // nor can a new draft name it
    expect((await startDraft({ replacesId: original.id, replacementReason: REASON })).status).toBe(409);
  });

  it('seals each PDF attachment with the organisation’s signature at issuance, keeps other files as they are; only a clerk issues', async () => {
    const annex = await outgoingDraftPdf({ pages: 2 });
    const word = wordDocument('Phụ lục danh sách đơn vị');
    const attachmentFileIds = [await upload(annex, 'Phụ lục I.pdf'), await upload(word, 'Phụ lục II.docx')];
    const ready = await draftReadyToSign(system, actors, { attachmentFileIds });
    const signed = await sign(ready.id, ready.version);
    const taken = await counter();
    // a clerk's work: the officer is refused and nothing is numbered
    await issue(ready.id, signed.version, 'chuyenvien').expect(403);
    expect(await counter()).toBe(taken);

    const issued = (await issue(ready.id, signed.version).expect(201)).body;
    const [sealed, kept] = issued.issuedPdf.attachments;
    expect(sealed).toMatchObject({ mediaType: 'application/pdf', originalName: `Phụ lục I (${issued.issuance.numberAndNotation.replace(/\//g, '-')}).pdf` });
    expect(kept).toMatchObject({ id: attachmentFileIds[1], originalName: 'Phụ lục II.docx' });
    const signatures = await verify(await content(ready.id, sealed.id));
    expect(signatures).toEqual([expect.objectContaining({ fieldName: expect.stringMatching(/^Organisation/), valid: true, modifiedAfterSigning: false, coversWholeDocument: true })]);
    const history = (await system.http().get(`/api/outgoing-documents/${ready.id}/history`).set(as('vanthu')).expect(200)).body;
    expect(history[history.length - 1]).toMatchObject({ action: 'issued', details: { attachmentsSigned: 1 } });
  });

  it('an attachment that is not a readable PDF stops the issuance plainly: no number used, nothing written', async () => {
    const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R'), Buffer.alloc(2048, 0x41), Buffer.from('\n%%EOF\n')]);
    const ready = await draftReadyToSign(system, actors, { attachmentFileIds: [await upload(corrupt, 'Phụ lục hỏng.pdf')] });
    const signed = await sign(ready.id, ready.version);
    const taken = await counter();
    const refused = await issue(ready.id, signed.version);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.body).toMatchObject({ code: expect.any(String), message: expect.any(String), messageEn: expect.any(String) });
    expect(await counter()).toBe(taken);
    expect(await getDocument(ready.id)).toMatchObject({ state: 'signed', issuance: null, issuedPdf: null, version: signed.version });
  });
});
