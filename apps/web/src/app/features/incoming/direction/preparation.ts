import { IncomingDocumentDto } from '@app/contracts';

/** How many times the page looks again for the background work, before leaving it to the reload button. */
export const PREPARATION_CHECKS = 12;

/**
 * Whether the background work after registration is still to come: the "ĐẾN" stamp on a PDF's copy,
 * and the text extraction (null until it has run).
 */
export function stillPreparing(document: Pick<IncomingDocumentDto, 'stampedFile' | 'mainFile' | 'hasTextLayer'>): boolean {
  const stampPending = !document.stampedFile && document.mainFile.mediaType === 'application/pdf';
  return stampPending || document.hasTextLayer === null;
}

/** 1.5 s, then a little longer each time (up to 10 s): quick for the usual second or two, light if OCR takes long. */
export function preparationDelay(attempt: number): number {
  return Math.min(1500 * 1.5 ** attempt, 10_000);
}
