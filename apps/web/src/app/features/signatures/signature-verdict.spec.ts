import { VerifiedSignatureDto } from '@app/contracts';
import { describe, expect, it } from 'vitest';
import { documentVerdict, signatureVerdicts } from './signature-verdict';

function signature(fields: Partial<VerifiedSignatureDto>): VerifiedSignatureDto {
  return {
    fieldName: 'Signer1',
    signerName: 'Phạm Quốc Hùng',
    certificate: null,
    signedAt: '2026-11-30T03:00:00.000Z',
    subFilter: 'ETSI.CAdES.detached',
    reason: null,
    location: null,
    byteRange: [0, 100, 200, 300],
    valid: true,
    problem: null,
    modifiedAfterSigning: false,
    coversWholeDocument: true,
    ...fields,
  };
}

describe('signatureVerdicts', () => {
  it('calls a valid signature over the whole file intact', () => {
    expect(signatureVerdicts([signature({})])).toEqual(['intact']);
  });

  it('accepts the signer’s signature followed by the organisation’s over the whole file', () => {
    const signer = signature({ modifiedAfterSigning: true, coversWholeDocument: false });
    const seal = signature({ fieldName: 'Organisation2', byteRange: [0, 900, 1100, 400] });
    expect(signatureVerdicts([signer, seal])).toEqual(['followed_by_signature', 'intact']);
    expect(documentVerdict(signatureVerdicts([signer, seal]))).toBe('valid');
  });

  it('warns when the file was changed after the last signature', () => {
    const signed = signature({ modifiedAfterSigning: true, coversWholeDocument: false });
    expect(signatureVerdicts([signed])).toEqual(['changed_after']);
    expect(documentVerdict(['changed_after'])).toBe('problem');
  });

  it('calls a digest mismatch invalid, even when a later signature is fine', () => {
    const broken = signature({ valid: false, problem: 'digest mismatch' });
    expect(signatureVerdicts([broken, signature({ byteRange: [0, 900, 1100, 400] })])).toEqual(['invalid', 'intact']);
    expect(documentVerdict(['invalid', 'intact'])).toBe('problem');
  });

  it('says there is nothing to check in an unsigned file', () => {
    expect(documentVerdict([])).toBe('none');
  });
});
