import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { openPkcs12, Pkcs12Error } from './pkcs12';
import { selfSignedPkcs12 } from './self-signed';

describe('PKCS#12 key files', () => {
  const p12 = selfSignedPkcs12({ commonName: 'Phạm Quốc Hùng', organization: 'Bộ Y tế', email: 'hung.pq@example.gov.vn' }, 'mật khẩu');

  it('opens with the passphrase and reads the certificate, Vietnamese names intact', () => {
    const { summary } = openPkcs12(p12, 'mật khẩu');
    expect(summary).toMatchObject({ subjectCommonName: 'Phạm Quốc Hùng', subject: expect.stringContaining('O=Bộ Y tế'), issuer: expect.stringContaining('CN=Phạm Quốc Hùng') });
    expect(summary.serialNumber).toMatch(/^[0-9A-F]{32}$/);
    expect(summary.sha256Fingerprint).toMatch(/^[0-9A-F]{64}$/);
    expect(new Date(summary.notAfter).getTime()).toBeGreaterThan(Date.now());
  });

  it('makes a self-signed certificate whose signature checks out', () => {
    const { certificate } = openPkcs12(p12, 'mật khẩu');
    const x509 = new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'));
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.issuer).toBe(x509.subject);
  });

  it('tells a wrong passphrase from a damaged file', () => {
    const reason = (bytes: Buffer, passphrase: string) => {
      try {
        openPkcs12(bytes, passphrase);
        return 'opened';
      } catch (error) {
        return (error as Pkcs12Error).reason;
      }
    };
    expect(reason(p12, 'sai')).toBe('wrong_passphrase');
    expect(reason(Buffer.from('không phải p12'), 'x')).toBe('malformed');
  });

  it('refuses a file whose certificate does not belong to its key', () => {
    const other = forge.pki.rsa.generateKeyPair({ bits: 1024 });
    const opened = openPkcs12(p12, 'mật khẩu');
    const mixed = forge.pkcs12.toPkcs12Asn1(other.privateKey, [opened.certificate], 'x', { algorithm: '3des' });
    expect(() => openPkcs12(Buffer.from(forge.asn1.toDer(mixed).getBytes(), 'binary'), 'x')).toThrow(expect.objectContaining({ reason: 'no_certificate' }));
  });
});
