/**
 * pdfjs-dist's worker (parsing and decoding off the main thread), bundled by the Angular builder
 * from this module: `new Worker(new URL('./pdf.worker', import.meta.url))` in pdf-render.ts.
 */
import 'pdfjs-dist/build/pdf.worker.min.mjs';
