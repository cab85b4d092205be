import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/**
 * Checks a detached CMS SignedData (RFC 5652) against the bytes it signs. node-forge reads the
 * ASN.1 (its pkcs7 module can sign but does not verify, and it refuses certificates with EC keys),
 * Node's crypto checks digests and signatures and reads the certificates.
 */

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export interface CmsCheck {
  certificate: X509Certificate | null;
  signingTime: Date | null;
  valid: boolean;
  problem: string | null;
}

type Node = forge.asn1.Asn1;
const children = (node: Node | undefined): Node[] => (Array.isArray(node?.value) ? (node!.value as Node[]) : []);
const isContext = (node: Node | undefined, tag: number) => node?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && node.type === tag;
const der = (node: Node) => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
const oidOf = (node: Node | undefined) => (node && typeof node.value === 'string' ? forge.asn1.derToOid(node.value) : '');

function readTime(node: Node | undefined): Date | null {
  if (!node || typeof node.value !== 'string') return null;
  if (node.type === forge.asn1.Type.UTCTIME) return forge.asn1.utcTimeToDate(node.value);
  if (node.type === forge.asn1.Type.GENERALIZEDTIME) return forge.asn1.generalizedTimeToDate(node.value);
  return null;
}

/** The DER of the CMS, without the zero padding that fills the rest of /Contents. */
export function parseCms(contents: Uint8Array): Node {
  return forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(contents).toString('binary')), { parseAllBytes: false, strict: false } as never);
}

function signerCertificate(certificates: X509Certificate[], serial: string | null): X509Certificate | null {
  if (serial) {
    const wanted = serial.replace(/^0+/, '').toUpperCase();
    const found = certificates.find((certificate) => certificate.serialNumber.replace(/^0+/, '').toUpperCase() === wanted);
    if (found) return found;
  }
  return certificates.length === 1 ? certificates[0] : null;
}

export function checkCms(contents: Uint8Array, signedBytes: Buffer): CmsCheck {
  let root: Node;
  try {
    root = parseCms(contents);
  } catch {
    return { certificate: null, signingTime: null, valid: false, problem: 'unreadable CMS' };
  }
  const [contentType, wrapped] = children(root);
  if (oidOf(contentType) !== OID.signedData) return { certificate: null, signingTime: null, valid: false, problem: 'not a CMS SignedData' };
  const signedData = children(children(wrapped)[0]);
  const certificates: X509Certificate[] = [];
  for (const node of signedData) {
    if (!isContext(node, 0)) continue;
    for (const certificate of children(node)) {
      try {
        certificates.push(new X509Certificate(der(certificate)));
      } catch {
        /* a certificate Node cannot read: the signer may still be among the others */
      }
    }
  }
  const signerInfo = children(signedData[signedData.length - 1])[0];
  const parts = children(signerInfo);
  if (parts.length < 5) return { certificate: certificates[0] ?? null, signingTime: null, valid: false, problem: 'no signer information' };

  // version, sid (issuerAndSerialNumber), digestAlgorithm, [0] signedAttrs?, signatureAlgorithm, signature
  const serialNode = children(parts[1])[1];
  const serial = serialNode && typeof serialNode.value === 'string' ? forge.util.bytesToHex(serialNode.value) : null;
  const certificate = signerCertificate(certificates, serial);
  const hash = HASHES[oidOf(children(parts[2])[0])];
  const signedAttributes = isContext(parts[3], 0) ? parts[3] : null;
  const signatureNode = parts[signedAttributes ? 5 : 4];
  const signature = Buffer.from(typeof signatureNode?.value === 'string' ? signatureNode.value : '', 'binary');

  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  for (const attribute of children(signedAttributes ?? undefined)) {
    const [type, values] = children(attribute);
    const value = children(values)[0];
    if (oidOf(type) === OID.messageDigest && typeof value?.value === 'string') messageDigest = Buffer.from(value.value, 'binary');
    if (oidOf(type) === OID.signingTime) signingTime = readTime(value);
  }

  const fail = (problem: string): CmsCheck => ({ certificate, signingTime, valid: false, problem });
  if (!hash) return fail('unsupported digest algorithm');
  if (!certificate) return fail("the signer's certificate is not in the signature");
  const digest = createHash(hash).update(signedBytes).digest();
  if (signedAttributes && (!messageDigest || !messageDigest.equals(digest))) return fail('digest mismatch: the document was changed after signing');

  // The signature covers the signed attributes re-tagged as a SET (RFC 5652 §5.4), or the content itself.
  let covered = signedBytes;
  if (signedAttributes) {
    covered = der(signedAttributes);
    covered[0] = 0x31;
  }
  let verified = false;
  try {
    verified = verifySignature(hash, covered, certificate.publicKey, signature);
  } catch {
    verified = false;
  }
  if (!verified) return fail(signedAttributes ? 'the signature does not match the certificate' : 'digest mismatch: the document was changed after signing');
  return { certificate, signingTime, valid: true, problem: null };
}
