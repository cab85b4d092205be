import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { AppConfig } from '../../platform/config/app-config';
import { STORAGE_DRIVER, StorageDriver } from '../../platform/storage/storage-driver';
import { FileActor, FilesService } from '../files.service';
import type { StoredFile } from '../stored-file.entity';
import { ArrivalStampText, drawArrivalStamp, STAMP_HEIGHT, STAMP_WIDTH } from './arrival-stamp-drawing';
import { Box, boundingBox, corners, invert, Matrix, PageFrame, pageFrame } from './page-geometry';
import { PdfEncryptedError, PdfUnreadableError } from './pdf-errors';
import { openStoredPdf } from './pdf-text.service';
import { placeStamp } from './stamp-placement';
import { assertPdf, readWhole } from './stored-pdf';
import { embedVietnameseFont } from './vietnamese-font';
import { formatVietnamDateTime } from './vietnam-time';

/** What goes on the "ĐẾN" stamp (Decree 30/2020, Art. 22 and Appendix IV §V). */
export interface ArrivalStampInput {
  /** Số đến */
  arrivalNumber: number;
  /** Ngày đến: shown dd/MM/yyyy HH:mm in Vietnam time */
  arrivedAt: Date;
  /** Chuyển: the unit or person it was passed to; dots when not yet known */
  transferTo?: string | null;
  /** Số và ký hiệu HS: the case file's code; dots when not yet known */
  caseFileCode?: string | null;
  /** The register it was entered in: a small line under the agency's name when given */
  registerName?: string;
  /** The stamp's top line (TÊN CƠ QUAN, TỔ CHỨC); this installation's ORGAN_NAME by default */
  organName?: string;
}

/**
 * Puts the "ĐẾN" (arrival) stamp on the first page of a copy of an incoming PDF and stores the
 * copy as a new file: the registered working copy. The original file is only read, never changed.
 * The caller (the incoming context) has already checked that the actor may register the document.
 */
@Injectable()
export class ArrivalStampService {
  constructor(
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    private readonly files: FilesService,
    private readonly config: AppConfig,
  ) {}

  async stamp(file: StoredFile, input: ArrivalStampInput, actor: FileActor): Promise<StoredFile> {
    assertPdf(file);
    const text = this.stampText(input);
    const stamped = await stampPdf(await readWhole(this.storage, file), text, file.originalName);
    return this.files.store(Readable.from(Buffer.from(stamped.buffer, stamped.byteOffset, stamped.byteLength)), {
      originalName: stampedName(file.originalName, text.arrivalNumber),
      declaredType: 'application/pdf',
      uploadedBy: actor,
    });
  }

  private stampText(input: ArrivalStampInput): ArrivalStampText {
    if (!Number.isSafeInteger(input.arrivalNumber) || input.arrivalNumber < 1) throw new TypeError(`arrivalNumber must be a positive integer, got ${input.arrivalNumber}`);
    const clean = (value?: string | null) => value?.normalize('NFC').replace(/\s+/g, ' ').trim() || null;
    return {
      organ: (clean(input.organName) ?? clean(this.config.ORGAN_NAME) ?? '').toLocaleUpperCase('vi'),
      register: clean(input.registerName) ?? undefined,
      // Numbers below 10 with a leading zero, as Decree 30 writes document numbers [U for số đến].
      arrivalNumber: String(input.arrivalNumber).padStart(2, '0'),
      arrivedAt: formatVietnamDateTime(input.arrivedAt),
      transferTo: clean(input.transferTo),
      caseFileCode: clean(input.caseFileCode),
    };
  }
}

/**
 * The stamped copy's bytes: the stamp drawn on page 1 where it covers no text if it can, the rest
 * of the file as it was (pages, metadata; signatures no longer verify on the copy, as expected).
 */
export async function stampPdf(original: Uint8Array, text: ArrivalStampText, fileName: string): Promise<Uint8Array> {
  // pdfjs first: it tells a damaged or password-locked file apart, and where page 1 has text.
  const textBoxes = await firstPageObstacles(original, fileName);
  const document = await loadForEditing(original, fileName);
  const page = document.getPage(0);
  const frame = pageFrame(page.getCropBox(), page.getRotation().angle);
  const placement = placeStamp(frame, { width: STAMP_WIDTH, height: STAMP_HEIGHT }, toSeen(frame, textBoxes));
  const fonts = { regular: await embedVietnameseFont(document, 'regular'), bold: await embedVietnameseFont(document, 'bold') };
  drawArrivalStamp(page, frame, placement, text, fonts);
  // No object streams: the copy stays readable by older PDF tools, and by the signing code.
  return document.save({ useObjectStreams: false });
}

/** `Công văn 15.pdf` → `Công văn 15 (đến số 07).pdf` */
export function stampedName(originalName: string, arrivalNumber: string): string {
  const stem = originalName.replace(/\.pdf$/i, '');
  return `${stem} (đến số ${arrivalNumber}).pdf`;
}

async function loadForEditing(bytes: Uint8Array, fileName: string): Promise<PDFDocument> {
  let document: PDFDocument;
  try {
    // The copy keeps the sender's metadata (title, author, producer) as it was.
    document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new PdfUnreadableError(fileName, (error as Error).message);
  }
  // pdf-lib cannot write encrypted files; a PDF locked only for editing opens in pdfjs but ends here.
  if (document.isEncrypted) throw new PdfEncryptedError(fileName, false);
  if (document.getPageCount() === 0) throw new PdfUnreadableError(fileName, 'no pages');
  return document;
}

interface PositionedItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** Boxes of page 1's text and annotations (signature fields included), in user space. */
async function firstPageObstacles(bytes: Uint8Array, fileName: string): Promise<Box[]> {
  // A copy (Buffer#slice would not be one): pdfjs takes its input over, emptying it here.
  const document = await openStoredPdf(new Uint8Array(bytes), fileName);
  try {
    const page = await document.getPage(1);
    const boxes: Box[] = [];
    for (const item of (await page.getTextContent()).items as PositionedItem[]) {
      if (!item.str?.trim() || !item.transform) continue;
      boxes.push(textBox(item.transform, item.width ?? 0, item.height ?? 0));
    }
    for (const annotation of await page.getAnnotations({ intent: 'display' })) {
      const [x1, y1, x2, y2] = (annotation as { rect?: number[] }).rect ?? [];
      if ([x1, y1, x2, y2].every(Number.isFinite)) boxes.push({ x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) });
    }
    return boxes;
  } finally {
    await document.destroy();
  }
}

/** A text run's box: along its baseline for `width`, up for `height`, a little below for descenders. */
function textBox(transform: number[], width: number, height: number): Box {
  const [a, b, c, d, e, f] = transform;
  const along = Math.hypot(a, b) || 1;
  const up = Math.hypot(c, d) || 1;
  const [ux, uy] = [a / along, b / along];
  const [vx, vy] = [c / up, d / up];
  const origin: [number, number] = [e - vx * height * 0.25, f - vy * height * 0.25];
  const local: Matrix = [ux, uy, vx, vy, origin[0], origin[1]];
  return boundingBox(local, corners({ x: 0, y: 0, width, height: height * 1.25 }));
}

function toSeen(frame: PageFrame, boxes: Box[]): Box[] {
  const toSeenMatrix = invert(frame.toUser);
  return boxes.map((box) => boundingBox(toSeenMatrix, corners(box)));
}
