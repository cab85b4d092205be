/**
 * Test support only: outgoing drafts laid out as Decree 30 wants them (number and date left blank
 * for the system, the signature block on the last page), and pdfsig (poppler-utils) as the
 * independent verifier.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFPage, PDFRawStream, PDFString } from 'pdf-lib';
import { mm } from '../../files/pdf/page-geometry';
import { embedVietnameseFont } from '../../files/pdf/vietnamese-font';

const A4: [number, number] = [mm(210), mm(297)];

export interface DraftOptions {
  pages?: number;
  signerName?: string;
  signerPosition?: string;
}

/** A decision of `pages` A4 pages: header with "Số:     /QĐ-BYT" and a blank date, body, signature block at the end. */
export async function outgoingDraftPdf(options: DraftOptions = {}): Promise<Buffer> {
  const document = await PDFDocument.create();
  const regular = await embedVietnameseFont(document);
  const bold = await embedVietnameseFont(document, 'bold');
  const [width, height] = A4;
  const centred = (page: PDFPage, text: string, centre: number, top: number, size: number, font = regular) =>
    page.drawText(text, { x: centre - font.widthOfTextAtSize(text, size) / 2, y: height - top, size, font });
  const left = mm(30) + mm(35);
  const right = width - mm(15) - mm(55);
  const pages = options.pages ?? 3;
  for (let index = 0; index < pages; index++) {
    const page = document.addPage(A4);
    if (index === 0) {
      centred(page, 'BỘ Y TẾ', left, mm(25), 13, bold);
      centred(page, 'Số:        /QĐ-BYT', left, mm(36), 13);
      centred(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right, mm(25), 12, bold);
      centred(page, 'Độc lập - Tự do - Hạnh phúc', right, mm(31), 13, bold);
      centred(page, 'Hà Nội, ngày      tháng      năm 2026', right, mm(38), 13);
      centred(page, 'QUYẾT ĐỊNH', width / 2, mm(55), 14, bold);
      centred(page, 'Ban hành Quy chế công tác văn thư của Bộ Y tế', width / 2, mm(62), 14, bold);
    }
    for (let line = 0; line < 24; line++)
      page.drawText(`Điều ${index * 24 + line + 1}. Các đơn vị thuộc Bộ thực hiện công tác văn thư theo Nghị định số 30/2020/NĐ-CP.`, {
        x: mm(30),
        y: height - mm(index === 0 ? 75 : 25) - line * 20,
        size: 11,
        font: regular,
      });
    if (index === pages - 1) {
      centred(page, 'KT. BỘ TRƯỞNG', right, mm(232), 13, bold);
      centred(page, options.signerPosition ?? 'THỨ TRƯỞNG', right, mm(238), 13, bold);
      centred(page, options.signerName ?? 'Phạm Quốc Hùng', right, mm(272), 13, bold);
      page.drawText('Nơi nhận:', { x: mm(30), y: height - mm(232), size: 12, font: bold });
      page.drawText('- Như Điều 3;', { x: mm(30), y: height - mm(238), size: 11, font: regular });
      page.drawText('- Lưu: VT, VP.', { x: mm(30), y: height - mm(243), size: 11, font: regular });
    }
  }
  return Buffer.from(await document.save());
}

export interface PdfsigSignature {
  fieldName: string;
  commonName: string;
  validation: string;
  totalDocumentSigned: boolean;
}

/** pdfsig's report, one entry per signature (pdfsig exits non-zero on a bad signature: the output still tells). */
export function pdfsig(pdf: Buffer): PdfsigSignature[] {
  const folder = mkdtempSync(join(tmpdir(), 'pdfsig-'));
  try {
    const path = join(folder, 'signed.pdf');
    writeFileSync(path, pdf);
    const result = spawnSync('pdfsig', [path], { encoding: 'utf8', timeout: 30_000 });
    return (result.stdout ?? '')
      .split(/^Signature #\d+:$/m)
      .slice(1)
      .map((block) => ({
        fieldName: /Signature Field Name: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
        commonName: /Signer Certificate Common Name: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
        validation: /Signature Validation: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
        totalDocumentSigned: /^\s*- Total document signed/m.test(block),
      }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A copy with one byte changed inside the content stream of the first page (inside every signature's range). */
export function flipOneByte(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('stream\n', copy.indexOf('/Length')) + 'stream\n'.length + 5;
  copy[at] ^= 0x01;
  return copy;
}

export interface Appearance {
  pageIndex: number;
  rect: { x: number; y: number; width: number; height: number };
  /** the decoded operators of the widget's appearance stream */
  operators: string;
}

/** Where a signature shows and what its appearance draws (pdfjs page text does not include widget appearances). */
export async function appearanceOf(pdf: Buffer, fieldName: string): Promise<Appearance> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const fields = document.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  for (let index = 0; index < fields.size(); index++) {
    const field = fields.lookup(index, PDFDict);
    if (field.lookup(PDFName.of('T'), PDFString, PDFHexString).decodeText() !== fieldName) continue;
    const stream = field.lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N')) as PDFRawStream;
    const filter = stream.dict.lookup(PDFName.of('Filter'));
    const operators = Buffer.from(filter ? inflateSync(stream.contents) : stream.contents).toString('latin1');
    const pageRef = field.get(PDFName.of('P'));
    return {
      pageIndex: document.getPages().findIndex((page) => page.ref === pageRef),
      rect: field.lookup(PDFName.of('Rect'), PDFArray).asRectangle(),
      operators,
    };
  }
  throw new Error(`no field ${fieldName}`);
}
