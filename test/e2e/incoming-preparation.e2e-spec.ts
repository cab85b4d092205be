import { createHash } from 'node:crypto';
import { io } from 'socket.io-client';
import { PdfTextService } from '../../apps/api/src/files/pdf/pdf-text.service';
import { DECISION_TITLE, imageOnlyPdf, ocrTestToolsInstalled, renderPagePng, vietnameseTextPdf } from '../../apps/api/src/files/pdf/testing/sample-pdfs';
import { FilesService } from '../../apps/api/src/files/files.service';
import { samplePng } from '../../apps/api/src/files/testing/sample-files';
import { IncomingPreparationQueue } from '../../apps/api/src/incoming/preparation/incoming-preparation.queue';
import { IncomingPreparationService } from '../../apps/api/src/incoming/preparation/incoming-preparation.service';
import { incomingKit, IncomingKit } from '../support/incoming-documents';
import { createTestApp, TestApp } from '../support/test-app';

/** OCR is optional (Debian's ocrmypdf + tesseract-ocr-vie; pdftoppm makes the test scan): without it that part is skipped. */
const ocrAvailable = ocrTestToolsInstalled();
const ocrIt = ocrAvailable ? it : it.skip;
if (!ocrAvailable) console.warn('!!! ocrmypdf, tesseract-ocr-vie or pdftoppm missing: the OCR part of the preparation tests is SKIPPED');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('Preparing registered incoming documents in the background (dấu "ĐẾN", văn bản, OCR)', () => {
  let system: TestApp;
  let clerk: string;
  let kit: IncomingKit;

  const download = async (fileId: string, token = clerk) =>
    (await system.http().get(`/api/files/${fileId}/content`).set('Authorization', `Bearer ${token}`).responseType('blob').expect(200)).body as Buffer;
  const history = async (id: string) =>
    (await system.http().get(`/api/incoming-documents/${id}/history`).set('Authorization', `Bearer ${clerk}`).expect(200)).body as { action: string; details: Record<string, unknown> }[];
  const textOf = async (id: string) => (await system.query(`SELECT source, content FROM incoming_document_text WHERE document_id = $1`, [id]))[0];
  const fileRecord = async (fileId: string) => system.app.get(FilesService).findById(fileId);

  beforeAll(async () => {
    system = await createTestApp();
    clerk = await system.login('vanthu');
    kit = await incomingKit(system, clerk);
  });
  afterAll(() => system?.close());

  it('stamps a copy of the PDF, keeps the original unchanged, and stores its text', async () => {
    const original = await vietnameseTextPdf([DECISION_TITLE, 'Điều 1. Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này.']);
    const registered = await kit.register(original, 'Quyết định 15.pdf');
    const document = await kit.waitPrepared(registered.id);

    expect(document).toMatchObject({ hasTextLayer: true, searchableFile: null, stampedFile: { mediaType: 'application/pdf' } });
    // what the system added is not an edit: the clerk's copy of the form is still current
    expect(document.version).toBe(registered.version);
    expect(document.stampedFile.originalName).toBe(`Quyết định 15 (đến số ${String(registered.arrivalNumber).padStart(2, '0')}).pdf`);
    expect(sha256(await download(document.mainFile.id))).toBe(sha256(original));
    const stamped = await download(document.stampedFile.id);
    expect(sha256(stamped)).not.toBe(sha256(original));
    const stampedText = (await system.app.get(PdfTextService).extract(await fileRecord(document.stampedFile.id))).text;
    expect(stampedText).toContain('ĐẾN');
    expect(stampedText).toContain(DECISION_TITLE);

    // a leader, who may see the document, downloads the registered copy through the document
    const leader = await system.login('lanhdao');
    const throughDocument = await system
      .http()
      .get(`/api/incoming-documents/${registered.id}/files/${document.stampedFile.id}/content`)
      .set('Authorization', `Bearer ${leader}`)
      .responseType('blob')
      .expect(200);
    expect(sha256(throughDocument.body)).toBe(sha256(stamped));

    expect(await textOf(registered.id)).toEqual({ source: 'pdf', content: expect.stringContaining(DECISION_TITLE) });
    expect((await history(registered.id)).map((entry) => entry.action)).toEqual(['registered', 'stamped', 'text_extracted']);
  });

  it('tells the clerk who registered it, live, when the document is ready', async () => {
    const socket = io(system.baseUrl, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: clerk } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', () => resolve());
        socket.on('connect_error', reject);
      });
      const ready = new Promise<{ kind: string; link: string; title: string }>((resolve) => {
        socket.on('notification', (event: { kind: string; link: string; title: string }) => {
          if (event.kind === 'incoming.prepared') resolve(event);
        });
      });
      const registered = await kit.register(await vietnameseTextPdf(['Thông báo lịch trực Tết']), 'Thông báo.pdf');
      const event = await ready;
      expect(event.link).toBe(`/incoming/${registered.id}`);
      expect(event.title).toContain(`số ${String(registered.arrivalNumber).padStart(2, '0')}`);
    } finally {
      socket.close();
    }
  });

  it('marks a scan without a text layer, and keeps the document usable', async () => {
    const registered = await kit.register(await imageOnlyPdf(samplePng()), 'Bản scan.pdf');
    const document = await kit.waitPrepared(registered.id);
    expect(document.hasTextLayer).toBe(false);
    expect(document.stampedFile).not.toBeNull(); // a scan is stamped like any PDF
    expect((await history(registered.id)).find((entry) => entry.action === 'text_extracted')?.details).toMatchObject({ hasTextLayer: false });
  });

  ocrIt('gives a scan a searchable copy with OCR, and search then finds its words', async () => {
    const printed = await vietnameseTextPdf([DECISION_TITLE, 'Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này.'], { size: 14 });
    const registered = await kit.register(await imageOnlyPdf(renderPagePng(printed, { dpi: 200 })), 'Quyết định (scan).pdf', { subject: 'Bản chụp một văn bản' });
    const document = await kit.waitPrepared(registered.id, clerk, 180_000);
    expect(document).toMatchObject({ hasTextLayer: false, searchableFile: { mediaType: 'application/pdf' } });
    expect((await textOf(registered.id)).source).toBe('ocr');
    expect((await history(registered.id)).map((entry) => entry.action)).toContain('ocr');
    const hits = (await system.http().get('/api/incoming-documents/search').query({ q: 'quy che lam viec' }).set('Authorization', `Bearer ${clerk}`).expect(200)).body.items;
    expect(hits.map((hit: { document: { id: string } }) => hit.document.id)).toContain(registered.id);
  }, 240_000);

  it('neither stamps nor reads a file that is not a PDF', async () => {
    const registered = await kit.register(samplePng(), 'Ảnh chụp.png');
    const document = await kit.waitPrepared(registered.id);
    expect(document).toMatchObject({ hasTextLayer: false, stampedFile: null, searchableFile: null });
    expect((await textOf(registered.id)).content).toBeNull();
  });

  it('records a damaged PDF as a failed step and goes on', async () => {
    const damaged = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nthis is not a PDF body at all\n%%EOF\n', 'latin1');
    const registered = await kit.register(damaged, 'Hỏng.pdf');
    const document = await kit.waitPrepared(registered.id);
    expect(document).toMatchObject({ hasTextLayer: false, stampedFile: null });
    const failures = (await history(registered.id)).filter((entry) => entry.action === 'preparation_failed');
    expect(failures.map((entry) => entry.details)).toEqual(expect.arrayContaining([{ step: 'stamp', code: 'PDF_UNREADABLE' }]));
  });

  it('loses no document when the process stops between the registration and the job: the sweep sends it again', async () => {
    const queue = system.app.get(IncomingPreparationQueue);
    const enqueue = jest.spyOn(queue, 'enqueue').mockResolvedValueOnce(); // the send that never happened
    const registered = await kit.register(await vietnameseTextPdf(['Công văn về việc cử cán bộ dự họp']), 'Công văn.pdf');
    enqueue.mockRestore();
    expect((await system.query(`SELECT has_text_layer FROM incoming_document WHERE id = $1`, [registered.id]))[0].has_text_layer).toBeNull();

    expect(await queue.sweep(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
    expect((await kit.waitPrepared(registered.id)).hasTextLayer).toBe(true);
  });

  it('prepares a document once however many times the job runs, even at the same time', async () => {
    const queue = system.app.get(IncomingPreparationQueue);
    const enqueue = jest.spyOn(queue, 'enqueue').mockResolvedValueOnce();
    const registered = await kit.register(await vietnameseTextPdf(['Giấy mời họp giao ban tháng 12']), 'Giấy mời.pdf');
    enqueue.mockRestore();

    const preparation = system.app.get(IncomingPreparationService);
    await Promise.all([preparation.prepare(registered.id), preparation.prepare(registered.id), preparation.prepare(registered.id)]);
    await preparation.prepare(registered.id);

    const actions = (await history(registered.id)).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'stamped')).toHaveLength(1);
    expect(actions.filter((action) => action === 'text_extracted')).toHaveLength(1);
    const [{ stamped }] = await system.query(`SELECT count(*)::int AS stamped FROM stored_file WHERE original_name LIKE 'Giấy mời (đến số%'`);
    expect(stamped).toBe(1); // the copies of the runs that lost the race were removed
  });
});
