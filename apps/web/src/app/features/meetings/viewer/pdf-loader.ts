import type { PDFDocumentProxy } from 'pdfjs-dist';

type PdfJs = typeof import('pdfjs-dist');

let loaded: Promise<PdfJs> | null = null;

/** pdf.js, loaded the first time a material is opened (it is large) with its worker started once. */
export function pdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(new URL('./pdf.worker', import.meta.url), { type: 'module' });
    return pdfjs;
  });
  return loaded;
}

/** Opens a PDF the API serves behind the access token (fetched in ranges as pages are needed). */
export async function openPdf(url: string, token: string | null): Promise<PDFDocumentProxy> {
  const pdfjs = await pdfJs();
  return pdfjs.getDocument({ url, httpHeaders: token ? { Authorization: `Bearer ${token}` } : undefined, isEvalSupported: false }).promise;
}
