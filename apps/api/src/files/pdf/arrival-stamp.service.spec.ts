import { createHash } from 'node:crypto';
import { degrees, PDFDocument } from 'pdf-lib';
import { createTestApp, TestApp } from '../../../../../test/support/test-app';
import { samplePng } from '../testing/sample-files';
import { ArrivalStampService, stampedName } from './arrival-stamp.service';
import { NotAPdfError, PdfEncryptedError } from './pdf-errors';
import { PdfTextService } from './pdf-text.service';
import { editLockedPdf, officialDecisionPdf, passwordProtectedPdf } from './testing/sample-pdfs';
import { pdfTestKit, PdfTestKit } from './testing/stored-pdfs';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** 14:30 on 5 January 2026 in Hà Nội */
const ARRIVED_AT = new Date('2026-01-05T07:30:00Z');

describe('ArrivalStampService.stamp', () => {
  let system: TestApp;
  let kit: PdfTestKit;
  let stamps: ArrivalStampService;
  let texts: PdfTextService;

  beforeAll(async () => {
    system = await createTestApp();
    kit = await pdfTestKit(system);
    stamps = system.app.get(ArrivalStampService);
    texts = system.app.get(PdfTextService);
  });
  afterAll(() => system?.close());

  it('stores a stamped copy whose first page says ĐẾN, the number and the date, and leaves the original as it was', async () => {
    const originalBytes = await officialDecisionPdf({ pages: 3 });
    const original = await kit.store(originalBytes, 'Quyết định 15.pdf');

    const copy = await stamps.stamp(original, { arrivalNumber: 15, arrivedAt: ARRIVED_AT, transferTo: 'Vụ Pháp chế', caseFileCode: '01.TCCB' }, kit.actor);

    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ mediaType: 'application/pdf', originalName: 'Quyết định 15 (đến số 15).pdf', createdById: kit.actor.id });
    expect(copy.sha256).not.toBe(original.sha256);
    // The original: same row, same bytes in the store.
    expect(await kit.files.findById(original.id)).toMatchObject({ sha256: sha256(originalBytes), size: originalBytes.length });
    expect(sha256(await kit.bytesOf(original))).toBe(sha256(originalBytes));

    const stamped = await texts.extract(copy);
    expect(stamped.pages).toBe(3);
    for (const words of ['ĐẾN', 'Số: 15', 'Ngày: 05/01/2026 14:30', 'Chuyển: Vụ Pháp chế', 'Số và ký hiệu HS: 01.TCCB', 'BỘ Y TẾ'])
      expect(stamped.pageTexts[0]).toContain(words);
    expect(stamped.pageTexts[1]).not.toContain('ĐẾN'); // only the first page
    expect(stamped.pageTexts[0]).toContain('Ban hành Quy chế làm việc của Bộ Y tế'); // the content is still there
  });

  it('prints dots for what is not known yet, the register when given, and keeps the page rotation', async () => {
    const rotated = await PDFDocument.load(await officialDecisionPdf());
    rotated.getPage(0).setRotation(degrees(90));
    const original = await kit.store(Buffer.from(await rotated.save()), 'Công văn xoay.pdf');

    const copy = await stamps.stamp(original, { arrivalNumber: 7, arrivedAt: ARRIVED_AT, registerName: 'Sổ văn bản đến 2026' }, kit.actor);

    const [page] = (await texts.extract(copy)).pageTexts;
    expect(page).toMatch(/Chuyển: \.{3,}/);
    expect(page).toMatch(/Số và ký hiệu HS: \.{3,}/);
    expect(page).toContain('Số: 07');
    expect(page).toContain('Sổ văn bản đến 2026');
    expect((await PDFDocument.load(await kit.bytesOf(copy))).getPage(0).getRotation().angle).toBe(90);
  });

  it('refuses a file that is not a PDF, and a locked PDF, with typed errors', async () => {
    const input = { arrivalNumber: 1, arrivedAt: ARRIVED_AT };
    await expect(stamps.stamp(await kit.store(samplePng(), 'Ảnh.png'), input, kit.actor)).rejects.toBeInstanceOf(NotAPdfError);
    await expect(stamps.stamp(await kit.store(passwordProtectedPdf(), 'Khoá.pdf'), input, kit.actor)).rejects.toMatchObject({ details: { needsPassword: true } });
    // Readable without a password, but pdf-lib cannot write an encrypted file.
    const locked = await kit.store(editLockedPdf(), 'Khoá sửa.pdf');
    expect((await texts.extract(locked)).pages).toBe(1);
    const refusal = await stamps.stamp(locked, input, kit.actor).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PdfEncryptedError);
    expect(refusal).toMatchObject({ details: { needsPassword: false } });
  });

  it('names the copy after the original', () => {
    expect(stampedName('Công văn 15.PDF', '03')).toBe('Công văn 15 (đến số 03).pdf');
  });
});
