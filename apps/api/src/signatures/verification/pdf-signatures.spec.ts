import { PDFDocument } from 'pdf-lib';
import { ServerKeyStoreSigner } from '../keys/server-key-store.signer';
import { openPkcs12 } from '../keys/pkcs12';
import { selfSignedPkcs12 } from '../keys/self-signed';
import { signPdf } from '../pdf/pades';
import { addSignatureField } from '../pdf/signature-field';
import { flipOneByte } from '../testing/sample-drafts';
import { verifyPdfSignatures } from './pdf-signatures';

const PASSPHRASE = 'khoá';
const p12 = selfSignedPkcs12({ commonName: 'Bộ Y tế', organization: 'Bộ Y tế' }, PASSPHRASE);
const key = { credentialId: 'test', provider: 'server-key-store', certificate: openPkcs12(p12, PASSPHRASE).summary, keyMaterial: p12, secret: PASSPHRASE };
const signer = new ServerKeyStoreSigner();

async function sign(original: Buffer, fieldName: string): Promise<Buffer> {
  const signingTime = new Date('2026-11-30T08:00:00Z');
  return signPdf({
    original,
    fileName: 'a.pdf',
    signingTime,
    cms: (bytes, at) => signer.sign(bytes, key, at),
    prepare: async (document) =>
      addSignatureField(document, { page: document.getPage(0), fieldName, appearance: null, reason: 'Thử', location: 'Hà Nội', contactInfo: '', signerName: 'Bộ Y tế', signingTime }),
  });
}

describe('verifying PDF signatures', () => {
  let once: Buffer;
  let twice: Buffer;
  beforeAll(async () => {
    const document = await PDFDocument.create();
    document.addPage();
    document.addPage();
    once = await sign(Buffer.from(await document.save()), 'A');
    twice = await sign(once, 'B');
  });

  it('checks each signature over its own byte range and tells which ones later bytes follow', async () => {
    const [first, second] = await verifyPdfSignatures(twice, 'a.pdf');
    expect(first).toMatchObject({ fieldName: 'A', valid: true, modifiedAfterSigning: true, coversWholeDocument: false, signerName: 'Bộ Y tế', location: 'Hà Nội', subFilter: 'ETSI.CAdES.detached' });
    expect(second).toMatchObject({ fieldName: 'B', valid: true, modifiedAfterSigning: false, coversWholeDocument: true });
    expect(first.signedAt).toBe('2026-11-30T08:00:00.000Z');
    expect(first.certificate?.serialNumber).toBe(key.certificate.serialNumber);
  });

  it('says invalid for a changed byte and for bytes appended after the signature', async () => {
    expect((await verifyPdfSignatures(flipOneByte(once), 'a.pdf'))[0]).toMatchObject({ valid: false, problem: expect.stringContaining('digest mismatch') });
    const appended = Buffer.concat([once, Buffer.from('\n% appended\n')]);
    expect((await verifyPdfSignatures(appended, 'a.pdf'))[0]).toMatchObject({ valid: true, modifiedAfterSigning: true, coversWholeDocument: false });
  });

  it('refuses a wrong passphrase with a 422', async () => {
    await expect(signer.sign(Buffer.from('x'), { ...key, secret: 'sai' }, new Date())).rejects.toMatchObject({ code: 'SIGNING_WRONG_PASSPHRASE' });
  });
});
