import forge from 'node-forge';
import type { CertificateSummary } from '@app/contracts';

/** Why a PKCS#12 file could not be used; the service turns these into 4xx answers. */
export class Pkcs12Error extends Error {
  constructor(
    readonly reason: 'wrong_passphrase' | 'malformed' | 'no_key' | 'no_certificate',
    message: string,
  ) {
    super(message);
  }
}

export interface OpenedPkcs12 {
  privateKey: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  summary: CertificateSummary;
}

const attribute = (name: forge.pki.Certificate['subject'], short: string) => {
  const found = name.getField(short) as { value?: string } | null;
  return found?.value ? forge.util.decodeUtf8(found.value) : null;
};

/** forge keeps X.500 values as UTF-8 bytes in a binary string; readable text needs decoding. */
function distinguishedName(name: forge.pki.Certificate['subject']): string {
  return name.attributes
    .map((entry) => {
      let value = String(entry.value ?? '');
      try {
        value = forge.util.decodeUtf8(value);
      } catch {
        /* not UTF-8: keep as is */
      }
      return `${entry.shortName ?? entry.name ?? entry.type}=${value}`;
    })
    .join(', ');
}

export function summarizeCertificate(certificate: forge.pki.Certificate): CertificateSummary {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  return {
    subjectCommonName: attribute(certificate.subject, 'CN') ?? distinguishedName(certificate.subject),
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore: certificate.validity.notBefore.toISOString(),
    notAfter: certificate.validity.notAfter.toISOString(),
    sha256Fingerprint: forge.md.sha256.create().update(der).digest().toHex().toUpperCase(),
  };
}

/**
 * Opens a .p12 with its passphrase (node-forge: the MAC check tells a wrong passphrase apart from a
 * damaged file) and finds the signing key and the certificate that matches it.
 */
export function openPkcs12(bytes: Uint8Array, passphrase: string): OpenedPkcs12 {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')), { strict: false } as never);
  } catch {
    throw new Pkcs12Error('malformed', 'not a PKCS#12 file');
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|mac could not be verified|invalid.*pass/i.test(message)) throw new Pkcs12Error('wrong_passphrase', message);
    throw new Pkcs12Error('malformed', message);
  }
  const keyBags = [...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []), ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? [])];
  const privateKey = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new Pkcs12Error('no_key', 'no private key in the file');
  const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((bag) => bag.cert).filter((cert): cert is forge.pki.Certificate => !!cert);
  const certificate = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.compareTo(privateKey.n) === 0 && publicKey.e?.compareTo(privateKey.e) === 0;
  });
  if (!certificate) throw new Pkcs12Error('no_certificate', 'no certificate matches the private key');
  return { privateKey, certificate, summary: summarizeCertificate(certificate) };
}
