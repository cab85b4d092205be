/**
 * Rendering a PDF page with pdfjs-dist in the browser, from bytes already fetched. The library and
 * its worker come from the app's shared loader, on the first preview only.
 */
import { pdfJs } from '../../../shared/pdf/pdf-js';

export interface OpenedPdf {
  pageCount: number;
  render(pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The scale at which a page `pageWidth` points wide fills `cssWidth` CSS pixels, drawn at the
 * screen's density (sharp on phones), never blown past twice the page's own size.
 */
export function renderScale(pageWidth: number, cssWidth: number, devicePixelRatio: number): { css: number; pixels: number } {
  const css = Math.min(2, Math.max(0.1, cssWidth / pageWidth));
  const density = Math.min(3, Math.max(1, devicePixelRatio || 1));
  return { css, pixels: css * density };
}

export async function openPdf(bytes: ArrayBuffer): Promise<OpenedPdf> {
  const { getDocument } = await pdfJs();
  // no eval: the Content-Security-Policy forbids it, and a document needs none of it to be drawn
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  return {
    pageCount: document.numPages,
    async render(pageNumber, canvas, cssWidth) {
      const page = await document.getPage(pageNumber);
      const scale = renderScale(page.getViewport({ scale: 1 }).width, cssWidth, window.devicePixelRatio);
      const viewport = page.getViewport({ scale: scale.pixels });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / (scale.pixels / scale.css))}px`;
      await page.render({ canvas, viewport }).promise;
    },
    close: () => document.destroy(),
  };
}
