import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Response } from 'superagent';
import yauzl from 'yauzl';
import { HandoverReminders } from '../../apps/api/src/case-files/archive/handover-reminders';
import { CaseFileFiguresService } from '../../apps/api/src/case-files/figures/case-file-figures.service';
import { openPdf } from '../../apps/api/src/files/pdf/pdfjs';
import { samplePdf, sampleDocx } from '../../apps/api/src/files/testing/sample-files';
import { Clock, vietnamDate } from '../../apps/api/src/platform/clock/clock';
import { IncomingFlow } from '../support/incoming-flow';
import { draftReadyToSign } from '../support/outgoing-flow';
import { createTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const PASSPHRASE = 'KySo@2026';

/** Collects a download as bytes (supertest parses only text and JSON by itself). */
const bytes = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

/** `npm run archive -- verify PATH` as an archivist runs it: the exit code and what it printed. */
async function verify(path: string, through: 'npm' | 'node' = 'node'): Promise<{ code: number; output: string }> {
  const command = through === 'npm' ? ['npm', ['run', '--silent', 'archive', '--', 'verify', path]] : ['node', ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/case-files/archive-cli.ts', 'verify', path]];
  try {
    const { stdout } = await run(command[0] as string, command[1] as string[], { cwd: ROOT });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

/** Unpacks the package ZIP into a folder, as an archivist would before filing it. */
async function unzip(zipPath: string, into: string): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((done, fail) => yauzl.open(zipPath, { lazyEntries: true }, (error, opened) => (error ? fail(error) : done(opened as yauzl.ZipFile))));
  const names: string[] = [];
  await new Promise<void>((done, fail) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const target = join(into, entry.fileName);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, Buffer.concat(chunks));
          names.push(entry.fileName);
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => done());
    zip.on('error', fail);
    zip.readEntry();
  });
  return names;
}

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await openPdf(new Uint8Array(data));
  const page = await pdf.getPage(1);
  return (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
}

/**
 * Case files and the archive, as the people of the agency work them: the clerk drafts the year's
 * file plan (copying last year's), the leader approves it, an officer opens the planned case file,
 * links the documents he may see, is told why it cannot be closed yet, completes it and closes
 * it; the archivist receives it, prints the list and the record, takes the package and checks it.
 */
describe('Case files and archive handover', () => {
  let system: TestApp;
  let flow: IncomingFlow;
  let workDir: string;
  let year: number;
  const as = (username: string) => flow.as(username);

  beforeAll(async () => {
    system = await createTestApp();
    flow = await new IncomingFlow(system).init(['vanthu', 'lanhdao', 'truongphong', 'chuyenvien', 'thuky', 'luutru']);
    workDir = mkdtempSync(join(system.dataDir, 'packages-'));
    year = Number(vietnamDate(new Date()).slice(0, 4));
  });
  afterAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    await system?.close();
  });

  it('plan → open → link → close (refused with the reasons, then done) → hand over → the package verifies, and not after a byte changes', async () => {
    // --- the plan of last year, copied into this year's and approved by the head of the agency
    const last = (await system.http().post('/api/file-plans').set(as('vanthu')).send({ year: year - 1 }).expect(201)).body;
    const withHeading = (await system.http().post(`/api/file-plans/${last.id}/headings`).set(as('vanthu')).send({ code: 'TCCB', title: 'Tổ chức cán bộ' }).expect(201)).body;
    const headingId = withHeading.headings[0].id;
    await system
      .http()
      .post(`/api/file-plans/${last.id}/entries`)
      .set(as('vanthu'))
      .send({ headingId, ordinal: '1', title: 'Hồ sơ xây dựng quy chế làm việc của Bộ', retention: 20, keeperId: flow.userId.chuyenvien })
      .expect(201);
    await system.http().post(`/api/file-plans/${last.id}/entries`).set(as('vanthu')).send({ headingId, ordinal: '2', title: 'Hồ sơ thi đua khen thưởng', retention: 'permanent' }).expect(201);
    // only the planners draft, only the head approves
    await system.http().post('/api/file-plans').set(as('chuyenvien')).send({ year }).expect(403);

    const plan = (await system.http().post('/api/file-plans').set(as('vanthu')).send({ year, copyFromYear: year - 1 }).expect(201)).body;
    expect(plan).toMatchObject({ year, state: 'draft', headings: [{ code: 'TCCB', title: 'Tổ chức cán bộ' }] });
    const entries = plan.headings[0].entries;
    expect(entries.map((entry: { code: string; retention: unknown }) => [entry.code, entry.retention])).toEqual([
      ['01.TCCB', 20],
      ['02.TCCB', 'permanent'],
    ]);
    expect(entries[0].keeper).toEqual({ id: flow.userId.chuyenvien, fullName: 'Trần Văn Minh' });
    // a case file is opened only from an approved plan
    await system.http().post('/api/case-files').set(as('chuyenvien')).send({ planEntryId: entries[0].id }).expect(400);
    await system.http().post(`/api/file-plans/${plan.id}/approval`).set(as('vanthu')).send({ version: plan.version }).expect(403);
    const approved = (await system.http().post(`/api/file-plans/${plan.id}/approval`).set(as('lanhdao')).send({ version: plan.version }).expect(201)).body;
    expect(approved).toMatchObject({ state: 'approved', approvedBy: { fullName: 'Phạm Quốc Hùng' } });
    const frozen = await system.http().post(`/api/file-plans/${plan.id}/entries`).set(as('vanthu')).send({ headingId: entries[0].headingId, ordinal: '3', title: 'Hồ sơ mới', retention: 5 }).expect(409);
    expect(frozen.body.code).toBe('FILE_PLAN_APPROVED');

    // --- the officer opens the planned case file
    const opened = (await system.http().post('/api/case-files').set(as('chuyenvien')).send({ planEntryId: entries[0].id, usageMode: 'restricted' }).expect(201)).body;
    expect(opened).toMatchObject({ code: '01.TCCB', title: 'Hồ sơ xây dựng quy chế làm việc của Bộ', retention: 20, state: 'open', keeper: { fullName: 'Trần Văn Minh' }, documentCount: 0, access: 'manage' });
    expect(opened.startDate).toBe(vietnamDate(new Date()));
    const twice = await system.http().post('/api/case-files').set(as('chuyenvien')).send({ planEntryId: entries[0].id }).expect(409);
    expect(twice.body.code).toBe('DUPLICATE_CASE_FILE_CODE');

    // --- linking: an incoming document directed to him, a draft of his, internal papers
    const incoming = await flow.register({ subject: 'Về việc góp ý dự thảo quy chế làm việc' });
    await flow.direct(incoming, [{ role: 'lead', userId: flow.userId.chuyenvien }]);
    const invisible = await flow.register({ subject: 'Văn bản không giao cho chuyên viên' });
    const draft = await draftReadyToSign(system, { token: flow.token, userId: flow.userId }, { subject: 'Quyết định ban hành quy chế làm việc' });
    const docxId = (await system.http().post('/api/files').set(as('chuyenvien')).attach('file', sampleDocx(), 'Báo cáo tổng hợp ý kiến.docx').expect(201)).body.id;
    const incomingFile = (await system.http().get(`/api/incoming-documents/${incoming.id}`).set(as('chuyenvien')).expect(200)).body.mainFile;
    const copyId = (await system.http().post('/api/files').set(as('chuyenvien')).attach('file', samplePdf(), 'bản chụp lại.pdf').expect(201)).body.id;

    const link = (body: Record<string, unknown>, username = 'chuyenvien') => system.http().post(`/api/case-files/${opened.id}/documents`).set(as(username)).send(body);
    // a document he may not see: refused, audited, nothing linked
    const refused = await link({ kind: 'incoming', documentId: invisible.id }).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const [denied] = await system.query(`SELECT count(*)::int AS count FROM audit_entry WHERE action = 'permission.denied' AND entity_id = $1`, [invisible.id]);
    expect(denied.count).toBe(1);

    await link({ kind: 'incoming', documentId: incoming.id }).expect(201);
    await link({ kind: 'outgoing', documentId: draft.id }).expect(201);
    await link({ kind: 'internal', fileId: docxId, title: 'Báo cáo tổng hợp ý kiến góp ý', documentDate: vietnamDate(new Date()), typeName: 'Báo cáo', author: 'Vụ Pháp chế' }).expect(201);
    const linked = (await link({ kind: 'internal', fileId: copyId, title: 'Bản chụp văn bản góp ý', documentDate: '2026-11-18', typeName: 'Công văn', author: 'UBND Tỉnh Nghệ An' }).expect(201)).body;
    expect((await link({ kind: 'incoming', documentId: incoming.id }).expect(409)).body.code).toBe('DOCUMENT_ALREADY_LINKED');
    expect(linked.documentCount).toBe(4);
    const [incomingEntry, draftEntry, reportEntry, copyEntry] = linked.documents;
    expect(incomingEntry).toMatchObject({ kind: 'incoming', documentId: incoming.id, title: 'Về việc góp ý dự thảo quy chế làm việc', author: 'UBND Tỉnh Nghệ An', final: true, pageCount: 1 });
    // linked, not copied: the case file points at the document's own stored file
    expect(incomingEntry.files[0]).toMatchObject({ id: incomingFile.id, sha256: incomingFile.sha256 });
    expect(draftEntry).toMatchObject({ kind: 'outgoing', final: false, numberAndNotation: null });
    expect(reportEntry).toMatchObject({ kind: 'internal', pageCount: null });

    // a note, a colleague to read along
    await system.http().post(`/api/case-files/${opened.id}/notes`).set(as('chuyenvien')).send({ text: 'Đã tổng hợp ý kiến của các đơn vị.' }).expect(201);
    await system.http().get(`/api/case-files/${opened.id}`).set(as('thuky')).expect(403);
    await system.http().post(`/api/case-files/${opened.id}/shares`).set(as('chuyenvien')).send({ userId: flow.userId.thuky, access: 'read' }).expect(201);
    expect((await system.http().get(`/api/case-files/${opened.id}`).set(as('thuky')).expect(200)).body.access).toBe('read');
    await system.http().post(`/api/case-files/${opened.id}/notes`).set(as('thuky')).send({ text: 'Tôi chỉ được xem.' }).expect(403);

    // --- closing while incomplete: refused with every reason, nothing closed
    const beforeClosing = (await system.http().get(`/api/case-files/${opened.id}`).set(as('chuyenvien')).expect(200)).body;
    const incomplete = await system.http().post(`/api/case-files/${opened.id}/closing`).set(as('chuyenvien')).send({ version: beforeClosing.version }).expect(422);
    expect(incomplete.body.code).toBe('CASE_FILE_INCOMPLETE');
    const reasons = incomplete.body.details.reasons as { problem: string; caseFileDocumentId: string; fields?: string[]; message: string }[];
    // the draft has neither its date nor its signed version yet; the report lacks its pages; the copy repeats the incoming file
    expect(reasons.map((reason) => [reason.problem, reason.caseFileDocumentId])).toEqual([
      ['missing_metadata', draftEntry.id],
      ['not_final', draftEntry.id],
      ['missing_metadata', reportEntry.id],
      ['duplicate', copyEntry.id],
    ]);
    expect(reasons[0].fields).toEqual(['documentDate']);
    expect(reasons[2]).toMatchObject({ fields: ['pageCount'], message: expect.stringContaining('số trang') });
    expect(reasons[3].message).toContain('trùng với');
    expect((await system.http().get(`/api/case-files/${opened.id}`).set(as('chuyenvien')).expect(200)).body.state).toBe('open');

    // --- completing it: the draft signed and issued (the case file sees its issued PDF), the pages typed, the copy removed
    const signed = (await system.http().post(`/api/outgoing-documents/${draft.id}/signature`).set(as('lanhdao')).send({ passphrase: PASSPHRASE, version: draft.version }).expect(201)).body;
    const registers = (await system.http().get('/api/document-registers?direction=outgoing').set(as('vanthu')).expect(200)).body;
    const issued = (
      await system
        .http()
        .post(`/api/outgoing-documents/${draft.id}/issuance`)
        .set(as('vanthu'))
        .send({ registerId: registers.find((register: { code: string }) => register.code === 'DI').id, passphrase: PASSPHRASE, version: signed.version })
        .expect(201)
    ).body;
    await system.http().patch(`/api/case-files/${opened.id}/documents/${reportEntry.id}`).set(as('chuyenvien')).send({ pageCount: 3 }).expect(200);
    await system.http().delete(`/api/case-files/${opened.id}/documents/${copyEntry.id}`).set(as('chuyenvien')).expect(200);
    const check = (await system.http().get(`/api/case-files/${opened.id}/closing-check`).set(as('chuyenvien')).expect(200)).body;
    expect(check).toMatchObject({ complete: true, reasons: [], documentCount: 3 });
    const current = (await system.http().get(`/api/case-files/${opened.id}`).set(as('chuyenvien')).expect(200)).body;
    expect(current.documents[1]).toMatchObject({ final: true, numberAndNotation: issued.issuance.numberAndNotation, author: 'Bộ Y tế', files: [expect.objectContaining({ id: issued.issuedPdf.file.id })] });

    const closed = (await system.http().post(`/api/case-files/${opened.id}/closing`).set(as('chuyenvien')).send({ version: current.version }).expect(200)).body;
    expect(closed).toMatchObject({ state: 'closed', endDate: vietnamDate(new Date()), documentCount: 3, pageCount: check.pageCount, closedBy: { fullName: 'Trần Văn Minh' } });
    expect(closed.pageCount).toBeGreaterThanOrEqual(5);
    const history = (await system.http().get(`/api/case-files/${opened.id}/history`).set(as('chuyenvien')).expect(200)).body;
    expect(history.map((entry: { action: string }) => entry.action)).toEqual(['opened', 'document_linked', 'document_linked', 'document_linked', 'document_linked', 'note_added', 'shared', 'document_updated', 'document_removed', 'closed']);

    // --- the archivist receives it, within the time limit (a year after its end)
    expect(closed.handoverDueOn).toBe(`${year + 1}${closed.endDate.slice(4)}`);
    const waiting = (await system.http().get('/api/case-files?view=to_hand_over').set(as('luutru')).expect(200)).body.items;
    expect(waiting.map((file: { id: string }) => file.id)).toContain(opened.id);
    await system.http().post('/api/archive/handovers').set(as('chuyenvien')).send({ caseFileIds: [opened.id] }).expect(403);
    const handover = (await system.http().post('/api/archive/handovers').set(as('luutru')).send({ caseFileIds: [opened.id] }).expect(201)).body;
    expect(handover).toMatchObject({ number: `01/${year}`, fileCount: 1, documentCount: 3, deliveredBy: { fullName: 'Trần Văn Minh' }, receivedBy: { fullName: 'Vũ Thị Thu' }, unit: { name: 'Vụ Pháp chế' } });
    expect(handover.caseFiles[0]).toMatchObject({ id: opened.id, state: 'archived' });

    const list = await system.http().get(`/api/archive/handovers/${handover.id}/list.pdf`).set(as('luutru')).buffer(true).parse(bytes).expect(200);
    expect(list.headers['content-type']).toBe('application/pdf');
    const listText = await pdfText(list.body);
    expect(listText).toContain('MỤC LỤC HỒ SƠ NỘP LƯU');
    expect(listText).toContain('01.TCCB');
    expect(listText).toContain('20 năm');
    const record = await system.http().get(`/api/archive/handovers/${handover.id}/record.pdf`).set(as('luutru')).buffer(true).parse(bytes).expect(200);
    const recordText = await pdfText(record.body);
    expect(recordText).toContain('BIÊN BẢN');
    expect(recordText).toContain('1 hồ sơ, 3 văn bản');

    // --- the package: every file, the metadata XML, the manifest; it verifies
    const response = await system.http().get(`/api/archive/case-files/${opened.id}/package`).set(as('luutru')).buffer(true).parse(bytes).expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const zipPath = join(workDir, 'package.zip');
    writeFileSync(zipPath, response.body);
    const folder = join(workDir, 'package');
    const names = await unzip(zipPath, folder);
    expect(names.sort()).toEqual(['documents/001/1-van-ban.pdf', expect.stringMatching(/^documents\/002\/1-.+\.pdf$/), 'documents/003/1-Bao-cao-tong-hop-y-kien.docx', 'manifest-sha256.txt', 'metadata.xml']);
    const manifest = readFileSync(join(folder, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toContain(`${incomingFile.sha256}  documents/001/1-van-ban.pdf`);
    const xml = readFileSync(join(folder, 'metadata.xml'), 'utf8');
    expect(xml).toContain('<FileNotation>01.TCCB</FileNotation>');
    expect(xml).toContain(`<Identifier>000.00.00.G10.${year}.01.TCCB</Identifier>`);
    expect(xml).toContain('<Maintenance>20 năm</Maintenance>');
    expect(xml).toContain('<DocTotal>3</DocTotal>');
    expect(xml).toContain(`<CodeNotation>${issued.issuance.numberAndNotation.split('/')[1]}</CodeNotation>`);

    expect(await verify(zipPath, 'npm')).toMatchObject({ code: 0, output: expect.stringContaining('OK: 4') });
    expect((await verify(folder)).code).toBe(0);

    // one byte of one file changed: the verification fails and names it
    const changed = join(folder, 'documents/003/1-Bao-cao-tong-hop-y-kien.docx');
    const content = readFileSync(changed);
    content[content.length - 1] ^= 0x01;
    writeFileSync(changed, content);
    const broken = await verify(folder);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('CHANGED: documents/003/1-Bao-cao-tong-hop-y-kien.docx');
    expect(broken.output).not.toContain('documents/001');

    // a file missing: named
    const missing = join(workDir, 'missing');
    await unzip(zipPath, missing);
    unlinkSync(join(missing, 'documents/001/1-van-ban.pdf'));
    const incompletePackage = await verify(missing);
    expect(incompletePackage.code).toBe(1);
    expect(incompletePackage.output).toContain('MISSING: documents/001/1-van-ban.pdf');

    // --- the archive: found in the catalogue, borrowed with approval
    const catalogue = (await system.http().get('/api/case-files?view=archive&q=quy che lam viec').set(as('thuky')).expect(200)).body.items;
    expect(catalogue.map((file: { id: string }) => file.id)).toEqual([opened.id]);
    await system.http().delete(`/api/case-files/${opened.id}/shares/${flow.userId.thuky}`).set(as('chuyenvien')).expect(409);
    await system.http().get(`/api/case-files/${opened.id}`).set(as('lanhdao')).expect(403);
    const loan = (await system.http().post('/api/archive/borrow-requests').set(as('lanhdao')).send({ caseFileId: opened.id, purpose: 'Tham khảo khi xây dựng quy chế mới', until: `${year + 1}-01-31` }).expect(201)).body;
    expect(loan).toMatchObject({ state: 'pending', requester: { fullName: 'Phạm Quốc Hùng' } });
    await system.http().post(`/api/archive/borrow-requests/${loan.id}/decision`).set(as('lanhdao')).send({ decision: 'approve', version: loan.version }).expect(403);
    const lent = (await system.http().post(`/api/archive/borrow-requests/${loan.id}/decision`).set(as('luutru')).send({ decision: 'approve', version: loan.version }).expect(201)).body;
    expect(lent).toMatchObject({ state: 'approved', decidedBy: { fullName: 'Vũ Thị Thu' } });
    const borrowed = (await system.http().get(`/api/case-files/${opened.id}`).set(as('lanhdao')).expect(200)).body;
    expect(borrowed).toMatchObject({ state: 'archived', access: 'read' });
    // in the archive, the borrower reads the documents through the case file
    await system.http().get(`/api/case-files/${opened.id}/documents/${incomingEntry.id}/files/${incomingFile.id}/content`).set(as('lanhdao')).expect(200);

    // retention expiry: 20 years after its end
    const expiring = (await system.http().get(`/api/archive/retention-expiry?until=${year + 20}-12-31`).set(as('luutru')).expect(200)).body;
    expect(expiring).toEqual([{ caseFile: expect.objectContaining({ id: opened.id }), expiresOn: `${year + 20}${closed.endDate.slice(4)}` }]);
    expect((await system.http().get(`/api/archive/retention-expiry?until=${year + 19}-12-31`).set(as('luutru')).expect(200)).body).toEqual([]);
  });

  it('a closed case file is read-only: every edit is 409', async () => {
    const file = (await system.http().post('/api/case-files').set(as('chuyenvien')).send({ code: '15.PC', title: 'Hồ sơ góp ý dự thảo luật', retention: 10 }).expect(201)).body;
    const paperId = (await system.http().post('/api/files').set(as('chuyenvien')).attach('file', samplePdf('Bao cao gop y'), 'báo cáo.pdf').expect(201)).body.id;
    const withPaper = (
      await system.http().post(`/api/case-files/${file.id}/documents`).set(as('chuyenvien')).send({ kind: 'internal', fileId: paperId, title: 'Báo cáo góp ý', documentDate: '2026-11-20', typeName: 'Báo cáo', author: 'Vụ Pháp chế' }).expect(201)
    ).body;
    const closed = (await system.http().post(`/api/case-files/${file.id}/closing`).set(as('chuyenvien')).send({ version: withPaper.version }).expect(200)).body;
    expect(closed.state).toBe('closed');

    const edits = [
      system.http().patch(`/api/case-files/${file.id}`).set(as('chuyenvien')).send({ title: 'Tiêu đề khác', version: closed.version }),
      system.http().post(`/api/case-files/${file.id}/documents`).set(as('chuyenvien')).send({ kind: 'internal', fileId: paperId, title: 'Thêm nữa', documentDate: '2026-11-20', typeName: 'Báo cáo', author: 'Vụ Pháp chế' }),
      system.http().delete(`/api/case-files/${file.id}/documents/${withPaper.documents[0].id}`).set(as('chuyenvien')),
      system.http().post(`/api/case-files/${file.id}/notes`).set(as('chuyenvien')).send({ text: 'Ghi chú muộn' }),
      system.http().post(`/api/case-files/${file.id}/shares`).set(as('chuyenvien')).send({ userId: flow.userId.thuky, access: 'read' }),
      system.http().post(`/api/case-files/${file.id}/closing`).set(as('chuyenvien')).send({ version: closed.version }),
    ];
    for (const edit of edits) {
      const response = await edit.expect(409);
      expect(response.body).toMatchObject({ code: 'CASE_FILE_CLOSED', message: expect.stringContaining('Hồ sơ đã kết thúc') });
    }
    const after = (await system.http().get(`/api/case-files/${file.id}`).set(as('chuyenvien')).expect(200)).body;
    expect(after).toMatchObject({ title: 'Hồ sơ góp ý dự thảo luật', documentCount: 1, version: closed.version });

    // kept under 5 years: not for the archive
    const short = (await system.http().post('/api/case-files').set(as('chuyenvien')).send({ code: '16.PC', title: 'Hồ sơ lịch công tác tuần', retention: 2 }).expect(201)).body;
    const shortPaperId = (await system.http().post('/api/files').set(as('chuyenvien')).attach('file', samplePdf('Lich cong tac'), 'lịch.pdf').expect(201)).body.id;
    const shortLinked = (
      await system.http().post(`/api/case-files/${short.id}/documents`).set(as('chuyenvien')).send({ kind: 'internal', fileId: shortPaperId, title: 'Lịch công tác tuần', documentDate: '2026-11-20', typeName: 'Lịch', author: 'Văn phòng Bộ' }).expect(201)
    ).body;
    await system.http().post(`/api/case-files/${short.id}/closing`).set(as('chuyenvien')).send({ version: shortLinked.version }).expect(200);
    expect((await system.http().post('/api/archive/handovers').set(as('luutru')).send({ caseFileIds: [short.id] }).expect(409)).body.code).toBe('NOT_HANDOVERABLE');

    // the handover reminder: 30 days before the time limit, to the keeper and the archivists, once;
    // an archivist who has left (here the secretary, made one and deactivated for the run) is not written to
    const reminders = system.app.get(HandoverReminders);
    const clock = system.app.get(Clock);
    const realNow = clock.now;
    await system.query(`UPDATE "user" SET roles = array_append(roles, 'archivist'), active = false WHERE username = 'thuky'`);
    try {
      clock.now = () => new Date(Date.now() + 340 * 86_400_000);
      expect((await reminders.run()).reminded).toBe(1);
      expect((await reminders.run()).reminded).toBe(0);
    } finally {
      clock.now = realNow;
      await system.query(`UPDATE "user" SET roles = array_remove(roles, 'archivist'), active = true WHERE username = 'thuky'`);
    }
    const told = await system.query(`SELECT u.username FROM notification n JOIN "user" u ON u.id = n.user_id WHERE n.kind = 'case_file.handover_due' AND n.link = $1 ORDER BY u.username`, [`/case-files/${file.id}`]);
    expect(told.map((row: { username: string }) => row.username)).toEqual(['chuyenvien', 'luutru']);
  });

  it('shows a confidential document in full only to the person who linked it', async () => {
    const secret = await flow.register({ subject: 'Kế hoạch bảo vệ bí mật nhà nước năm 2027', confidentiality: 'confidential', registerId: flow.registers['DEN-MAT'] });
    await flow.direct(secret, [{ role: 'lead', userId: flow.userId.chuyenvien }]);
    const file = (await system.http().post('/api/case-files').set(as('chuyenvien')).send({ code: '20.PC', title: 'Hồ sơ bảo vệ bí mật nhà nước', retention: 'permanent' }).expect(201)).body;
    const linked = (await system.http().post(`/api/case-files/${file.id}/documents`).set(as('chuyenvien')).send({ kind: 'incoming', documentId: secret.id }).expect(201)).body;
    expect(linked.documents[0]).toMatchObject({ title: 'Kế hoạch bảo vệ bí mật nhà nước năm 2027', documentId: secret.id });
    await system.http().post(`/api/case-files/${file.id}/shares`).set(as('chuyenvien')).send({ userId: flow.userId.thuky, access: 'read' }).expect(201);

    for (const username of ['thuky', 'truongphong']) {
      const seen = (await system.http().get(`/api/case-files/${file.id}`).set(as(username)).expect(200)).body;
      expect(seen.documents).toEqual([expect.objectContaining({ title: 'Văn bản mật', documentId: null, numberAndNotation: null, files: [] })]);
      expect(JSON.stringify(seen)).not.toContain('bí mật nhà nước năm 2027');
    }
    const fileId = linked.documents[0].files[0].id;
    await system.http().get(`/api/case-files/${file.id}/documents/${linked.documents[0].id}/files/${fileId}/content`).set(as('thuky')).expect(404);
  });

  it('counts the share of case files processed online, by unit and year', async () => {
    await system.http().post('/api/case-files').set(as('truongphong')).send({ code: '30.PC', title: 'Hồ sơ giấy lưu tại đơn vị', retention: 5, medium: 'paper' }).expect(201);
    const rows = (await system.http().get(`/api/case-files/online-share?from=${year}&to=${year}`).set(as('lanhdao')).expect(200)).body;
    const legal = rows.find((row: { unitName: string }) => row.unitName === 'Vụ Pháp chế');
    expect(legal).toMatchObject({ year, total: 5, online: 4, share: 0.8 });
    await system.http().get(`/api/case-files/online-share?from=${year}&to=${year}`).set(as('chuyenvien')).expect(403);
    // the same figures for the dashboard, through the exported service
    const direct = await system.app.get(CaseFileFiguresService).onlineShare({ from: year, to: year, unitId: legal.unitId });
    expect(direct).toEqual([legal]);
  });

  it('documents its routes and answers in the OpenAPI description', async () => {
    const spec = (await system.http().get('/api/docs-json').expect(200)).body;
    for (const path of ['/api/file-plans', '/api/case-files/{id}/documents', '/api/case-files/{id}/closing', '/api/archive/handovers/{id}/record.pdf', '/api/archive/case-files/{id}/package'])
      expect(Object.keys(spec.paths)).toContain(path);
    expect(spec.components.schemas.CaseFileResponseDto.properties).toHaveProperty('documents');
    expect(spec.components.schemas.ClosingCheckResponseDto.properties).toHaveProperty('reasons');
  });
});
