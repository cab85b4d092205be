/**
 * pdf.js for the whole app: loaded the first time any PDF is shown (it is large), with one worker
 * started once for the page's lifetime — pdf.js leaves a port it was given open between documents.
 * Every feature goes through here so the ~1 MB worker is bundled (and downloaded) only once.
 */
type PdfJs = typeof import('pdfjs-dist');

let loaded: Promise<PdfJs> | null = null;

export function pdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(new URL('./pdf.worker', import.meta.url), { type: 'module' });
    return pdfjs;
  });
  return loaded;
}
