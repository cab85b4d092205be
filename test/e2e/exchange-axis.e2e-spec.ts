import { DataSource } from 'typeorm';
import { EdxmlBussinessDocType, EdxmlStatusCode, readEdxml, writeDocumentMessage, writeStatusMessage } from '@app/edxml';
import { AxisClient } from '../../apps/api/src/exchange/axis/axis-client';
import { vietnamInstant } from '../../apps/api/src/exchange/edxml-time';
import { AXIS_ACTOR } from '../../apps/api/src/exchange/exchange-actor';
import { FilesService } from '../../apps/api/src/files/files.service';
import { StoredFile } from '../../apps/api/src/files/stored-file.entity';
import { documentMessage, edxmlDocumentId } from '../../apps/api/src/exchange/outbox/document-message';
import { outgoingDraftPdf } from '../../apps/api/src/signatures/testing/sample-drafts';
import { draftReadyToSign } from '../support/outgoing-flow';
import { startTestAxis, TestAxis } from '../support/axis-sim';
import { eventually, TestAgency } from '../support/axis-agencies';

const A = { organId: '000.00.00.G10', name: 'Bộ Y tế', notation: 'BYT', secret: 'secret-of-G10-for-the-tests' };
const B = { organId: '000.00.00.G12', name: 'Bộ Tài chính', notation: 'BTC', secret: 'secret-of-G12-for-the-tests' };

/**
 * Two agencies running this system (two APIs, two databases) and the stand-in axis between them:
 * a document goes from A to B once, whatever is retried; B's work flows back to A as statuses; a
 * recall is answered; a refusal comes back with its reason.
 */
describe('Interconnection: two agencies exchange documents through the axis', () => {
  let axis: TestAxis;
  let a: TestAgency;
  let b: TestAgency;

  beforeAll(async () => {
    axis = await startTestAxis([A, B]);
    a = await new TestAgency(A, axis.url).start();
    b = await new TestAgency(B, axis.url).start();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await axis?.close();
  });

  /** A sends what waits; B takes it (twice, at once: two pollers) and gets exactly one document. */
  const deliver = async (outgoingId: string, numberAndNotation: string) => {
    await a.queueWaiting();
    await eventually('A to send the message', async () => (await a.outboxOf(outgoingId)).every((row) => row.status === 'sent'));
    const received = await b.pollUntilReceived(A.organId, numberAndNotation);
    expect(received).toHaveLength(1);
    return received[0];
  };
  /** B takes the recall A sent and shows it on the document. */
  const changeRequestAtB = (incomingId: string) =>
    eventually('the recall request at B', async () => {
      await b.poll();
      const exchange = (await b.http().get(`/api/incoming-documents/${incomingId}/exchange`).set(b.as('vanthu')).expect(200)).body;
      return exchange.changeKind ? exchange : undefined;
    });
  /** B's statuses reach A: B sends them (jobs), A takes them. */
  const statusesAtA = async (outgoingId: string, expected: string[]) =>
    eventually(`statuses ${expected.join(',')} at A`, async () => {
      await b.queueWaiting();
      await a.poll();
      const exchange = await a.exchangeOf(outgoingId);
      const codes = exchange.recipients[0].statuses.map((status: { code: string }) => status.code);
      return codes.length >= expected.length ? exchange : undefined;
    });

  it('A issues to B; B receives it once though A’s send is retried and B polls twice; B registers, assigns, completes; A sees 01, 03, 04, 05, 06 in order', async () => {
    const sent = await a.issueTo([B.organId], 'V/v phối hợp triển khai liên thông văn bản điện tử');
    const document = await deliver(sent.id, sent.numberAndNotation);

    // the answer to A's send was lost: the message is sent again, and B still has one document
    await a.system.query(`UPDATE exchange_outbox SET status = 'waiting_for_axis' WHERE outgoing_document_id = $1`, [sent.id]);
    await a.queueWaiting();
    await eventually('A to send again', async () => (await a.outboxOf(sent.id)).every((row) => row.status === 'sent'));
    const atAxis = (await axis.deliveriesFrom(A.organId)).filter((delivery) => delivery.title.includes('liên thông văn bản điện tử'));
    expect(atAxis).toHaveLength(2);
    await b.poll();
    await b.poll();
    expect(await b.receivedFrom(A.organId, sent.numberAndNotation)).toHaveLength(1);

    // B's clerk finds it waiting to be registered, prefilled from the message, the signed PDF as its file
    const toRegister = (await b.http().get('/api/incoming-documents?view=to_register').set(b.as('vanthu')).expect(200)).body.items;
    expect(toRegister.map((item: { id: string }) => item.id)).toContain(document.id);
    const incoming = (await b.http().get(`/api/incoming-documents/${document.id}`).set(b.as('vanthu')).expect(200)).body;
    expect(incoming).toMatchObject({
      state: 'received',
      receivedVia: 'axis',
      issuerName: A.name,
      numberAndNotation: sent.numberAndNotation,
      promulgatedOn: sent.issuedOn,
      documentType: 'official_letter',
      subject: 'V/v phối hợp triển khai liên thông văn bản điện tử',
      urgency: 'urgent',
      signerName: 'Phạm Quốc Hùng',
    });
    const pdf = (await b.http().get(`/api/incoming-documents/${document.id}/files/${incoming.mainFile.id}/content`).set(b.as('vanthu')).buffer(true).expect(200)).body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [raw] = await b.system.query(`SELECT count(*)::int AS count FROM exchange_inbox_message WHERE from_organ_id = $1 AND message_type = 'edoc'`, [A.organId]);
    expect(raw.count).toBe(2);
    const audited = await b.system.query(`SELECT actor_username, details FROM audit_entry WHERE action = 'exchange.receive' AND entity_id = $1`, [document.id]);
    expect(audited).toEqual([{ actor_username: 'truc-lien-thong', details: expect.objectContaining({ from: A.organId, files: 1 }) }]);

    // B works on it
    const registered = (await b.http().post(`/api/incoming-documents/${document.id}/registration`).set(b.as('vanthu')).send({ version: incoming.version }).expect(201)).body;
    const [assignment] = await b.incoming.direct(registered, [{ role: 'lead', userId: b.actors.userId.chuyenvien }]);
    await b.http().post(`/api/assignments/${assignment.id}/progress`).set(b.as('chuyenvien')).send({ text: 'Đang tổng hợp ý kiến các vụ.' }).expect(204);
    await b.incoming.complete(assignment.id, 'chuyenvien');

    const exchange = await statusesAtA(sent.id, ['01', '03', '04', '05', '06']);
    const [recipient] = exchange.recipients;
    expect(recipient).toMatchObject({ organId: B.organId, organName: B.name, messages: [{ kind: 'dispatch', status: 'sent', attempts: 2 }] });
    expect(recipient.statuses.map((status: { code: string }) => status.code)).toEqual(['01', '03', '04', '05', '06']);
    expect(recipient.statuses[1]).toMatchObject({ description: 'Tiếp nhận, vào sổ văn bản đến', staff: 'Nguyễn Thị Lan' });
    expect(exchange.documentId).toBe(`${A.organId},${sent.issuedOn.replaceAll('-', '/')},${sent.numberAndNotation}`);
    // the statuses too arrived once each, however often B queued them
    const [statusRows] = await a.system.query(`SELECT count(*)::int AS count FROM exchange_received_status WHERE outgoing_document_id = $1`, [sent.id]);
    expect(statusRows.count).toBe(5);
  });

  it('A recalls a second document; B’s clerk agrees: the incoming document is withdrawn but kept, and A sees 15', async () => {
    const sent = await a.issueTo([B.organId], 'V/v báo cáo số liệu quý IV');
    const document = await deliver(sent.id, sent.numberAndNotation);
    const { version } = (await a.http().get(`/api/outgoing-documents/${sent.id}`).set(a.as('vanthu')).expect(200)).body;
    await a.http().post(`/api/outgoing-documents/${sent.id}/recall`).set(a.as('vanthu')).send({ reason: 'Sai số liệu phụ lục', version }).expect(201);
    await a.queueWaiting();
    await eventually('A to send the recall', async () => (await a.outboxOf(sent.id)).every((row) => row.status === 'sent'));
    const request = await changeRequestAtB(document.id);
    expect(request).toMatchObject({ fromOrganId: A.organId, changeKind: 'recall', changeReason: 'Sai số liệu phụ lục', changeAnswer: null });
    // only a clerk answers, once
    await b.http().post(`/api/incoming-documents/${document.id}/exchange/change-answer`).set(b.as('chuyenvien')).send({ accept: true }).expect(403);
    await b.http().post(`/api/incoming-documents/${document.id}/exchange/change-answer`).set(b.as('vanthu')).send({ accept: true }).expect(204);
    await b.http().post(`/api/incoming-documents/${document.id}/exchange/change-answer`).set(b.as('vanthu')).send({ accept: true }).expect(409);

    const withdrawn = (await b.http().get(`/api/incoming-documents/${document.id}`).set(b.as('vanthu')).expect(200)).body;
    expect(withdrawn.recalledAt).toEqual(expect.any(String));
    const toRegister = (await b.http().get('/api/incoming-documents?view=to_register').set(b.as('vanthu')).expect(200)).body.items;
    expect(toRegister.map((item: { id: string }) => item.id)).not.toContain(document.id);
    const history = (await b.http().get(`/api/incoming-documents/${document.id}/history`).set(b.as('vanthu')).expect(200)).body;
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['received', 'recalled']);

    const exchange = await statusesAtA(sent.id, ['01', '15']);
    expect(exchange.recipients[0].statuses.map((status: { code: string }) => status.code)).toEqual(['01', '15']);
    expect(exchange.recipients[0].messages.map((message: { kind: string; status: string }) => [message.kind, message.status])).toEqual([
      ['dispatch', 'sent'],
      ['recall', 'sent'],
    ]);
  });

  it('B’s clerk refuses a recall with the reason: the document stays in B’s work, A sees 16 with the reason', async () => {
    const sent = await a.issueTo([B.organId], 'V/v tổng kết công tác năm');
    const document = await deliver(sent.id, sent.numberAndNotation);
    const { version } = (await a.http().get(`/api/outgoing-documents/${sent.id}`).set(a.as('vanthu')).expect(200)).body;
    await a.http().post(`/api/outgoing-documents/${sent.id}/recall`).set(a.as('lanhdao')).send({ reason: 'Cần bổ sung số liệu', version }).expect(201);
    await a.queueWaiting();
    await eventually('A to send the recall', async () => (await a.outboxOf(sent.id)).every((row) => row.status === 'sent'));
    await changeRequestAtB(document.id);

    const answer = (body: Record<string, unknown>) => b.http().post(`/api/incoming-documents/${document.id}/exchange/change-answer`).set(b.as('vanthu')).send(body);
    expect((await answer({ accept: false }).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'reason' }] });
    await answer({ accept: false, reason: 'Văn bản đã được lãnh đạo Bộ cho ý kiến' }).expect(204);
    const kept = (await b.http().get(`/api/incoming-documents/${document.id}`).set(b.as('vanthu')).expect(200)).body;
    expect(kept).toMatchObject({ state: 'received', recalledAt: null });
    expect((await b.http().get(`/api/incoming-documents/${document.id}/exchange`).set(b.as('vanthu')).expect(200)).body).toMatchObject({ changeKind: 'recall', changeAnswer: 'refused' });

    const exchange = await statusesAtA(sent.id, ['01', '16']);
    expect(exchange.recipients[0].statuses).toEqual([
      expect.objectContaining({ code: '01' }),
      expect.objectContaining({ code: '16', description: 'Văn bản đã được lãnh đạo Bộ cho ý kiến' }),
    ]);
  });

  it('a recall asked the other producers’ way (status 13) is answered the same: B agrees, A records 15', async () => {
    const sent = await a.issueTo([B.organId], 'V/v lấy ý kiến dự thảo nghị định');
    const document = await deliver(sent.id, sent.numberAndNotation);
    const documentId = `${A.organId},${sent.issuedOn.replaceAll('-', '/')},${sent.numberAndNotation}`;
    const request = writeStatusMessage({
      header: {
        from: { organId: A.organId, organName: A.name },
        responseFor: { organId: B.organId, code: sent.numberAndNotation, promulgationDate: sent.issuedOn, documentId },
        statusCode: EdxmlStatusCode.RecallRequested,
        description: 'Văn thư yêu cầu lấy lại văn bản: gửi nhầm nơi nhận',
        timestamp: vietnamInstant(new Date()),
      },
    });
    await new AxisClient({ endpoint: axis.url, credentials: { systemId: A.organId, secret: A.secret }, timeoutMs: 5000 }).send(request, 'status', A.organId);

    expect(await changeRequestAtB(document.id)).toMatchObject({ changeKind: 'recall', changeReason: 'Văn thư yêu cầu lấy lại văn bản: gửi nhầm nơi nhận' });
    await b.http().post(`/api/incoming-documents/${document.id}/exchange/change-answer`).set(b.as('vanthu')).send({ accept: true }).expect(204);
    const exchange = await statusesAtA(sent.id, ['01', '15']);
    expect(exchange.recipients[0].statuses.map((status: { code: string }) => status.code)).toEqual(['01', '15']);
  });

  /** A drafts, signs, issues and dispatches to B a document replacing `replacesId`. */
  const issueReplacement = async (replacesId: string, subject: string, replacementReason: string) => {
    const [organ] = await a.system.query(`SELECT id FROM organ WHERE organ_id = $1`, [B.organId]);
    const [register] = await a.system.query(`SELECT id FROM document_register WHERE direction = 'outgoing' AND code = 'DI'`);
    const ready = await draftReadyToSign(a.system, a.actors, { documentType: 'official_letter', subject, urgency: 'urgent', recipientOrganIds: [organ.id], replacesId, replacementReason });
    const signed = (await a.http().post(`/api/outgoing-documents/${ready.id}/signature`).set(a.as('lanhdao')).send({ passphrase: 'KySo@2026', version: ready.version }).expect(201)).body;
    const issued = (await a.http().post(`/api/outgoing-documents/${ready.id}/issuance`).set(a.as('vanthu')).send({ registerId: register.id, passphrase: 'KySo@2026', version: signed.version }).expect(201)).body;
    await a.http().post(`/api/outgoing-documents/${ready.id}/dispatch`).set(a.as('vanthu')).send({ version: issued.version }).expect(201);
    return { id: ready.id, numberAndNotation: issued.issuance.numberAndNotation as string, issuedOn: issued.issuance.issuedOn as string };
  };
  const historyAtB = async (incomingId: string) => (await b.http().get(`/api/incoming-documents/${incomingId}/history`).set(b.as('vanthu')).expect(200)).body;

  it('A replaces a document B received: B receives the new one once, with its file, and the clerk’s agreement withdraws the old one; A sees 15 for it', async () => {
    const reason = 'Sai thời hạn quyết toán tại mục 2, ban hành văn bản thay thế';
    const x = await a.issueTo([B.organId], 'V/v hướng dẫn quyết toán kinh phí năm 2026');
    const oldAtB = await deliver(x.id, x.numberAndNotation);
    const y = await issueReplacement(x.id, 'V/v hướng dẫn quyết toán kinh phí năm 2026 (thay thế)', reason);

    // no message about the old document: the new one's dispatch carries the replacement
    expect((await a.outboxOf(x.id)).map((row) => row.kind)).toEqual(['dispatch']);
    const [dispatch] = await a.system.query(`SELECT kind, payload FROM exchange_outbox WHERE outgoing_document_id = $1`, [y.id]);
    expect(dispatch).toMatchObject({ kind: 'dispatch', payload: { replaces: { outgoingDocumentId: x.id, numberAndNotation: x.numberAndNotation, reason } } });

    const newAtB = await deliver(y.id, y.numberAndNotation);
    await b.poll();
    expect(await b.receivedFrom(A.organId, y.numberAndNotation)).toHaveLength(1);
    // what travelled: the new document with its PDF, Bussiness 3, naming the DocumentId the old one went under
    const oldDocumentId = (await a.exchangeOf(x.id)).documentId;
    expect(oldDocumentId).toBe(edxmlDocumentId(A.organId, x.issuedOn, x.numberAndNotation));
    const [stored] = await b.system.query(
      `SELECT message.raw_file_id FROM exchange_received_document received JOIN exchange_inbox_message message ON message.id = received.inbox_message_id WHERE received.incoming_document_id = $1`,
      [newAtB.id],
    );
    const raw = await b.system.app.get(DataSource).getRepository(StoredFile).findOneByOrFail({ id: stored.raw_file_id });
    const wire = await readEdxml(await b.system.app.get(FilesService).open(raw, AXIS_ACTOR));
    try {
      if (wire.kind !== 'document') throw new Error(`read as ${wire.kind}`);
      expect(wire.message.header.documentId).toBe(edxmlDocumentId(A.organId, y.issuedOn, y.numberAndNotation));
      expect(wire.message.traceHeaderList?.bussiness).toMatchObject({
        bussinessDocType: EdxmlBussinessDocType.Replace,
        bussinessDocReason: reason,
        replacementInfoList: [{ documentId: oldDocumentId, organIdList: [B.organId] }],
      });
      expect(wire.message.attachments.flatMap((attachment) => attachment.files).map((file) => file.contentType)).toContain('application/pdf');
    } finally {
      await wire.dispose();
    }

    // the new one is an ordinary received document, prefilled, its file the signed PDF, waiting to be registered
    const incoming = (await b.http().get(`/api/incoming-documents/${newAtB.id}`).set(b.as('vanthu')).expect(200)).body;
    expect(incoming).toMatchObject({ state: 'received', numberAndNotation: y.numberAndNotation, subject: 'V/v hướng dẫn quyết toán kinh phí năm 2026 (thay thế)', recalledAt: null });
    const pdf = (await b.http().get(`/api/incoming-documents/${newAtB.id}/files/${incoming.mainFile.id}/content`).set(b.as('vanthu')).buffer(true).expect(200)).body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [received] = await historyAtB(newAtB.id);
    expect(received).toMatchObject({ action: 'received', details: { note: expect.stringContaining(x.numberAndNotation) } });

    // the old one carries the replacement request, linked to the new one
    const request = await changeRequestAtB(oldAtB.id);
    expect(request).toMatchObject({
      fromOrganId: A.organId,
      documentId: oldDocumentId,
      changeKind: 'replace',
      changeReason: reason,
      changeAnswer: null,
      replacedBy: { incomingDocumentId: newAtB.id, numberAndNotation: y.numberAndNotation, subject: incoming.subject },
    });
    await b.http().post(`/api/incoming-documents/${oldAtB.id}/exchange/change-answer`).set(b.as('vanthu')).send({ accept: true }).expect(204);

    // withdrawn, kept with its history naming the replacement; the new one stays in the clerk's work
    expect((await b.http().get(`/api/incoming-documents/${oldAtB.id}`).set(b.as('vanthu')).expect(200)).body.recalledAt).toEqual(expect.any(String));
    const history = await historyAtB(oldAtB.id);
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['received', 'recalled']);
    expect(history[1].details.reason).toContain(y.numberAndNotation);
    const toRegister = (await b.http().get('/api/incoming-documents?view=to_register').set(b.as('vanthu')).expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(toRegister).toContain(newAtB.id);
    expect(toRegister).not.toContain(oldAtB.id);
    expect((await b.http().get(`/api/incoming-documents/${oldAtB.id}/exchange`).set(b.as('vanthu')).expect(200)).body).toMatchObject({ changeKind: 'replace', changeAnswer: 'accepted' });

    const exchange = await statusesAtA(x.id, ['01', '15']);
    expect(exchange.recipients[0].statuses.map((status: { code: string }) => status.code)).toEqual(['01', '15']);
    expect(exchange.recipients[0].messages.map((message: { kind: string }) => message.kind)).toEqual(['dispatch']);
    expect((await statusesAtA(y.id, ['01'])).recipients[0].statuses.map((status: { code: string }) => status.code)).toEqual(['01']);
  });

  it('a replacement naming a document B never received is still received as a new document, with a warning in its history', async () => {
    const numberAndNotation = '77/BYT-KHTC';
    const issuedOn = new Date().toISOString().slice(0, 10);
    const neverSent = edxmlDocumentId(A.organId, '2026-01-05', '01/BYT-KHTC');
    const message = await writeDocumentMessage(
      documentMessage({
        from: { organId: A.organId, organName: A.name },
        to: { organId: B.organId, organName: B.name },
        numberAndNotation,
        issuedOn,
        documentType: 'official_letter',
        subject: 'V/v điều chỉnh dự toán (thay thế)',
        urgency: 'normal',
        signer: { fullName: 'Phạm Quốc Hùng', position: null },
        staff: { department: 'Văn thư' },
        bussinessDocType: EdxmlBussinessDocType.Replace,
        reason: 'Văn bản thay thế',
        replaces: neverSent,
        attachments: [{ attachmentName: 'Công văn 77.pdf', contentType: 'application/pdf', content: await outgoingDraftPdf() }],
        now: new Date(),
      }),
    );
    await new AxisClient({ endpoint: axis.url, credentials: { systemId: A.organId, secret: A.secret }, timeoutMs: 5000 }).send(message, 'edoc', A.organId);

    const [document] = await b.pollUntilReceived(A.organId, numberAndNotation);
    expect(document.state).toBe('received');
    const [received] = await historyAtB(document.id);
    expect(received.details.note).toContain('Cảnh báo');
    expect(received.details.note).toContain(neverSent);
    const [requests] = await b.system.query(`SELECT count(*)::int AS count FROM exchange_received_document WHERE change_kind = 'replace' AND replacement_incoming_id = $1`, [document.id]);
    expect(requests.count).toBe(0);
  });

  it('B’s clerk refuses a document: A sees 02 with the reason', async () => {
    const sent = await a.issueTo([B.organId], 'V/v đề nghị cấp kinh phí');
    const document = await deliver(sent.id, sent.numberAndNotation);
    await b.http().post(`/api/incoming-documents/${document.id}/rejection`).set(b.as('vanthu')).send({ reason: 'Không thuộc thẩm quyền của Bộ Tài chính', version: document.version }).expect(204);
    const exchange = await statusesAtA(sent.id, ['01', '02']);
    expect(exchange.recipients[0].statuses).toEqual([
      expect.objectContaining({ code: '01' }),
      expect.objectContaining({ code: '02', description: 'Không thuộc thẩm quyền của Bộ Tài chính' }),
    ]);
  });
  it('brings the organ directory up to date from the axis: clerks and admins only, nothing removed', async () => {
    await b.http().post('/api/organs/axis-synchronization').set(b.as('chuyenvien')).expect(403);
    const before = await b.system.query(`SELECT organ_id FROM organ ORDER BY organ_id`);
    expect(before.map((row: { organ_id: string }) => row.organ_id)).not.toContain(A.organId);
    const result = (await b.http().post('/api/organs/axis-synchronization').set(b.as('vanthu')).expect(200)).body;
    expect(result).toEqual({ added: 1, updated: 0, unchanged: 1 });
    const [added] = await b.system.query(`SELECT name, is_self FROM organ WHERE organ_id = $1`, [A.organId]);
    expect(added).toEqual({ name: A.name, is_self: false });
    const after = await b.system.query(`SELECT count(*)::int AS count FROM organ`);
    expect(after[0].count).toBe(before.length + 1);
    expect((await b.http().post('/api/organs/axis-synchronization').set(b.as('vanthu')).expect(200)).body).toEqual({ added: 0, updated: 0, unchanged: 2 });
  });
});
