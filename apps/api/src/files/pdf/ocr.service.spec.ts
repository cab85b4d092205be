import { createHash } from 'node:crypto';
import { createTestApp, TestApp } from '../../../../../test/support/test-app';
import { loadConfig } from '../../platform/config/app-config';
import { STORAGE_DRIVER } from '../../platform/storage/storage-driver';
import { samplePng } from '../testing/sample-files';
import { OcrService, searchableName } from './ocr.service';
import { NotAPdfError } from './pdf-errors';
import { PdfTextService } from './pdf-text.service';
import { DECISION_TITLE, imageOnlyPdf, ocrTestToolsInstalled, renderPagePng, vietnameseTextPdf } from './testing/sample-pdfs';
import { pdfTestKit, PdfTestKit } from './testing/stored-pdfs';

/** OCR is optional (Debian's ocrmypdf + tesseract-ocr-vie; pdftoppm makes the test scan): without it these tests are skipped. */
const ocrAvailable = ocrTestToolsInstalled();
const ocrIt = ocrAvailable ? it : it.skip;
if (!ocrAvailable) console.warn('!!! ocrmypdf, tesseract-ocr-vie or pdftoppm missing: the OCR tests are SKIPPED (apt-get install ocrmypdf tesseract-ocr-vie poppler-utils)');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('OcrService', () => {
  let system: TestApp;
  let kit: PdfTestKit;
  let ocr: OcrService;
  let texts: PdfTextService;

  beforeAll(async () => {
    system = await createTestApp();
    kit = await pdfTestKit(system);
    ocr = system.app.get(OcrService);
    texts = system.app.get(PdfTextService);
  });
  afterAll(() => system?.close());

  ocrIt('gives a scan of Vietnamese text a text layer in a new file, and search then finds its words', async () => {
    const printed = await vietnameseTextPdf([DECISION_TITLE, 'Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này.'], { size: 14 });
    const scanBytes = await imageOnlyPdf(renderPagePng(printed, { dpi: 200 }));
    const scan = await kit.store(scanBytes, 'Quyết định (bản scan).pdf');
    expect((await texts.extract(scan)).hasTextLayer).toBe(false);

    expect(await ocr.isAvailable()).toBe(true);
    const searchable = await ocr.makeSearchable(scan, kit.actor);

    expect(searchable).toMatchObject({ mediaType: 'application/pdf', originalName: 'Quyết định (bản scan) (OCR).pdf', createdById: kit.actor.id });
    const result = await texts.extract(searchable!);
    expect(result).toMatchObject({ pages: 1, hasTextLayer: true });
    expect(result.text).toContain('Quyết định');
    expect(result.text).toContain('Quy chế làm việc');
    expect(sha256(await kit.bytesOf(scan))).toBe(sha256(scanBytes)); // the scan itself is untouched
  }, 120_000);

  it('answers null, and runs nothing, where OCR is turned off', async () => {
    const off = new OcrService(system.app.get(STORAGE_DRIVER), kit.files, loadConfig({ OCR_ENABLED: 'false' }));
    const scan = await kit.store(await imageOnlyPdf(samplePng()), 'Bản scan.pdf');
    expect(await off.isAvailable()).toBe(false);
    expect(await off.makeSearchable(scan, kit.actor)).toBeNull();
  });

  it('refuses a file that is not a PDF', async () => {
    await expect(ocr.makeSearchable(await kit.store(samplePng(), 'Ảnh.png'), kit.actor)).rejects.toBeInstanceOf(NotAPdfError);
  });

  it('names the searchable copy after the scan', () => {
    expect(searchableName('Công văn 15.pdf')).toBe('Công văn 15 (OCR).pdf');
  });
});
