import type { PDFDocumentProxy } from 'pdfjs-dist';
import { pdfJs } from '../../../shared/pdf/pdf-js';

/** Opens a PDF the API serves behind the access token (fetched in ranges as pages are needed). */
export async function openPdf(url: string, token: string | null): Promise<PDFDocumentProxy> {
  const pdfjs = await pdfJs();
  return pdfjs.getDocument({ url, httpHeaders: token ? { Authorization: `Bearer ${token}` } : undefined, isEvalSupported: false }).promise;
}
