import type { CertificateSummary } from '@app/contracts';

/** The key a signature is made with, as the key store knows it. */
export interface SigningKey {
  credentialId: string;
  /** which DocumentSigner holds the private key (`server-key-store`, later a token or a remote service) */
  provider: string;
  certificate: CertificateSummary;
  /** the sealed key material for the server key store (.p12); a token or remote provider keeps its key itself */
  keyMaterial: Buffer | null;
  /** unlocks the key: the .p12 passphrase, a token PIN, a remote service's one-time code */
  secret: string;
}

/**
 * Makes the cryptographic part of a PAdES signature: a detached CMS SignedData (DER) over the
 * bytes the PDF's /ByteRange covers, with the signing time as a signed attribute and the signer's
 * certificate inside. Everything PDF (placeholder, appearance, byte range) stays on our side, so a
 * USB-token (PKCS#11) or a remote-signing provider only has to implement this one method.
 * Failures a person can fix (wrong passphrase, expired key) throw AppException (4xx).
 */
export interface DocumentSigner {
  readonly provider: string;
  sign(signedBytes: Buffer, key: SigningKey, signingTime: Date): Promise<Buffer>;
}

/** Nest token of the list of DocumentSigner implementations (one per provider). */
export const DOCUMENT_SIGNERS = Symbol('DOCUMENT_SIGNERS');
