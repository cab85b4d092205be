import { Injectable } from '@nestjs/common';
import forge from 'node-forge';
import type { DocumentSigner, SigningKey } from '../document-signer';
import { credentialUnusable, wrongPassphrase } from '../signature-errors';
import { openPkcs12, Pkcs12Error } from './pkcs12';

/**
 * forge reads a certificate's UTF8String names as raw UTF-8 bytes but encodes them again when it
 * writes the signer's issuerAndSerialNumber, so a Vietnamese issuer name ("Bộ …") no longer
 * matches the certificate and verifiers (pdfsig/NSS) cannot find the signer: "Unknown Validation
 * Failure". @signpdf/signer-p12 has this flaw (checked with pdfsig), hence this signer: the same
 * CMS as P12Signer (sha256, signed contentType + signingTime + messageDigest, in that order, which
 * EU validators expect) with the issuer's text decoded first.
 */
function issuerAsText(certificate: forge.pki.Certificate) {
  return certificate.issuer.attributes.map((attribute) =>
    attribute.valueTagClass === (forge.asn1.Type.UTF8 as unknown) && typeof attribute.value === 'string' ? { ...attribute, value: forge.util.decodeUtf8(attribute.value) } : attribute,
  );
}

/** The server's key store: each signer's .p12, opened with the passphrase they type at signing. */
@Injectable()
export class ServerKeyStoreSigner implements DocumentSigner {
  readonly provider = 'server-key-store';

  async sign(signedBytes: Buffer, key: SigningKey, signingTime: Date): Promise<Buffer> {
    if (!key.keyMaterial) throw credentialUnusable('no key material');
    let opened;
    try {
      opened = openPkcs12(key.keyMaterial, key.secret);
    } catch (error) {
      if (error instanceof Pkcs12Error && error.reason === 'wrong_passphrase') throw wrongPassphrase();
      throw credentialUnusable(error instanceof Error ? error.message : String(error));
    }
    const cms = forge.pkcs7.createSignedData();
    cms.content = forge.util.createBuffer(signedBytes.toString('binary'));
    cms.addCertificate(opened.certificate);
    cms.addSigner({
      key: opened.privateKey,
      issuer: issuerAsText(opened.certificate),
      serialNumber: opened.certificate.serialNumber,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: signingTime as never },
        { type: forge.pki.oids.messageDigest },
      ],
    } as never);
    cms.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(cms.toAsn1()).getBytes(), 'binary');
  }
}
