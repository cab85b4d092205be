import { SignPdf, Signer } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { notAPdf, pdfEncrypted, pdfUnreadable } from '../signature-errors';
import { appendIncrementalUpdate, reserveUsedObjectNumbers, snapshotObjects } from './incremental-update';
import { signatureFields } from './signature-field';

/** Makes the detached CMS over the bytes the /ByteRange covers (see DocumentSigner). */
export type CmsProducer = (signedBytes: Buffer, signingTime: Date) => Promise<Buffer>;

/** @signpdf hands the signer the bytes to sign; this passes them on to whichever DocumentSigner is in use. */
class DelegatingSigner extends Signer {
  constructor(
    private readonly produce: CmsProducer,
    private readonly signingTime: Date,
  ) {
    super();
  }

  override sign(pdfBuffer: Buffer): Promise<Buffer> {
    return this.produce(pdfBuffer, this.signingTime);
  }
}

/** Loads a PDF for signing, turning pdf-lib's failures into the PDF tools' 4xx refusals. */
export async function loadForSigning(bytes: Uint8Array, fileName: string): Promise<PDFDocument> {
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) throw notAPdf(fileName);
  let document: PDFDocument;
  try {
    // updateMetadata: false keeps the Info dictionary as it is, so an incremental update stays small.
    // Encryption is checked on the loaded document: pdf-lib's EncryptedPDFError fails instanceof (ES5 classes).
    document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    // pdf-lib forgives a lot: a file whose objects it could not make sense of comes back without pages
    if (document.getPageCount() === 0) throw new Error('no pages');
  } catch (error) {
    throw pdfUnreadable(fileName, error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
  if (document.isEncrypted) throw pdfEncrypted(fileName);
  return document;
}

export interface PadesSigningInput {
  original: Uint8Array;
  fileName: string;
  signingTime: Date;
  /** draws what belongs to this revision and adds the signature field (addSignatureField) */
  prepare: (document: PDFDocument) => Promise<void>;
  cms: CmsProducer;
}

/**
 * One PAdES signature. An unsigned PDF is rewritten whole by pdf-lib (which also repairs sloppy
 * cross-reference tables); a PDF that is signed already gets an incremental update, so that the
 * earlier signatures keep covering exactly the bytes they signed.
 */
export async function signPdf(input: PadesSigningInput): Promise<Buffer> {
  const document = await loadForSigning(input.original, input.fileName);
  const alreadySigned = signatureFields(document).length > 0;
  if (alreadySigned) reserveUsedObjectNumbers(input.original, document);
  const snapshot = alreadySigned ? snapshotObjects(document) : null;
  await input.prepare(document);
  let prepared: Buffer;
  if (snapshot) {
    await document.flush();
    prepared = appendIncrementalUpdate(input.original, document, snapshot);
  } else {
    // no object streams: the signature dictionary must stay a plain object @signpdf can find
    prepared = Buffer.from(await document.save({ useObjectStreams: false }));
  }
  return new SignPdf().sign(prepared, new DelegatingSigner(input.cms, input.signingTime));
}
