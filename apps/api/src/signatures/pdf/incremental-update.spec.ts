import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installed } from '../../files/pdf/testing/sample-pdfs';
import { appendIncrementalUpdate, lastCrossReferenceOffset, reserveUsedObjectNumbers, snapshotObjects } from './incremental-update';

/** Pages as poppler's pdfinfo counts them (another reader than pdf-lib), or null without poppler-utils. */
function popplerPages(pdf: Buffer): number | null {
  if (!installed('pdfinfo')) return null;
  const folder = mkdtempSync(join(tmpdir(), 'pdfinfo-'));
  try {
    writeFileSync(join(folder, 'a.pdf'), pdf);
    return Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [join(folder, 'a.pdf')], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function twoPagePdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  document.addPage([200, 200]);
  document.setTitle('Bản gốc');
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

describe('incremental updates', () => {
  it('keeps the original bytes and appends only what changed, readable as the new revision', async () => {
    const original = await twoPagePdf();
    const document = await PDFDocument.load(original, { updateMetadata: false });
    const snapshot = snapshotObjects(document);
    document.getPages()[1].drawText('15/QD-BYT', { x: 10, y: 10, size: 10 }); // standard font: Latin only
    document.catalog.set(PDFName.of('Lang'), PDFString.of('vi'));
    await document.flush();
    const updated = appendIncrementalUpdate(original, document, snapshot);

    expect(updated.subarray(0, original.length).equals(original)).toBe(true);
    const tail = updated.subarray(original.length).toString('latin1');
    expect(tail).toContain(`/Prev ${lastCrossReferenceOffset(original)}`);
    expect(tail).not.toContain('/Type /Pages'); // the unchanged page tree is not written again
    // every cross-reference entry is the 20 bytes the format requires
    const entries = tail.split('xref\n')[1].split('trailer')[0].split('\n').filter((line) => / n\r$/.test(line));
    for (const entry of entries) expect(Buffer.byteLength(entry + '\n')).toBe(20);
    for (const entry of entries) expect(updated.toString('latin1', Number(entry.slice(0, 10))).slice(0, 20)).toMatch(/^\d+ 0 obj/);

    const reread = await PDFDocument.load(updated);
    expect(reread.getPageCount()).toBe(2);
    expect(reread.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('vi');
    expect(reread.getTitle()).toBe('Bản gốc');
  });

  it('writes nothing but a cross-reference section when nothing changed', async () => {
    const original = await twoPagePdf();
    const document = await PDFDocument.load(original, { updateMetadata: false });
    const updated = appendIncrementalUpdate(original, document, snapshotObjects(document));
    expect(updated.subarray(original.length).toString('latin1')).not.toContain(' obj');
  });

  it('continues a file indexed by a cross-reference stream with one, above the numbers of its object streams', async () => {
    const source = await PDFDocument.create();
    source.addPage([200, 200]);
    source.addPage([200, 200]);
    const original = Buffer.from(await source.save({ useObjectStreams: true }));
    const document = await PDFDocument.load(original, { updateMetadata: false });
    const before = document.context.largestObjectNumber;
    reserveUsedObjectNumbers(original, document);
    expect(document.context.largestObjectNumber).toBeGreaterThan(before); // the object and xref streams' numbers
    const snapshot = snapshotObjects(document);
    document.catalog.set(PDFName.of('Lang'), PDFString.of('vi'));
    const updated = appendIncrementalUpdate(original, document, snapshot);
    expect(updated.subarray(original.length).toString('latin1')).toContain('/Type /XRef');
    expect((await PDFDocument.load(updated)).getPageCount()).toBe(2);
    const pages = popplerPages(updated);
    if (pages !== null) expect(pages).toBe(2);
  });
});
