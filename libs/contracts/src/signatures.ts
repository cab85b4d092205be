/**
 * Digital signatures (ký số): signing credentials in the server's key store, the images Decree 30
 * shows on a signed document, and the verification of uploaded PDFs.
 */

/** Whose key: a person (the signer, Decree 30 box 7c) or the organisation (the digital seal, box 8). */
export const CREDENTIAL_OWNER_KINDS = ['user', 'organisation'] as const;
export type CredentialOwnerKind = (typeof CREDENTIAL_OWNER_KINDS)[number];

/** Where the private key lives. Only the server key store today; a USB token or a remote signing service later. */
export const SIGNING_PROVIDERS = ['server-key-store'] as const;
export type SigningProvider = (typeof SIGNING_PROVIDERS)[number];

export interface CertificateSummary {
  /** the CN of the subject (the signer's or the organisation's name) */
  subjectCommonName: string;
  /** the whole subject, e.g. `CN=Phạm Quốc Hùng, O=Bộ …, C=VN` */
  subject: string;
  issuer: string;
  /** hexadecimal, upper case */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
}

export interface SigningCredentialDto {
  id: string;
  ownerKind: CredentialOwnerKind;
  /** the user whose key it is; null for the organisation's */
  userId: string | null;
  provider: SigningProvider | string;
  certificate: CertificateSummary;
  createdAt: string;
  createdById: string | null;
}

/** The images Decree 30 shows: the signer's handwritten signature (blue) and the organisation's red seal. */
export const SIGNATURE_IMAGE_KINDS = ['signature', 'seal'] as const;
export type SignatureImageKind = (typeof SIGNATURE_IMAGE_KINDS)[number];

export interface SignatureImageDto {
  id: string;
  kind: SignatureImageKind;
  userId: string | null;
  widthPx: number;
  heightPx: number;
  /** the seal's real diameter, so it is drawn at real size (Decree 30) */
  realWidthMm: number | null;
  sha256: string;
  createdAt: string;
}

/** One signature found in an uploaded PDF. */
export interface VerifiedSignatureDto {
  /** the signature field's name */
  fieldName: string;
  /** from the certificate (CN), else the /Name of the signature dictionary */
  signerName: string | null;
  certificate: CertificateSummary | null;
  /** the signing time inside the CMS (signed attribute), else the /M of the dictionary */
  signedAt: string | null;
  subFilter: string | null;
  reason: string | null;
  location: string | null;
  byteRange: number[];
  /** the CMS signature checks out over exactly the bytes its /ByteRange covers */
  valid: boolean;
  /** why it is not valid (digest mismatch, bad signature, unreadable CMS) */
  problem: string | null;
  /** bytes were added after this signature (a later revision: another signature, a change) */
  modifiedAfterSigning: boolean;
  /** the signature covers the whole file as uploaded */
  coversWholeDocument: boolean;
}

export interface SignatureVerificationDto {
  fileName: string;
  size: number;
  sha256: string;
  signatures: VerifiedSignatureDto[];
}

/** Error codes of this context (besides the shared ones in errors.ts). */
export const SignatureErrorCode = {
  WrongPassphrase: 'SIGNING_WRONG_PASSPHRASE',
  CredentialInvalid: 'SIGNING_CREDENTIAL_INVALID',
  CredentialMissing: 'SIGNING_CREDENTIAL_MISSING',
  CredentialExpired: 'SIGNING_CREDENTIAL_EXPIRED',
  CredentialNotFound: 'SIGNING_CREDENTIAL_NOT_FOUND',
  CredentialLocked: 'SIGNING_CREDENTIAL_LOCKED',
  ImageInvalid: 'SIGNATURE_IMAGE_INVALID',
  NotSignedBySigner: 'DOCUMENT_NOT_SIGNED_BY_SIGNER',
  SignatureBroken: 'DOCUMENT_SIGNATURE_INVALID',
  SigningFailed: 'SIGNING_FAILED',
} as const;
export type SignatureErrorCode = (typeof SignatureErrorCode)[keyof typeof SignatureErrorCode];

/** POST /api/signatures/credentials (admin) and PUT /api/signatures/my-credential (the signer, own key). */
export interface UploadSigningCredentialRequest {
  /** `organisation` only for the admin route */
  ownerKind: CredentialOwnerKind;
  /** the user whose key it is (admin route, ownerKind `user`) */
  userId?: string;
  /** the .p12 / .pfx file, base64 (a few kB) */
  p12Base64: string;
  /** checked against the file, never stored */
  passphrase: string;
}
