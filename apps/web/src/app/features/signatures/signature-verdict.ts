import { VerifiedSignatureDto } from '@app/contracts';

/**
 * What a signature found in a PDF means for the reader:
 * - `intact`: valid, and the file is exactly what was signed;
 * - `followed_by_signature`: valid; what came after it is a later signature that is itself valid
 *   and covers the whole file (the organisation's seal after the signer's signature, Decree 30);
 * - `changed_after`: valid over what it signed, but the file was changed afterwards by something
 *   that is not a valid signature covering it all — the reader must not trust the later content;
 * - `invalid`: the signed bytes do not match the signature (the document was altered, or the
 *   signature is broken).
 */
export type SignatureVerdict = 'intact' | 'followed_by_signature' | 'changed_after' | 'invalid';

export function signatureVerdicts(signatures: readonly VerifiedSignatureDto[]): SignatureVerdict[] {
  const end = (signature: VerifiedSignatureDto) => {
    const range = signature.byteRange;
    return range.length >= 4 ? range[2] + range[3] : 0;
  };
  return signatures.map((signature) => {
    if (!signature.valid) return 'invalid';
    if (signature.coversWholeDocument && !signature.modifiedAfterSigning) return 'intact';
    const sealedLater = signatures.some((later) => later !== signature && later.valid && later.coversWholeDocument && end(later) > end(signature));
    return sealedLater ? 'followed_by_signature' : 'changed_after';
  });
}

/** The whole file in one word: every signature valid and nothing unsigned added at the end. */
export function documentVerdict(verdicts: readonly SignatureVerdict[]): 'none' | 'valid' | 'problem' {
  if (verdicts.length === 0) return 'none';
  return verdicts.every((verdict) => verdict === 'intact' || verdict === 'followed_by_signature') ? 'valid' : 'problem';
}
