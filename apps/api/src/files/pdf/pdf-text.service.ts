import { Inject, Injectable, Logger } from '@nestjs/common';
import { STORAGE_DRIVER, StorageDriver } from '../../platform/storage/storage-driver';
import type { StoredFile } from '../stored-file.entity';
import { PdfEncryptedError, PdfUnreadableError } from './pdf-errors';
import { isInvalidPdfError, isPasswordError, openPdf, PDFDocumentProxy } from './pdfjs';
import { assertPdf, readWhole } from './stored-pdf';

export interface PdfTextLimits {
  /** Pages read at most; the rest of a longer document is left out of the text. */
  maxPages: number;
  /** Characters kept at most: enough for search (a PostgreSQL tsvector holds about 1 MB). */
  maxChars: number;
  /** A page with fewer letters counts as having no text: a scan, perhaps with a scanner's footer line. */
  minLettersPerPage: number;
  /** Reading stops after this long, so that a pathological file cannot hold a job for ever. */
  timeLimitMs: number;
}

export const PDF_TEXT_LIMITS: Readonly<PdfTextLimits> = Object.freeze({
  maxPages: 500,
  maxChars: 1_000_000,
  minLettersPerPage: 20,
  timeLimitMs: 120_000,
});

export interface PdfText {
  /** Pages in the document (pageTexts may hold fewer when a limit was reached). */
  pages: number;
  /** The texts of the pages that have one, joined by a blank line; NFC, so that search finds Vietnamese words. */
  text: string;
  /** One entry per page read, from page 1; '' for a page without text. */
  pageTexts: string[];
  /** False for a scan: fewer than half of the pages read carry text (then OCR is worth running). */
  hasTextLayer: boolean;
  /** How many of the pages read carry text. */
  pagesWithText: number;
  /** True when a page, character or time limit cut the text short. */
  truncated: boolean;
}

/**
 * The text of a stored PDF, for full-text search and to tell scans from text documents.
 * Bounded in pages, characters and time. The file's bytes are held once (pdfjs needs them all at
 * hand, see openPdf); the text is built page by page and never exceeds maxChars.
 */
@Injectable()
export class PdfTextService {
  private readonly logger = new Logger('PdfText');

  constructor(@Inject(STORAGE_DRIVER) private readonly storage: StorageDriver) {}

  async extract(file: StoredFile, limits: Partial<PdfTextLimits> = {}): Promise<PdfText> {
    assertPdf(file);
    const document = await openStoredPdf(await readWhole(this.storage, file), file.originalName);
    try {
      return await this.readPages(document, { ...PDF_TEXT_LIMITS, ...limits }, file);
    } finally {
      await document.destroy();
    }
  }

  private async readPages(document: PDFDocumentProxy, bounds: PdfTextLimits, file: StoredFile): Promise<PdfText> {
    const deadline = Date.now() + bounds.timeLimitMs;
    const pageTexts: string[] = [];
    let characters = 0;
    let pagesWithText = 0;
    let truncated = document.numPages > bounds.maxPages;
    const lastPage = Math.min(document.numPages, bounds.maxPages);

    for (let pageNumber = 1; pageNumber <= lastPage; pageNumber++) {
      if (Date.now() > deadline || characters >= bounds.maxChars) {
        truncated = true;
        break;
      }
      let text = '';
      try {
        const page = await document.getPage(pageNumber);
        text = pageText((await page.getTextContent()).items);
        page.cleanup();
      } catch (error) {
        // One broken page must not cost the text of the others.
        this.logger.warn({ fileId: file.id, pageNumber, err: error }, 'page without extractable text (damaged)');
      }
      if (characters + text.length > bounds.maxChars) {
        text = text.slice(0, bounds.maxChars - characters);
        truncated = true;
      }
      if (countLetters(text) >= bounds.minLettersPerPage) pagesWithText++;
      characters += text.length;
      pageTexts.push(text);
    }

    return {
      pages: document.numPages,
      text: pageTexts.filter(Boolean).join('\n\n'),
      pageTexts,
      hasTextLayer: pageTexts.length > 0 && pagesWithText * 2 >= pageTexts.length,
      pagesWithText,
      truncated,
    };
  }
}

/** Opens a PDF's bytes (taken over by pdfjs), turning pdfjs's refusals into the typed errors people can read. */
export async function openStoredPdf(data: Uint8Array, fileName: string): Promise<PDFDocumentProxy> {
  try {
    return await openPdf(data);
  } catch (error) {
    if (isPasswordError(error)) throw new PdfEncryptedError(fileName, true);
    if (isInvalidPdfError(error)) throw new PdfUnreadableError(fileName, (error as Error).message);
    throw error;
  }
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

/**
 * A page's text from pdfjs's items: their strings in content order, a line break where pdfjs saw
 * one. NFC because PDFs may carry Vietnamese as a letter plus combining marks while users type
 * precomposed letters; control characters out because PostgreSQL text cannot hold NUL.
 */
export function pageText(items: readonly object[]): string {
  let text = '';
  for (const item of items as TextItemLike[]) {
    if (typeof item.str !== 'string') continue; // marked-content markers
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/[ \t\u00A0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const countLetters = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;
