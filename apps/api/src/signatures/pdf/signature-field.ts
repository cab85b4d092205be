import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { degrees, drawImage, drawText, PDFArray, PDFDict, PDFDocument, PDFFont, PDFHexString, PDFImage, PDFName, PDFOperator, PDFPage, PDFRef, PDFString, rgb } from 'pdf-lib';

/** A rectangle in the page's user space (points, origin bottom-left). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextLine {
  text: string;
  size: number;
}

/** What a signature shows on the page: an image (signature or seal), lines of text, or both. */
export interface SignatureAppearance {
  rect: Rect;
  image?: { image: PDFImage; box: Rect };
  /** drawn from the top of `textBox` down, left-aligned */
  text?: { font: PDFFont; lines: TextLine[]; box: Rect; color?: 'black' | 'blue' };
}

export interface SignatureFieldInput {
  page: PDFPage;
  /** the field's name, unique in the document (Decree 30 has two signatures on one page) */
  fieldName: string;
  appearance: SignatureAppearance | null;
  reason: string;
  location: string;
  contactInfo: string;
  signerName: string;
  signingTime: Date;
  /** bytes reserved for the CMS; the key store's signature with a 2-4 kB chain fits in 8 kB */
  signatureLength?: number;
}

/**
 * The placeholder library writes its strings with PDFString.of, which keeps one byte per character
 * and so mangles Vietnamese ("Hà Nội" → "Hà NÙi"). A PDF text string may be UTF-16BE with a BOM
 * (ISO 32000-1 §7.9.2.2): we hand it those bytes as a one-byte-per-char string, escaping what a
 * literal string must escape, since PDFString.of writes its value as is.
 */
export function pdfTextLiteral(text: string): string {
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  let out = '\u00fe\u00ff'; // the UTF-16BE byte order mark
  for (const byte of utf16) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += '\\' + String.fromCharCode(byte);
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x0a) out += '\\n';
    else out += String.fromCharCode(byte);
  }
  return out;
}

/** Room for the CMS SignedData (certificate chain included), as the stack notes checked. */
export const SIGNATURE_LENGTH = 8192;

/**
 * Adds a PAdES signature field with its placeholder (ETSI.CAdES.detached) through
 * @signpdf/placeholder-pdf-lib, then gives the widget a unique name and the visible appearance.
 * The appearance is the widget's own form XObject, so viewers show it as the signature.
 */
export function addSignatureField(document: PDFDocument, input: SignatureFieldInput): void {
  const { rect } = input.appearance ?? { rect: { x: 0, y: 0, width: 0, height: 0 } };
  pdflibAddPlaceholder({
    pdfDoc: document,
    pdfPage: input.page,
    reason: pdfTextLiteral(input.reason),
    contactInfo: pdfTextLiteral(input.contactInfo),
    name: pdfTextLiteral(input.signerName),
    location: pdfTextLiteral(input.location),
    signingTime: input.signingTime,
    signatureLength: input.signatureLength ?? SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
  });
  const widget = lastSignatureWidget(document);
  // The library names every field "Signature1"; fully qualified field names must be unique.
  widget.set(PDFName.of('T'), PDFString.of(input.fieldName));
  if (input.appearance) widget.set(PDFName.of('AP'), document.context.obj({ N: appearanceStream(document, input.appearance) }));
}

function lastSignatureWidget(document: PDFDocument): PDFDict {
  const form = document.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  const fields = form.lookup(PDFName.of('Fields'), PDFArray);
  return fields.lookup(fields.size() - 1, PDFDict);
}

function appearanceStream(document: PDFDocument, appearance: SignatureAppearance): PDFRef {
  const { rect } = appearance;
  const operators: PDFOperator[] = [];
  const xObjects: Record<string, PDFRef> = {};
  const fonts: Record<string, PDFRef> = {};
  if (appearance.image) {
    xObjects.Img = appearance.image.image.ref;
    const { box } = appearance.image;
    operators.push(...drawImage('Img', { x: box.x - rect.x, y: box.y - rect.y, width: box.width, height: box.height, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }));
  }
  if (appearance.text) {
    const { font, lines, box } = appearance.text;
    fonts.F1 = font.ref;
    const color = appearance.text.color === 'blue' ? rgb(0.05, 0.2, 0.6) : rgb(0, 0, 0);
    let top = box.y + box.height - rect.y;
    for (const line of lines) {
      top -= line.size * 1.2;
      operators.push(
        ...drawText(font.encodeText(line.text), {
          color,
          font: 'F1',
          size: line.size,
          x: box.x - rect.x,
          y: top + line.size * 0.25,
          rotate: degrees(0),
          xSkew: degrees(0),
          ySkew: degrees(0),
        }),
      );
    }
  }
  const stream = document.context.formXObject(operators, {
    BBox: [0, 0, rect.width, rect.height],
    Resources: { XObject: xObjects, Font: fonts },
  });
  return document.context.register(stream);
}

/** The signature fields already in the document, with the rectangles of their widgets. */
export function signatureFields(document: PDFDocument): { name: string; rect: Rect; pageRef: PDFRef | null }[] {
  const form = document.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return [];
  const found: { name: string; rect: Rect; pageRef: PDFRef | null }[] = [];
  for (let index = 0; index < fields.size(); index++) {
    const field = fields.lookupMaybe(index, PDFDict);
    if (field?.lookupMaybe(PDFName.of('FT'), PDFName) !== PDFName.of('Sig')) continue;
    const name = field.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)?.decodeText() ?? '';
    const numbers = field.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asRectangle() ?? { x: 0, y: 0, width: 0, height: 0 };
    const page = field.get(PDFName.of('P'));
    found.push({ name, rect: numbers, pageRef: page instanceof PDFRef ? page : null });
  }
  return found;
}
