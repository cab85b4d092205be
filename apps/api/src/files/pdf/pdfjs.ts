import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { importEsm } from '../../platform/esm';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type { PDFDocumentProxy };

/** Where pdfjs finds its character maps and the 14 standard fonts (read from disk in Node). */
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));

let loading: Promise<PdfJs> | undefined;

/**
 * pdfjs-dist is ES-module-only, so it comes through importEsm; the legacy build because the
 * modern one needs browser APIs that Node 20 lacks. In Node pdfjs runs its "fake worker" in this
 * thread (it imports pdf.worker.mjs itself): nothing to configure.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= importEsm<PdfJs>('pdfjs-dist/legacy/build/pdf.mjs').catch((error: unknown) => {
    loading = undefined; // let a later call try again
    throw error;
  });
  return loading;
}

/**
 * Opens a PDF with settings fit for a server: no eval of PostScript functions, no font loading,
 * no XFA, errors only in the log. pdfjs takes the bytes over (they are emptied here): pass a copy
 * if the caller still needs them. Errors come out as pdfjs throws them (InvalidPDFException,
 * PasswordException…); callers translate them. Close with `destroy()`.
 *
 * Why the whole file and not byte ranges (PDFDataRangeTransport): tried, and pdfjs still holds a
 * buffer of the file's full length and reads every image stream whole as soon as a page refers to
 * it, so ranges saved nothing on scans, the large files.
 */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  return pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: join(PDFJS_ROOT, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + '/',
  }).promise;
}

/** Whether pdfjs refused the file for needing a password (names survive the module boundary; classes may not). */
export const isPasswordError = (error: unknown) => (error as { name?: string } | null)?.name === 'PasswordException';

/** Whether pdfjs refused the file as not being a (repairable) PDF. */
export const isInvalidPdfError = (error: unknown) =>
  ['InvalidPDFException', 'FormatError', 'UnknownErrorException'].includes((error as { name?: string } | null)?.name ?? '');
