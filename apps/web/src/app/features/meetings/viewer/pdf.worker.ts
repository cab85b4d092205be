// pdf.js parses and renders pages in this worker, off the main thread (smooth page turning on tablets).
import 'pdfjs-dist/build/pdf.worker.min.mjs';
