import type { X509Certificate } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import type { CertificateSummary, VerifiedSignatureDto } from '@app/contracts';
import { checkCms } from './cms';
import { pdfUnreadable, notAPdf } from '../signature-errors';

/** More than this many signatures in one file is not a document but an attack on the server's time. */
const MAX_SIGNATURES = 50;

const text = (dict: PDFDict, key: string): string | null => {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
};

function dateOf(dict: PDFDict, key: string): Date | null {
  const value = dict.lookup(PDFName.of(key));
  if (!(value instanceof PDFString || value instanceof PDFHexString)) return null;
  try {
    return value.decodeDate();
  } catch {
    return null;
  }
}

export function certificateSummary(certificate: X509Certificate): CertificateSummary {
  const readable = (name: string) => name.split('\n').filter(Boolean).join(', ');
  const commonName = /(?:^|\n)CN=([^\n]*)/.exec(certificate.subject)?.[1] ?? readable(certificate.subject);
  return {
    subjectCommonName: commonName,
    subject: readable(certificate.subject),
    issuer: readable(certificate.issuer),
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: new Date(certificate.validTo).toISOString(),
    sha256Fingerprint: certificate.fingerprint256.replace(/:/g, '').toUpperCase(),
  };
}

interface SignatureField {
  name: string;
  value: PDFDict;
}

/** Signature fields of the form (nested fields included), each with its signature dictionary. */
function signatureFields(document: PDFDocument): SignatureField[] {
  const form = document.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const roots = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const found: SignatureField[] = [];
  const seen = new Set<PDFDict>();
  const visit = (field: PDFDict, prefix: string, inheritedType: PDFName | undefined) => {
    if (seen.has(field) || found.length >= MAX_SIGNATURES) return;
    seen.add(field);
    const partial = text(field, 'T');
    const name = partial ? (prefix ? `${prefix}.${partial}` : partial) : prefix;
    const type = field.lookupMaybe(PDFName.of('FT'), PDFName) ?? inheritedType;
    const value = field.lookupMaybe(PDFName.of('V'), PDFDict);
    if (type === PDFName.of('Sig') && value) found.push({ name, value });
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let index = 0; kids && index < kids.size(); index++) {
      const kid = kids.lookupMaybe(index, PDFDict);
      if (kid) visit(kid, name, type);
    }
  };
  for (let index = 0; roots && index < roots.size(); index++) {
    const field = roots.lookupMaybe(index, PDFDict);
    if (field) visit(field, '', undefined);
  }
  return found;
}

/**
 * Every signature of a PDF, each checked against the bytes its /ByteRange names: whether the CMS
 * verifies over exactly those bytes, and whether the file goes on after them (a later revision).
 * The structure is read with pdf-lib; nothing here trusts the viewer-facing appearance.
 */
export async function verifyPdfSignatures(pdf: Buffer, fileName: string): Promise<VerifiedSignatureDto[]> {
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) throw notAPdf(fileName);
  let document: PDFDocument;
  try {
    // Signature values are never encrypted (ISO 32000-1 §7.6.2), so an encrypted file can still be checked.
    document = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    throw pdfUnreadable(fileName, error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
  let fields: SignatureField[];
  try {
    if (document.getPageCount() === 0) throw new Error('no pages');
    fields = signatureFields(document);
  } catch (error) {
    throw pdfUnreadable(fileName, error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
  return fields.map(({ name, value }) => verifyOne(pdf, name, value));
}

function verifyOne(pdf: Buffer, fieldName: string, dict: PDFDict): VerifiedSignatureDto {
  const ranges = dict.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
  const byteRange = ranges ? ranges.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : Number.NaN)) : [];
  const contents = dict.lookup(PDFName.of('Contents'));
  const subFilter = dict.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText() ?? null;
  const base = {
    fieldName,
    subFilter,
    reason: text(dict, 'Reason'),
    location: text(dict, 'Location'),
    byteRange,
  };
  const dictionaryName = text(dict, 'Name');
  const dictionaryTime = dateOf(dict, 'M');
  const broken = (problem: string): VerifiedSignatureDto => ({
    ...base,
    signerName: dictionaryName,
    certificate: null,
    signedAt: dictionaryTime?.toISOString() ?? null,
    valid: false,
    problem,
    modifiedAfterSigning: true,
    coversWholeDocument: false,
  });

  const [start, firstLength, second, secondLength] = byteRange;
  const wellFormed =
    byteRange.length === 4 && byteRange.every((n) => Number.isInteger(n) && n >= 0) && start === 0 && firstLength < second && second + secondLength <= pdf.length;
  if (!wellFormed) return broken('invalid /ByteRange');
  // The gap must be exactly the /Contents hex string, or the range could skip other bytes unnoticed.
  if (pdf[firstLength] !== 0x3c || pdf[second - 1] !== 0x3e) return broken('the /ByteRange gap is not the signature value');
  if (!(contents instanceof PDFHexString || contents instanceof PDFString)) return broken('no signature value (/Contents)');

  const signedBytes = Buffer.concat([pdf.subarray(0, firstLength), pdf.subarray(second, second + secondLength)]);
  const check = checkCms(contents.asBytes(), signedBytes);
  const coversWholeDocument = second + secondLength === pdf.length;
  const certificate = check.certificate ? certificateSummary(check.certificate) : null;
  return {
    ...base,
    signerName: certificate?.subjectCommonName ?? dictionaryName,
    certificate,
    signedAt: (check.signingTime ?? dictionaryTime)?.toISOString() ?? null,
    valid: check.valid,
    problem: check.problem,
    modifiedAfterSigning: !coversWholeDocument || !check.valid,
    coversWholeDocument,
  };
}
