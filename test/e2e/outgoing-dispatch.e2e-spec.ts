import { draftReadyToSign, OutgoingActors } from '../support/outgoing-flow';
import { createTestApp, TestApp } from '../support/test-app';

const PASSPHRASE = 'KySo@2026';

/**
 * After issuance: dispatch to the recipients (units of the agency as incoming documents, other
 * agencies through the exchange outbox), the outgoing register export, and recall.
 */
describe('Dispatching outgoing documents', () => {
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

  it('only an issued document is dispatched', async () => {
    const ready = await draftReadyToSign(system, actors);
    await dispatch(ready.id, ready.version).expect(409);
  });
});
