/**
 * pdf.js parses, decodes and renders pages in this worker, off the main thread (smooth page turning
 * on tablets). Bundled by the Angular builder from `new URL('./pdf.worker', import.meta.url)` in pdf-js.ts.
 */
import 'pdfjs-dist/build/pdf.worker.min.mjs';
