import { Logger } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import type { FilesService, StoreFileInput } from '../../files/files.service';
import type { StoredFile } from '../../files/stored-file.entity';
import { sampleDocx } from '../../files/testing/sample-files';
import type { StorageDriver } from '../../platform/storage/storage-driver';
import { ConversionFailedError, DocumentConverter, pdfName } from './document-converter';
import { wordDocument } from '../testing/word-document';

/** LibreOffice is optional (Debian's libreoffice-writer-nogui, large): without it the conversion tests are skipped. */
const sofficeInstalled = spawnSync('soffice', ['--headless', '--version'], { timeout: 60_000 }).status === 0;
const withSoffice = sofficeInstalled ? it : it.skip;
if (!sofficeInstalled) console.warn('!!! soffice missing: the DOCX to PDF conversion tests are SKIPPED (apt-get install libreoffice-writer-nogui)');

/** The converter over a store holding one document, keeping what it stores. */
function converterOver(bytes: Buffer): { converter: DocumentConverter; stored: { bytes: Buffer; input: StoreFileInput }[] } {
  const stored: { bytes: Buffer; input: StoreFileInput }[] = [];
  const storage = { get: async () => Readable.from([bytes]) } as unknown as StorageDriver;
  const files = {
    store: async (source: Readable, input: StoreFileInput) => {
      const chunks: Buffer[] = [];
      for await (const chunk of source) chunks.push(chunk as Buffer);
      stored.push({ bytes: Buffer.concat(chunks), input });
      return { id: 'converted', originalName: input.originalName } as StoredFile;
    },
  } as unknown as FilesService;
  return { converter: new DocumentConverter(storage, files), stored };
}

const draft = { id: 'draft', storageKey: 'files/draft', originalName: 'Tờ trình số 5.docx' } as StoredFile;
const actor = { id: 'signer', username: 'lanhdao' };

describe('DocumentConverter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('names the PDF after the draft', () => {
    expect(pdfName('Tờ trình số 5.docx')).toBe('Tờ trình số 5.pdf');
    expect(pdfName('Công văn.DOCX')).toBe('Công văn.pdf');
  });

  it('says whether LibreOffice is installed, once per process', async () => {
    const { converter } = converterOver(Buffer.alloc(0));
    const first = converter.isAvailable();
    expect(converter.isAvailable()).toBe(first);
    expect(await first).toBe(sofficeInstalled);
  });

  withSoffice('turns a Word draft into a PDF stored in the name of whoever approved it', async () => {
    const { converter, stored } = converterOver(wordDocument('Tờ trình về việc ban hành Thông tư'));
    const pdf = await converter.toPdf(draft, actor);
    expect(pdf.originalName).toBe('Tờ trình số 5.pdf');
    expect(stored).toHaveLength(1);
    expect(stored[0].bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(stored[0].input).toMatchObject({ declaredType: 'application/pdf', uploadedBy: actor });
  }, 120_000);

  withSoffice('fails plainly on a package LibreOffice cannot open, storing nothing', async () => {
    const { converter, stored } = converterOver(sampleDocx());
    await expect(converter.toPdf(draft, actor)).rejects.toBeInstanceOf(ConversionFailedError);
    expect(stored).toHaveLength(0);
  }, 120_000);
});
