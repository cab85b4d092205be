/**
 * PDFs built in code for the PDF tools' tests (test support only): Vietnamese text drawn with the
 * same font the stamp uses, an official letter's first page, image-only scans, a locked file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PDFDocument } from 'pdf-lib';
import { mm } from '../page-geometry';
import { embedVietnameseFont } from '../vietnamese-font';

const A4: [number, number] = [mm(210), mm(297)];

export const DECISION_TITLE = 'Quyết định về việc ban hành Quy chế làm việc của Bộ Y tế';

/** Pages of Vietnamese text lines (the same lines on every page, numbered). */
export async function vietnameseTextPdf(lines: readonly string[], options: { pages?: number; size?: number; rotate?: number } = {}): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await embedVietnameseFont(document);
  const size = options.size ?? 12;
  for (let index = 0; index < (options.pages ?? 1); index++) {
    const page = document.addPage(A4);
    if (options.rotate) page.setRotation(degrees(options.rotate));
    lines.forEach((line, at) => page.drawText(line, { x: mm(30), y: A4[1] - mm(30) - at * size * 1.6, size, font }));
  }
  return Buffer.from(await document.save());
}

/** The first page of a decision as Decree 30 lays it out: issuer and national motto on top, then title and body. */
export async function officialDecisionPdf(options: { rotate?: number; pages?: number } = {}): Promise<Buffer> {
  const document = await PDFDocument.create();
  const regular = await embedVietnameseFont(document);
  const bold = await embedVietnameseFont(document, 'bold');
  const [width, height] = A4;
  const centred = (page: ReturnType<typeof document.addPage>, text: string, centre: number, top: number, size: number, font = regular) =>
    page.drawText(text, { x: centre - font.widthOfTextAtSize(text, size) / 2, y: height - top, size, font });
  for (let index = 0; index < (options.pages ?? 1); index++) {
    const page = document.addPage(A4);
    if (options.rotate) page.setRotation(degrees(options.rotate));
    const left = mm(30) + mm(35);
    const right = width - mm(15) - mm(55);
    centred(page, 'BỘ Y TẾ', left, mm(25), 13, bold);
    centred(page, 'Số: 15/QĐ-BYT', left, mm(36), 13);
    centred(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right, mm(25), 12, bold);
    centred(page, 'Độc lập - Tự do - Hạnh phúc', right, mm(31), 13, bold);
    centred(page, 'Hà Nội, ngày 05 tháng 01 năm 2026', right, mm(38), 13);
    centred(page, 'QUYẾT ĐỊNH', width / 2, mm(55), 14, bold);
    centred(page, 'Ban hành Quy chế làm việc của Bộ Y tế', width / 2, mm(62), 14, bold);
    centred(page, 'BỘ TRƯỞNG BỘ Y TẾ', width / 2, mm(75), 14, bold);
    const body = [
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;',
      'Căn cứ Nghị định quy định chức năng, nhiệm vụ, quyền hạn của Bộ Y tế;',
      'Theo đề nghị của Chánh Văn phòng Bộ,',
      'Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Bộ Y tế.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành.',
    ];
    body.forEach((line, at) => page.drawText(line, { x: mm(30), y: height - mm(88) - at * 22, size: 12, font: regular }));
  }
  return Buffer.from(await document.save());
}

/** An A4 page that is one picture and no text, as a scanner makes it. */
export async function imageOnlyPdf(png: Buffer, pages = 1): Promise<Buffer> {
  const document = await PDFDocument.create();
  const image = await document.embedPng(png);
  for (let index = 0; index < pages; index++) document.addPage(A4).drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
  return Buffer.from(await document.save());
}

/** A PDF that needs a password to open. */
export const passwordProtectedPdf = () => encryptedPdf(false);

/** A PDF that opens without a password but is encrypted to lock editing (permissions), as many agencies send. */
export const editLockedPdf = () => encryptedPdf(true);

/**
 * A one-page PDF under the standard security handler (revision 2, 40-bit RC4), written by hand
 * because pdf-lib cannot encrypt. Its page has no content stream, so nothing else needs encrypting.
 * With `opensWithoutPassword`, /U is computed for the empty user password (PDF 1.7, algorithms
 * 2 and 4); otherwise it matches no empty password and a reader must ask for one.
 */
function encryptedPdf(opensWithoutPassword: boolean): Buffer {
  const owner = Buffer.alloc(32, 0xaa);
  const id = Buffer.alloc(16, 0x11);
  const permissions = -44; // print only: no changes, no copying
  let user: Buffer = Buffer.alloc(32, 0xbb);
  if (opensWithoutPassword) {
    const p = Buffer.alloc(4);
    p.writeInt32LE(permissions);
    const key = createHash('md5').update(Buffer.concat([PASSWORD_PADDING, owner, p, id])).digest().subarray(0, 5);
    user = rc4(key, PASSWORD_PADDING);
  }
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P ${permissions} /O <${owner.toString('hex')}> /U <${user.toString('hex')}> >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const PASSWORD_PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

/** RC4, which OpenSSL 3 no longer offers by default. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const state = Array.from({ length: 256 }, (_, index) => index);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + state[i] + key[i % key.length]) & 255;
    [state[i], state[j]] = [state[j], state[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + state[i]) & 255;
    [state[i], state[j]] = [state[j], state[i]];
    out[n] = data[n] ^ state[(state[i] + state[j]) & 255];
  }
  return out;
}

/** Whether a program is installed (on PATH). */
export function installed(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

/** Whether the OCR tests can run: ocrmypdf, Tesseract's Vietnamese model, and pdftoppm to make the test scan. */
export function ocrTestToolsInstalled(): boolean {
  return installed('ocrmypdf') && installed('pdftoppm') && /^vie$/m.test(spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout ?? '');
}

/** One page rendered to PNG by Debian's pdftoppm (poppler-utils). */
export function renderPagePng(pdf: Buffer, options: { page?: number; dpi?: number } = {}): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'render-'));
  try {
    writeFileSync(join(folder, 'in.pdf'), pdf);
    const page = String(options.page ?? 1);
    execFileSync('pdftoppm', ['-png', '-r', String(options.dpi ?? 150), '-f', page, '-l', page, '-singlefile', join(folder, 'in.pdf'), join(folder, 'out')]);
    return readFileSync(join(folder, 'out.png'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
