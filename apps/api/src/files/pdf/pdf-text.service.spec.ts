import { createTestApp, TestApp } from '../../../../../test/support/test-app';
import { samplePng } from '../testing/sample-files';
import { NotAPdfError, PdfEncryptedError, PdfErrorCode, PdfUnreadableError } from './pdf-errors';
import { pageText, PdfTextService } from './pdf-text.service';
import { DECISION_TITLE, imageOnlyPdf, passwordProtectedPdf, vietnameseTextPdf } from './testing/sample-pdfs';
import { pdfTestKit, PdfTestKit } from './testing/stored-pdfs';

describe('PdfTextService.extract', () => {
  let system: TestApp;
  let kit: PdfTestKit;
  let texts: PdfTextService;

  beforeAll(async () => {
    system = await createTestApp();
    kit = await pdfTestKit(system);
    texts = system.app.get(PdfTextService);
  });
  afterAll(() => system?.close());

  it('reads Vietnamese text of every page, in NFC', async () => {
    const file = await kit.store(await vietnameseTextPdf([DECISION_TITLE, 'Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng'], { pages: 2 }));
    const result = await texts.extract(file);
    expect(result).toMatchObject({ pages: 2, hasTextLayer: true, pagesWithText: 2, truncated: false });
    expect(result.pageTexts).toHaveLength(2);
    expect(result.pageTexts[0]).toBe(`${DECISION_TITLE}\nĐiều 1. Phạm vi điều chỉnh và đối tượng áp dụng`);
    expect(result.text).toContain('Quyết định về việc ban hành');
    expect(result.text).toBe(result.text.normalize('NFC'));
  });

  it('says a scan has no text layer', async () => {
    const file = await kit.store(await imageOnlyPdf(samplePng(), 3), 'Bản scan.pdf');
    expect(await texts.extract(file)).toEqual({ pages: 3, text: '', pageTexts: ['', '', ''], hasTextLayer: false, pagesWithText: 0, truncated: false });
  });

  it('stops at the page and character limits, and says so', async () => {
    const file = await kit.store(await vietnameseTextPdf([DECISION_TITLE], { pages: 20 }));
    const byPages = await texts.extract(file, { maxPages: 3 });
    expect(byPages).toMatchObject({ pages: 20, truncated: true });
    expect(byPages.pageTexts).toHaveLength(3);
    const byCharacters = await texts.extract(file, { maxChars: 100 });
    expect(byCharacters.truncated).toBe(true);
    expect(byCharacters.pageTexts.join('').length).toBe(100);
  });

  it('refuses a damaged PDF, a password-protected one and a file that is not a PDF with typed errors', async () => {
    const truncated = (await vietnameseTextPdf([DECISION_TITLE])).subarray(0, 400);
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
    for (const bytes of [truncated, garbage]) {
      const refusal = await texts.extract(await kit.store(bytes, 'Hỏng.pdf')).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(PdfUnreadableError);
      expect((refusal as PdfUnreadableError).code).toBe(PdfErrorCode.PdfUnreadable);
      expect((refusal as PdfUnreadableError).getStatus()).toBe(422);
    }
    await expect(texts.extract(await kit.store(passwordProtectedPdf(), 'Có mật khẩu.pdf'))).rejects.toBeInstanceOf(PdfEncryptedError);
    await expect(texts.extract(await kit.store(samplePng(), 'Ảnh.png'))).rejects.toBeInstanceOf(NotAPdfError);
  });
});

describe('pageText', () => {
  it('composes letters a PDF carries as base letter plus combining marks (NFC), so search finds them', () => {
    const decomposed = 'Quyết định số 15 của Bộ Y tế'.normalize('NFD');
    const text = pageText([{ str: decomposed, hasEOL: false }]);
    expect(text).toBe('Quyết định số 15 của Bộ Y tế'.normalize('NFC'));
    expect(text).not.toBe(decomposed);
  });

  it('breaks lines where pdfjs saw them and drops characters PostgreSQL cannot hold', () => {
    expect(pageText([{ str: 'Số: 15', hasEOL: true }, { str: 'Ngày\u0000 05 ', hasEOL: true }, { type: 'beginMarkedContent' }, { str: 'x', hasEOL: false }])).toBe('Số: 15\nNgày 05\nx');
  });
});
