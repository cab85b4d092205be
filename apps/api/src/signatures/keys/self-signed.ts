import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import forge from 'node-forge';

export interface SelfSignedRequest {
  commonName: string;
  organization: string;
  /** e.g. the user's e-mail; omitted for the organisation's seal */
  email?: string;
  validDays?: number;
}

/**
 * A self-signed signing certificate in a passphrase-protected .p12, for the demo and for tests
 * only: production credentials come from a licensed CA (in Vietnam, the Government Cipher
 * Committee's CA for state agencies) on a token or uploaded by an administrator.
 * AES-256 protects the key bag (forge's default would be 3DES).
 */
/**
 * forge.pki.Certificate#sign, with Node's RSA instead of forge's JavaScript one (a tenth of the
 * time): the demo keys are made at every first start, tests included.
 */
function signNatively(certificate: forge.pki.Certificate, privateKey: KeyObject): void {
  const withSignature = certificate as forge.pki.Certificate & { siginfo: { algorithmOid: string }; signatureOid: string; signature: string; md: forge.md.MessageDigest };
  withSignature.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption;
  withSignature.signatureOid = forge.pki.oids.sha256WithRSAEncryption;
  withSignature.md = forge.md.sha256.create();
  // getTBSCertificate exists in forge 1.x but is missing from its type definitions
  const tbsOf = (forge.pki as unknown as { getTBSCertificate(certificate: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate;
  const tbs = Buffer.from(forge.asn1.toDer(tbsOf(certificate)).getBytes(), 'binary');
  withSignature.signature = sign('sha256', tbs, privateKey).toString('binary');
}

export function selfSignedPkcs12(request: SelfSignedRequest, passphrase: string): Buffer {
  // Node's native generator (tens of ms) rather than forge's JavaScript one (about a second)
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  const keys = {
    privateKey: forge.pki.privateKeyFromPem(pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()) as forge.pki.rsa.PublicKey,
  };
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  // positive, 16 random bytes: unique enough and within RFC 5280's 20-octet limit
  certificate.serialNumber = '01' + randomBytes(15).toString('hex');
  const now = new Date();
  certificate.validity.notBefore = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  certificate.validity.notAfter = new Date(now.getTime() + (request.validDays ?? 3 * 365) * 24 * 60 * 60 * 1000);
  // forge encodes a UTF8String value to UTF-8 itself: pass the text as it is
  const utf8 = (value: string) => value;
  const name = [
    { shortName: 'CN', value: utf8(request.commonName), valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'O', value: utf8(request.organization), valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'C', value: 'VN' },
    ...(request.email ? [{ name: 'emailAddress', value: request.email }] : []),
  ];
  certificate.setSubject(name as never);
  certificate.setIssuer(name as never);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signNatively(certificate, pair.privateKey);
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate], passphrase, { algorithm: 'aes256', friendlyName: request.commonName });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
