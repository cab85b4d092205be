import { samplePdf, samplePng } from '../../apps/api/src/files/testing/sample-files';
import { eventually, NotificationInboxes } from '../support/notification-inbox';
import { createTestApp, TestApp } from '../support/test-app';
import { wordDocument } from '../../apps/api/src/outgoing/testing/word-document';

describe('Drafting and approving outgoing documents', () => {
  let system: TestApp;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const unitId: Record<string, string> = {};
  let registers: Record<string, string>;
  let otherOrganId: string;
  let inboxes: NotificationInboxes;

  const as = (username: string) => ({ Authorization: `Bearer ${token[username]}` });

  async function upload(username: string, bytes: Buffer, name: string): Promise<string> {
    return (await system.http().post('/api/files').set(as(username)).attach('file', bytes, name).expect(201)).body.id;
  }

  /** An incoming document registered by the clerk; given to Vụ Pháp chế when `toLegalUnit`, so its officer sees it. */
  async function incomingDocument(toLegalUnit: boolean): Promise<{ id: string; subject: string }> {
    const file = await upload('vanthu', samplePdf('Cong van den'), 'đến.pdf');
    const document = (
      await system
        .http()
        .post('/api/incoming-documents')
        .set(as('vanthu'))
        .send({
          registerId: registers.DEN,
          receivedVia: 'paper',
          issuerName: 'Sở Y tế Hà Nội',
          codeNumber: String(Math.floor(Math.random() * 100000)),
          codeNotation: 'SYT-NVY',
          promulgatedOn: '2026-11-18',
          documentType: 'official_letter',
          subject: 'Đề nghị hướng dẫn khám sức khỏe định kỳ',
          urgency: 'normal',
          confidentiality: 'normal',
          mainFileId: file,
        })
        .expect(201)
    ).body.document;
    if (toLegalUnit)
      await system
        .http()
        .post(`/api/incoming-documents/${document.id}/direction`)
        .set(as('lanhdao'))
        .send({ directive: 'Vụ Pháp chế dự thảo văn bản trả lời.', assignees: [{ role: 'lead', unitId: unitId.PC }], version: document.version })
        .expect(201);
    return document;
  }

  const draftBody = (mainFileId: string, overrides: Record<string, unknown> = {}) => ({
    documentType: 'official_letter',
    subject: 'V/v hướng dẫn khám sức khỏe định kỳ',
    urgency: 'urgent',
    confidentiality: 'normal',
    signerId: userId.lanhdao,
    recipientUnitIds: [unitId['VP.HC']],
    recipientOrganIds: [otherOrganId],
    recipientsText: '- Như trên;\n- Lưu: VT, PC.',
    mainFileId,
    ...overrides,
  });

  const getDraft = async (id: string, username = 'chuyenvien') => (await system.http().get(`/api/outgoing-documents/${id}`).set(as(username)).expect(200)).body;
  const decide = (id: string, username: string, body: Record<string, unknown>) => system.http().post(`/api/outgoing-documents/${id}/decisions`).set(as(username)).send(body);

  const listen = (username: string) => inboxes.open(token[username]);

  beforeAll(async () => {
    system = await createTestApp();
    inboxes = new NotificationInboxes(system.baseUrl);
    for (const username of ['vanthu', 'lanhdao', 'truongphong', 'chuyenvien', 'thuky']) token[username] = await system.login(username);
    for (const row of await system.query(`SELECT id, username FROM "user"`)) userId[row.username] = row.id;
    for (const row of await system.query(`SELECT id, code FROM unit`)) unitId[row.code] = row.id;
    const list = (await system.http().get('/api/document-registers?direction=incoming').set(as('vanthu')).expect(200)).body;
    registers = Object.fromEntries(list.map((register: { code: string; id: string }) => [register.code, register.id]));
    [{ id: otherOrganId }] = await system.query(`SELECT id FROM organ WHERE NOT is_self ORDER BY organ_id LIMIT 1`);
  });
  afterAll(async () => {
    inboxes.closeAll();
    await system.close();
  });

  it('drafts a reply, compares versions, goes back and forth with the unit head, then through the form check to the signer', async () => {
    const headInbox = await listen('truongphong');
    const officerInbox = await listen('chuyenvien');
    const incoming = await incomingDocument(true);

    const first = await upload('chuyenvien', samplePdf('Du thao lan 1'), 'Dự thảo công văn.pdf');
    const created = (await system.http().post('/api/outgoing-documents').set(as('chuyenvien')).send(draftBody(first, { replyToIncomingId: incoming.id })).expect(201)).body;
    expect(created).toMatchObject({
      state: 'draft',
      drafter: { id: userId.chuyenvien, fullName: 'Trần Văn Minh' },
      signer: { id: userId.lanhdao },
      draftingUnit: { id: unitId.PC, name: 'Vụ Pháp chế' },
      recipientsText: '- Như trên;\n- Lưu: VT, PC.',
      replyToIncoming: { id: incoming.id, subject: incoming.subject },
      latestVersion: { number: 1, note: null },
      pdfForSigning: null,
      pdfForSigningIssue: 'not_approved',
    });
    expect(created.recipients).toEqual([
      { kind: 'unit', id: unitId['VP.HC'], name: 'Phòng Hành chính', status: 'pending', deliveredAt: null, incomingDocumentId: null },
      { kind: 'organ', id: otherOrganId, name: expect.any(String), status: 'pending', deliveredAt: null, incomingDocumentId: null },
    ]);
    // the default chain: the unit head, the form check by a clerk, the signer
    expect(created.reviewChain.map((step: { kind: string; reviewer: { id: string }; state: string }) => [step.kind, step.reviewer.id, step.state])).toEqual([
      ['review', userId.truongphong, 'waiting'],
      ['form_check', userId.vanthu, 'waiting'],
      ['approve', userId.lanhdao, 'waiting'],
    ]);

    // a second version; the version read before it is stale now
    const second = await upload('chuyenvien', samplePdf('Du thao lan 2, sua doan 3'), 'Dự thảo công văn (sửa).pdf');
    const v2 = (await system.http().post(`/api/outgoing-documents/${created.id}/versions`).set(as('chuyenvien')).send({ mainFileId: second, note: 'Sửa đoạn 3', version: created.version }).expect(201)).body;
    expect(v2).toMatchObject({ number: 2, note: 'Sửa đoạn 3', uploadedBy: { id: userId.chuyenvien } });
    const stale = await system.http().patch(`/api/outgoing-documents/${created.id}`).set(as('chuyenvien')).send({ subject: 'Trích yếu khác', version: created.version }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const versions = (await system.http().get(`/api/outgoing-documents/${created.id}/versions`).set(as('chuyenvien')).expect(200)).body;
    expect(versions.map((version: { number: number }) => version.number)).toEqual([1, 2]);
    const comparison = (await system.http().get(`/api/outgoing-documents/${created.id}/versions/compare?from=1&to=2`).set(as('chuyenvien')).expect(200)).body;
    expect(comparison.sameContent).toBe(false);
    expect(comparison.changes.map((change: { field: string }) => change.field)).toEqual(expect.arrayContaining(['fileName', 'size', 'sha256', 'note']));
    expect(comparison.changes.find((change: { field: string }) => change.field === 'note')).toEqual({ field: 'note', from: null, to: 'Sửa đoạn 3' });
    await system.http().get(`/api/outgoing-documents/${created.id}/versions/compare?from=1&to=9`).set(as('chuyenvien')).expect(404);

    // submitted: the unit head's turn
    let draft = await getDraft(created.id);
    await system.http().post(`/api/outgoing-documents/${created.id}/submission`).set(as('chuyenvien')).send({ version: draft.version }).expect(204);
    expect(await eventually(() => headInbox.some((event) => event.kind === 'outgoing.review'))).toBe(true);
    expect(headInbox.find((event) => event.kind === 'outgoing.review')?.link).toBe(`/outgoing/${created.id}`);
    const waiting = (await system.http().get('/api/outgoing-documents?view=waiting').set(as('truongphong')).expect(200)).body;
    expect(waiting.items.map((item: { id: string }) => item.id)).toContain(created.id);
    draft = await getDraft(created.id, 'truongphong');
    expect(draft).toMatchObject({ state: 'in_review', currentReviewer: { id: userId.truongphong } });

    // out of turn: the signer is on the chain but it is not his turn; another unit's officer is not on it at all
    expect((await decide(created.id, 'lanhdao', { decision: 'approve', version: draft.version }).expect(409)).body.code).toBe('NOT_YOUR_TURN');
    await decide(created.id, 'thuky', { decision: 'approve', version: draft.version }).expect(403);
    // no new version while in review
    const third = await upload('chuyenvien', samplePdf('Du thao lan 3'), 'Dự thảo công văn (lần 3).pdf');
    await system.http().post(`/api/outgoing-documents/${created.id}/versions`).set(as('chuyenvien')).send({ mainFileId: third, version: draft.version }).expect(409);

    // the unit head returns it, which needs a comment
    await decide(created.id, 'truongphong', { decision: 'return', version: draft.version }).expect(400);
    await decide(created.id, 'truongphong', { decision: 'return', comment: 'Bổ sung căn cứ Thông tư 32/2023.', version: draft.version }).expect(204);
    expect(await eventually(() => officerInbox.some((event) => event.kind === 'outgoing.returned'))).toBe(true);
    draft = await getDraft(created.id);
    expect(draft.state).toBe('returned');
    expect(draft.reviewChain[0]).toMatchObject({ state: 'returned', decidedOnVersion: 2 });

    // the comment sits on version 2; the drafter answers it in the thread
    let comments = (await system.http().get(`/api/outgoing-documents/${created.id}/comments?versionNumber=2`).set(as('chuyenvien')).expect(200)).body;
    expect(comments).toEqual([expect.objectContaining({ versionNumber: 2, text: 'Bổ sung căn cứ Thông tư 32/2023.', author: { id: userId.truongphong, fullName: 'Lê Thị Hương' }, replies: [] })]);
    await system.http().post(`/api/outgoing-documents/${created.id}/comments`).set(as('chuyenvien')).send({ versionNumber: 2, parentId: comments[0].id, text: 'Em đã bổ sung ở phiên bản 3.' }).expect(201);
    await system.http().post(`/api/outgoing-documents/${created.id}/comments`).set(as('chuyenvien')).send({ versionNumber: 1, parentId: comments[0].id, text: 'Sai phiên bản' }).expect(400);
    comments = (await system.http().get(`/api/outgoing-documents/${created.id}/comments`).set(as('truongphong')).expect(200)).body;
    expect(comments[0].replies).toEqual([expect.objectContaining({ text: 'Em đã bổ sung ở phiên bản 3.', parentId: comments[0].id })]);

    // a new version, resubmitted: back to the unit head, who forwards it
    await system.http().post(`/api/outgoing-documents/${created.id}/versions`).set(as('chuyenvien')).send({ mainFileId: third, note: 'Bổ sung căn cứ', version: draft.version }).expect(201);
    draft = await getDraft(created.id);
    await system.http().post(`/api/outgoing-documents/${created.id}/submission`).set(as('chuyenvien')).send({ version: draft.version, note: 'Đã bổ sung' }).expect(204);
    draft = await getDraft(created.id, 'truongphong');
    expect(draft).toMatchObject({ state: 'in_review', currentReviewer: { id: userId.truongphong }, latestVersion: { number: 3 } });
    await decide(created.id, 'truongphong', { decision: 'approve', comment: 'Đồng ý, kính trình.', version: draft.version }).expect(204);

    // the clerk checks the form, then the signer approves: ready to sign, the PDF version is the one to sign
    draft = await getDraft(created.id, 'vanthu');
    expect(draft.currentReviewer).toEqual({ id: userId.vanthu, fullName: 'Nguyễn Thị Lan' });
    await decide(created.id, 'vanthu', { decision: 'approve', version: draft.version - 1 }).expect(409);
    await decide(created.id, 'vanthu', { decision: 'approve', version: draft.version }).expect(204);
    draft = await getDraft(created.id, 'lanhdao');
    await decide(created.id, 'lanhdao', { decision: 'approve', version: draft.version }).expect(204);
    expect(await eventually(() => officerInbox.some((event) => event.kind === 'outgoing.ready_to_sign'))).toBe(true);
    draft = await getDraft(created.id, 'lanhdao');
    expect(draft).toMatchObject({ state: 'form_checked', currentReviewer: null, pdfForSigning: { number: 3, convertedFromNumber: null }, pdfForSigningIssue: null });
    expect(draft.reviewChain.map((step: { state: string; decidedOnVersion: number }) => [step.state, step.decidedOnVersion])).toEqual([
      ['done', 3],
      ['done', 3],
      ['done', 3],
    ]);
    const approvedList = (await system.http().get('/api/outgoing-documents?view=approved').set(as('vanthu')).expect(200)).body;
    expect(approvedList.items.map((item: { id: string }) => item.id)).toContain(created.id);

    const timeline = (await system.http().get(`/api/outgoing-documents/${created.id}/history`).set(as('chuyenvien')).expect(200)).body;
    expect(timeline.map((entry: { action: string }) => entry.action).filter((action: string) => action !== 'commented')).toEqual([
      'created',
      'version_added',
      'submitted',
      'returned',
      'version_added',
      'resubmitted',
      'forwarded',
      'form_checked',
      'approved',
    ]);
    const [audited] = await system.query(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action LIKE 'outgoing.%'`, [created.id]);
    expect(audited.n).toBeGreaterThanOrEqual(10);

    // the file to sign, through the draft: those who see the draft, not another unit's officer
    const download = await system.http().get(`/api/outgoing-documents/${created.id}/files/${draft.pdfForSigning.file.id}/content`).set(as('lanhdao')).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    await system.http().get(`/api/outgoing-documents/${created.id}/files/${draft.pdfForSigning.file.id}/content`).set(as('thuky')).expect(403);
    await system.http().get(`/api/outgoing-documents/${created.id}`).set(as('thuky')).expect(403);
    const [refusals] = await system.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'permission.denied' AND entity_id = $1 AND actor_id = $2`, [created.id, userId.thuky]);
    expect(refusals.n).toBeGreaterThanOrEqual(2);
    // nothing changes after approval without going back to the signer
    await system.http().patch(`/api/outgoing-documents/${created.id}`).set(as('chuyenvien')).send({ subject: 'Sửa sau khi duyệt', version: draft.version }).expect(409);
  });

  it('refuses a main file that is neither PDF nor DOCX, and a link to an incoming document the drafter cannot see', async () => {
    const picture = await upload('chuyenvien', samplePng(), 'ảnh.png');
    const refused = await system.http().post('/api/outgoing-documents').set(as('chuyenvien')).send(draftBody(picture)).expect(415);
    expect(refused.body.code).toBe('FILE_TYPE_NOT_ALLOWED');

    const unseen = await incomingDocument(false);
    const file = await upload('chuyenvien', samplePdf(), 'dự thảo.pdf');
    await system.http().post('/api/outgoing-documents').set(as('chuyenvien')).send(draftBody(file, { replyToIncomingId: unseen.id })).expect(403);
    // the same file is still free for a draft without that link; someone else's upload is not
    await system.http().post('/api/outgoing-documents').set(as('thuky')).send(draftBody(file)).expect(403);
    await system.http().post('/api/outgoing-documents').set(as('chuyenvien')).send(draftBody(file, { signerId: userId.chuyenvien })).expect(400);
    const created = (await system.http().post('/api/outgoing-documents').set(as('chuyenvien')).send(draftBody(file)).expect(201)).body;
    await system.http().post('/api/outgoing-documents').set(as('chuyenvien')).send(draftBody(file)).expect(409);
    // a field left out is kept; a null cannot erase what a document must have
    await system.http().patch(`/api/outgoing-documents/${created.id}`).set(as('chuyenvien')).send({ signerId: null, version: created.version }).expect(400);
    const edited = (await system.http().patch(`/api/outgoing-documents/${created.id}`).set(as('chuyenvien')).send({ recipientsText: null, signerId: userId.truongphong, version: created.version }).expect(200)).body;
    expect(edited).toMatchObject({ recipientsText: null, signer: { id: userId.truongphong }, subject: created.subject, recipients: created.recipients, version: created.version + 1 });
    expect(edited.reviewChain.map((step: { kind: string; reviewer: { id: string } }) => [step.kind, step.reviewer.id])).toEqual([
      ['form_check', userId.vanthu],
      ['approve', userId.truongphong],
    ]);
  });

  jest.setTimeout(120_000);

  it('lets the drafter skip the unit head on a confidential DOCX draft, which then only the people named see; the DOCX is converted for signing where LibreOffice is installed', async () => {
    const docx = await upload('chuyenvien', wordDocument('Tờ trình về việc ban hành Thông tư'), 'Tờ trình.docx');
    const created = (await system.http().post('/api/outgoing-documents').set(as('chuyenvien')).send(draftBody(docx, { documentType: 'submission', confidentiality: 'confidential' })).expect(201)).body;
    expect(created.latestVersion.file.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const noApproval = await system
      .http()
      .put(`/api/outgoing-documents/${created.id}/review-chain`)
      .set(as('chuyenvien'))
      .send({ steps: [{ kind: 'form_check', reviewerId: userId.vanthu }], version: created.version })
      .expect(400);
    expect(noApproval.body.code).toBe('INVALID_REVIEW_CHAIN');
    await system
      .http()
      .put(`/api/outgoing-documents/${created.id}/review-chain`)
      .set(as('chuyenvien'))
      .send({ steps: [{ kind: 'form_check', reviewerId: userId.thuky }, { kind: 'approve', reviewerId: userId.lanhdao }], version: created.version })
      .expect(400);
    await system
      .http()
      .put(`/api/outgoing-documents/${created.id}/review-chain`)
      .set(as('chuyenvien'))
      .send({ steps: [{ kind: 'approve', reviewerId: userId.lanhdao }, { kind: 'form_check', reviewerId: userId.vanthu }], version: created.version })
      .expect(204);

    // confidential: the unit head is no longer named on it, so she does not see it
    await system.http().get(`/api/outgoing-documents/${created.id}`).set(as('truongphong')).expect(403);

    let draft = await getDraft(created.id);
    await system.http().post(`/api/outgoing-documents/${created.id}/submission`).set(as('chuyenvien')).send({ version: draft.version }).expect(204);
    draft = await getDraft(created.id, 'lanhdao');
    await decide(created.id, 'lanhdao', { decision: 'approve', version: draft.version }).expect(204);
    // the conversion runs in a background job: the draft says so meanwhile
    draft = await getDraft(created.id, 'vanthu');
    for (let waited = 0; draft.pdfForSigningIssue === 'conversion_pending' && waited < 90_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      draft = await getDraft(created.id, 'vanthu');
    }
    // approved by the signer (Decree 30 order): the form check comes after
    expect(draft).toMatchObject({ state: 'approved', currentReviewer: { id: userId.vanthu } });

    if (draft.docxConversionAvailable) {
      expect(draft.pdfForSigning).toMatchObject({ number: 2, convertedFromNumber: 1, file: { mediaType: 'application/pdf', originalName: 'Tờ trình.pdf' } });
      expect(draft.pdfForSigningIssue).toBeNull();
      const pdf = await system.http().get(`/api/outgoing-documents/${created.id}/files/${draft.pdfForSigning.file.id}/content`).set(as('lanhdao')).buffer(true).expect(200);
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const comparison = (await system.http().get(`/api/outgoing-documents/${created.id}/versions/compare?from=1&to=2`).set(as('chuyenvien')).expect(200)).body;
      expect(comparison.changes.find((change: { field: string }) => change.field === 'mediaType')).toMatchObject({ to: 'application/pdf' });
    } else {
      // CI without LibreOffice: no PDF to sign, and the reason the UI shows
      console.warn('LibreOffice (soffice) is not installed: the DOCX conversion is not exercised, only its absence');
      expect(draft.pdfForSigning).toBeNull();
      expect(draft.pdfForSigningIssue).toBe('converter_unavailable');
    }
    await decide(created.id, 'vanthu', { decision: 'approve', version: draft.version }).expect(204);
    draft = await getDraft(created.id);
    expect(draft.state).toBe('form_checked');

    // a PDF uploaded after the approval (what to do without LibreOffice) goes back to the signer, then to the form check
    const pdf = await upload('chuyenvien', samplePdf('To trinh ban PDF'), 'Tờ trình.pdf');
    const added = (await system.http().post(`/api/outgoing-documents/${created.id}/versions`).set(as('chuyenvien')).send({ mainFileId: pdf, note: 'Bản PDF', version: draft.version }).expect(201)).body;
    draft = await getDraft(created.id, 'lanhdao');
    expect(draft).toMatchObject({ state: 'in_review', currentReviewer: { id: userId.lanhdao }, pdfForSigning: null, latestVersion: { number: added.number } });
    await decide(created.id, 'lanhdao', { decision: 'approve', version: draft.version }).expect(204);
    draft = await getDraft(created.id, 'vanthu');
    expect(draft).toMatchObject({ state: 'approved', currentReviewer: { id: userId.vanthu }, pdfForSigning: { number: added.number, convertedFromNumber: null }, pdfForSigningIssue: null });
    await decide(created.id, 'vanthu', { decision: 'approve', version: draft.version }).expect(204);
    expect((await getDraft(created.id)).state).toBe('form_checked');
  });

  it('pages the drafter’s list by keyset', async () => {
    const first = (await system.http().get('/api/outgoing-documents?view=mine&limit=2').set(as('chuyenvien')).expect(200)).body;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await system.http().get(`/api/outgoing-documents?view=mine&limit=2&cursor=${first.nextCursor}`).set(as('chuyenvien')).expect(200)).body;
    expect(second.items.length).toBeGreaterThanOrEqual(1);
    const ids = [...first.items, ...second.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const others = (await system.http().get('/api/outgoing-documents?view=mine').set(as('thuky')).expect(200)).body;
    expect(others.items).toEqual([]);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await system.http().get('/api/docs-json').expect(200)).body;
    for (const path of ['/api/outgoing-documents', '/api/outgoing-documents/{id}/versions/compare', '/api/outgoing-documents/{id}/decisions', '/api/outgoing-documents/{id}/review-chain'])
      expect(Object.keys(spec.paths)).toContain(path);
    expect(spec.components.schemas.OutgoingDocumentResponseDto.properties).toHaveProperty('pdfForSigningIssue');
  });
});
