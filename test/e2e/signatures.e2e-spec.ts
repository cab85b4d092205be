import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../apps/api/src/audit/audit.service';
import { ErrorCode, SignatureErrorCode, type Role } from '@app/contracts';
import { installed, passwordProtectedPdf, vietnameseTextPdf } from '../../apps/api/src/files/pdf/testing/sample-pdfs';
import { samplePng } from '../../apps/api/src/files/testing/sample-files';
import { DEMO_KEY_PASSPHRASE } from '../../apps/api/src/signatures/demo-signing.service';
import { demoSealPng } from '../../apps/api/src/signatures/images/demo-images';
import { selfSignedPkcs12 } from '../../apps/api/src/signatures/keys/self-signed';
import { textRuns } from '../../apps/api/src/signatures/pdf/text-anchors';
import { SigningActor, SigningService } from '../../apps/api/src/signatures/signing.service';
import { appearanceOf, flipOneByte, outgoingDraftPdf, pdfsig } from '../../apps/api/src/signatures/testing/sample-drafts';
import { createTestApp, TestApp } from '../support/test-app';

/** pdfsig (Debian's poppler-utils; CI installs it) is the independent verifier; without it those checks are skipped. */
const pdfsigAvailable = installed('pdfsig');
const withPdfsig = pdfsigAvailable ? it : it.skip;
if (!pdfsigAvailable) console.warn('!!! pdfsig (poppler-utils) missing: the independent verification of signed PDFs is SKIPPED');

const ISSUED_ON = new Date('2026-01-05T03:00:00Z'); // 05/01/2026 10:00 in Hà Nội

describe('Digital signatures (ký số): signer, organisation, attachments, verification', () => {
  let system: TestApp;
  let signing: SigningService;
  let admin: string;
  let officer: string;
  let leader: SigningActor;
  let clerk: SigningActor;
  let signedBySigner: Buffer;
  let issued: Buffer;

  const actor = async (username: string): Promise<SigningActor> => {
    const [row] = await system.query<{ id: string; username: string; full_name: string; roles: Role[] }>(`SELECT id, username, full_name, roles FROM "user" WHERE username = $1`, [username]);
    return { id: row.id, username: row.username, fullName: row.full_name, roles: row.roles };
  };
  const verify = (pdf: Buffer, token = officer, name = 'văn bản.pdf') =>
    system.http().post('/api/signatures/verification').set('Authorization', `Bearer ${token}`).attach('file', pdf, { filename: name, contentType: 'application/pdf' });
  const audit = (action: string) => system.query(`SELECT outcome, details FROM audit_entry WHERE action = $1 ORDER BY sequence`, [action]);
  const pageText = async (pdf: Buffer, page: number) => ((await textRuns(pdf, () => [page])).get(page) ?? []).map((run) => run.text).join(' | ');

  beforeAll(async () => {
    system = await createTestApp();
    signing = system.app.get(SigningService);
    admin = await system.login('admin');
    officer = await system.login('chuyenvien');
    leader = await actor('lanhdao');
    clerk = await actor('vanthu');
  });
  afterAll(() => system?.close());

  it('gives the demo signers and the organisation a key and an image on the demo seed', async () => {
    const response = await system.http().get('/api/signatures/credentials').set('Authorization', `Bearer ${admin}`).expect(200);
    const names = response.body.map((credential: { ownerKind: string; certificate: { subjectCommonName: string } }) => `${credential.ownerKind}:${credential.certificate.subjectCommonName}`);
    expect(names).toEqual(expect.arrayContaining(['user:Phạm Quốc Hùng', 'user:Lê Thị Hương', 'organisation:Bộ Y tế']));
    const images = (await system.http().get('/api/signatures/images').set('Authorization', `Bearer ${admin}`).expect(200)).body;
    expect(images.map((image: { kind: string }) => image.kind).sort()).toEqual(['seal', 'signature', 'signature']);
    await system.http().get('/api/signatures/credentials').set('Authorization', `Bearer ${officer}`).expect(403);
    // the key material never leaves the server
    expect(JSON.stringify(response.body)).not.toMatch(/keyMaterial|p12/i);
  });

  it('signs a multi-page Vietnamese draft as the signer: the image in the signature block, valid for pdfsig and for us', async () => {
    const draft = await outgoingDraftPdf({ pages: 4 });
    const signed = await signing.signAsSigner({ pdf: draft, fileName: 'Quyết định.pdf', signer: leader, passphrase: DEMO_KEY_PASSPHRASE, location: 'Hà Nội', subject: { type: 'outgoing-document', id: '5b0e8a9c-2f7f-4c1e-9b8a-1d2c3e4f5a6b' } });
    signedBySigner = signed.pdf;
    expect(signed.certificate.subjectCommonName).toBe('Phạm Quốc Hùng');
    expect(signed.fieldName).toBe('Signer1');
    // Decree 30 box 7c: the image between the position line and the printed name, on the last page
    const shown = await appearanceOf(signed.pdf, 'Signer1');
    const name = (await textRuns(signed.pdf, () => [3])).get(3)!.find((run) => run.text === 'Phạm Quốc Hùng')!;
    expect(shown.pageIndex).toBe(3);
    expect(shown.rect.y).toBeGreaterThan(name.y);
    expect(shown.rect.x).toBeLessThan(name.x);
    expect(shown.rect.x + shown.rect.width).toBeGreaterThan(name.x + name.width);
    expect(shown.operators).toContain('/Img Do');
    expect(shown.operators).toMatch(/Tj/);

    const checked = (await verify(signed.pdf).expect(200)).body;
    expect(checked.sha256).toBe(signed.sha256);
    expect(checked.signatures).toEqual([
      expect.objectContaining({ fieldName: 'Signer1', signerName: 'Phạm Quốc Hùng', subFilter: 'ETSI.CAdES.detached', valid: true, modifiedAfterSigning: false, coversWholeDocument: true, location: 'Hà Nội' }),
    ]);
    expect(checked.signatures[0].certificate).toMatchObject({ subjectCommonName: 'Phạm Quốc Hùng', serialNumber: signed.certificate.serialNumber });

    const [entry] = await audit('signature.sign');
    expect(entry).toMatchObject({ outcome: 'success', details: expect.objectContaining({ sha256After: signed.sha256, fieldName: 'Signer1', serialNumber: signed.certificate.serialNumber }) });
  });

  withPdfsig('pdfsig accepts the signer’s signature (valid, whole document)', () => {
    expect(pdfsig(signedBySigner)).toEqual([{ fieldName: 'Signer1', commonName: 'Phạm Quốc Hùng', validation: 'Signature is Valid.', totalDocumentSigned: true }]);
  });

  it('issues it: number and date written in, the organisation’s seal on top, the signer’s signature still valid', async () => {
    const sealed = await signing.applyOrganisationSignature({
      pdf: signedBySigner,
      fileName: 'Quyết định.pdf',
      clerk,
      passphrase: DEMO_KEY_PASSPHRASE,
      numberAndNotation: '15/QĐ-BYT',
      issuedOn: ISSUED_ON,
    });
    issued = sealed.pdf;
    // the signer's revision is kept byte for byte: an incremental update
    expect(issued.subarray(0, signedBySigner.length).equals(signedBySigner)).toBe(true);
    const firstPage = await pageText(issued, 0);
    expect(firstPage).toContain('Số: 15/QĐ-BYT');
    expect(firstPage).toContain('Hà Nội, ngày 05 tháng 01 năm 2026');

    // Decree 30 box 8: the seal overlaps the left third of the signer's image
    const signer = await appearanceOf(issued, 'Signer1');
    const seal = await appearanceOf(issued, 'Organisation2');
    expect(seal.pageIndex).toBe(signer.pageIndex);
    expect(seal.rect.x + seal.rect.width).toBeCloseTo(signer.rect.x + signer.rect.width / 3, 0);
    expect(seal.rect.x).toBeLessThan(signer.rect.x);
    expect(seal.operators).toContain('/Img Do');

    const checked = (await verify(issued).expect(200)).body.signatures;
    expect(checked).toEqual([
      expect.objectContaining({ fieldName: 'Signer1', valid: true, modifiedAfterSigning: true, coversWholeDocument: false }),
      expect.objectContaining({ fieldName: 'Organisation2', signerName: 'Bộ Y tế', valid: true, modifiedAfterSigning: false, coversWholeDocument: true }),
    ]);
    const [entry] = await audit('signature.organ-sign');
    expect(entry.details).toMatchObject({ numberAndNotation: '15/QĐ-BYT', sha256After: sealed.sha256 });
  });

  withPdfsig('pdfsig reports both signatures valid and the seal covering the whole document', () => {
    expect(pdfsig(issued)).toEqual([
      { fieldName: 'Signer1', commonName: 'Phạm Quốc Hùng', validation: 'Signature is Valid.', totalDocumentSigned: false },
      { fieldName: 'Organisation2', commonName: 'Bộ Y tế', validation: 'Signature is Valid.', totalDocumentSigned: true },
    ]);
  });

  it('tells a changed byte: our verifier says invalid and changed (and pdfsig a digest mismatch)', async () => {
    const tampered = flipOneByte(issued);
    const checked = (await verify(tampered).expect(200)).body.signatures;
    expect(checked).toHaveLength(2);
    for (const signature of checked) expect(signature).toMatchObject({ valid: false, modifiedAfterSigning: true, problem: expect.stringMatching(/digest mismatch/) });
    if (pdfsigAvailable) expect(pdfsig(tampered).map((signature) => signature.validation)).toEqual(['Digest Mismatch.', 'Digest Mismatch.']);
  });

  it('signs a separate attachment with the organisation’s signature: first page, top right, number and time, no image', async () => {
    const attachment = await vietnameseTextPdf(['Phụ lục: Danh mục hồ sơ năm 2026'], { pages: 2 });
    const signed = await signing.signAttachment({ pdf: attachment, fileName: 'Phụ lục.pdf', clerk, passphrase: DEMO_KEY_PASSPHRASE, numberAndNotation: '15/QĐ-BYT' });
    const shown = await appearanceOf(signed.pdf, 'Organisation1');
    expect(shown.pageIndex).toBe(0);
    expect(shown.rect.y).toBeGreaterThan(700); // top of the A4 page (842 pt)
    expect(shown.rect.x).toBeGreaterThan(300); // right half
    expect(shown.operators).not.toContain(' Do'); // no image
    expect(shown.operators.match(/Tj/g)).toHaveLength(2); // number and time
    expect((await verify(signed.pdf).expect(200)).body.signatures).toEqual([expect.objectContaining({ signerName: 'Bộ Y tế', valid: true, coversWholeDocument: true })]);
    if (pdfsigAvailable) expect(pdfsig(signed.pdf)).toEqual([expect.objectContaining({ validation: 'Signature is Valid.', totalDocumentSigned: true })]);
  });

  it('refuses a wrong passphrase (422, vi + en), returns nothing and records the failed attempt', async () => {
    const draft = await outgoingDraftPdf({ pages: 1 });
    const before = (await audit('signature.sign')).length;
    const failure = await signing.signAsSigner({ pdf: draft, fileName: 'a.pdf', signer: leader, passphrase: 'sai-mat-khau' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: SignatureErrorCode.WrongPassphrase, messageVi: expect.stringContaining('Mật khẩu'), messageEn: expect.stringContaining('passphrase') });
    expect((failure as { getStatus(): number }).getStatus()).toBe(422);
    const entries = await audit('signature.sign');
    expect(entries).toHaveLength(before + 1);
    expect(entries[entries.length - 1]).toMatchObject({ outcome: 'failure', details: expect.objectContaining({ code: SignatureErrorCode.WrongPassphrase }) });
  });

  it('fails at once inside the caller’s transaction (which holds the audit lock) and records the attempt when it ends', async () => {
    const dataSource = system.app.get(DataSource);
    const auditService = system.app.get(AuditService);
    const draft = await outgoingDraftPdf({ pages: 1 });
    const before = (await audit('signature.sign')).length;
    const outcome = await dataSource
      .transaction(async (manager) => {
        // as the outgoing workflow will: its own audited step (e.g. the number), then the signature
        await auditService.record({ action: 'test.step', actor: { id: leader.id, username: leader.username } }, manager);
        await signing.signAsSigner({ pdf: draft, fileName: 'a.pdf', signer: leader, passphrase: 'sai' }, manager);
      })
      .catch((error: { code?: string }) => error.code);
    expect(outcome).toBe(SignatureErrorCode.WrongPassphrase);
    for (let attempt = 0; attempt < 50 && (await audit('signature.sign')).length === before; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await audit('signature.sign')).slice(before)).toEqual([expect.objectContaining({ outcome: 'failure' })]);
    expect(await audit('test.step')).toEqual([]); // rolled back with the caller's transaction
  });

  it('refuses broken input with a clear 4xx: a corrupt PDF, a non-PDF, an encrypted PDF', async () => {
    const status = (error: unknown) => (error as { getStatus(): number }).getStatus();
    const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
    const attempt = (pdf: Buffer) => signing.signAsSigner({ pdf, fileName: 'x.pdf', signer: leader, passphrase: DEMO_KEY_PASSPHRASE }).catch((error: unknown) => error);
    expect(status(await attempt(corrupt))).toBe(400);
    expect(status(await attempt(Buffer.from('chỉ là chữ, không phải PDF')))).toBe(415);
    expect(status(await attempt(await passwordProtectedPdf()))).toBe(415);
    await verify(Buffer.from('not a pdf at all')).expect(415);
    await verify(corrupt).expect(400);
  });

  it('refuses who may not sign (403), a signer without a key (422), and the seal on an unsigned document (422)', async () => {
    const draft = await outgoingDraftPdf({ pages: 1 });
    const officerActor = await actor('chuyenvien');
    await expect(signing.signAsSigner({ pdf: draft, fileName: 'a.pdf', signer: officerActor, passphrase: 'x' })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(signing.applyOrganisationSignature({ pdf: draft, fileName: 'a.pdf', clerk: leader, passphrase: 'x', numberAndNotation: '1/QĐ-BYT', issuedOn: ISSUED_ON })).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect((await audit('signature.organ-sign')).filter((entry) => entry.outcome === 'denied')).toHaveLength(1);

    const unitHead = await actor('truongphong');
    const [{ id }] = await system.query(`SELECT id FROM signing_credential WHERE user_id = $1 AND revoked_at IS NULL`, [unitHead.id]);
    await system.http().delete(`/api/signatures/credentials/${id}`).set('Authorization', `Bearer ${admin}`).expect(204);
    const [revoked] = await system.query(`SELECT revoked_at, key_material FROM signing_credential WHERE id = $1`, [id]);
    expect(revoked.revoked_at).not.toBeNull();
    expect(revoked.key_material).toBeNull(); // wiped
    await expect(signing.signAsSigner({ pdf: draft, fileName: 'a.pdf', signer: unitHead, passphrase: DEMO_KEY_PASSPHRASE })).rejects.toMatchObject({ code: SignatureErrorCode.CredentialMissing });

    await expect(signing.applyOrganisationSignature({ pdf: draft, fileName: 'a.pdf', clerk, passphrase: DEMO_KEY_PASSPHRASE, numberAndNotation: '1/QĐ-BYT', issuedOn: ISSUED_ON })).rejects.toMatchObject({
      code: SignatureErrorCode.NotSignedBySigner,
    });
    const tampered = flipOneByte(signedBySigner);
    await expect(signing.applyOrganisationSignature({ pdf: tampered, fileName: 'a.pdf', clerk, passphrase: DEMO_KEY_PASSPHRASE, numberAndNotation: '1/QĐ-BYT', issuedOn: ISSUED_ON })).rejects.toMatchObject({
      code: SignatureErrorCode.SignatureBroken,
    });
  });

  it('lets an administrator upload a .p12: checks the passphrase and the file, replaces and audits the previous key', async () => {
    const unitHead = await actor('truongphong');
    const p12 = selfSignedPkcs12({ commonName: 'Lê Thị Hương', organization: 'Bộ Y tế' }, 'mật-khẩu-mới');
    const upload = (body: object, token = admin) => system.http().post('/api/signatures/credentials').set('Authorization', `Bearer ${token}`).send(body);
    const wrong = await upload({ ownerKind: 'user', userId: unitHead.id, p12Base64: p12.toString('base64'), passphrase: 'sai' }).expect(422);
    expect(wrong.body).toMatchObject({ code: SignatureErrorCode.WrongPassphrase, message: expect.any(String), messageEn: expect.any(String) });
    await upload({ ownerKind: 'user', userId: unitHead.id, p12Base64: Buffer.from('không phải p12').toString('base64'), passphrase: 'x' }).expect(400);
    await upload({ ownerKind: 'user', p12Base64: p12.toString('base64'), passphrase: 'x' }).expect(400); // userId missing
    await upload({ ownerKind: 'user', userId: unitHead.id, p12Base64: p12.toString('base64'), passphrase: 'mật-khẩu-mới' }, officer).expect(403);
    const created = await upload({ ownerKind: 'user', userId: unitHead.id, p12Base64: p12.toString('base64'), passphrase: 'mật-khẩu-mới' }).expect(201);
    expect(created.body).toMatchObject({ ownerKind: 'user', userId: unitHead.id, certificate: { subjectCommonName: 'Lê Thị Hương', issuer: expect.stringContaining('Bộ Y tế') } });

    const signed = await signing.signAsSigner({ pdf: await outgoingDraftPdf({ pages: 2, signerName: 'Lê Thị Hương', signerPosition: 'VỤ TRƯỞNG' }), fileName: 'b.pdf', signer: unitHead, passphrase: 'mật-khẩu-mới' });
    expect(signed.credentialId).toBe(created.body.id);
    // replacing keeps one active key per owner
    const again = await upload({ ownerKind: 'user', userId: unitHead.id, p12Base64: p12.toString('base64'), passphrase: 'mật-khẩu-mới' }).expect(201);
    const active = await system.query(`SELECT id FROM signing_credential WHERE user_id = $1 AND revoked_at IS NULL`, [unitHead.id]);
    expect(active).toEqual([{ id: again.body.id }]);
    expect((await audit('signing-credential.revoke')).map((entry) => entry.details.why)).toEqual(['revoked', 'replaced']);
  });

  it('takes only transparent PNGs for the seal and signatures', async () => {
    const put = (png: Buffer, path = '/api/signatures/images/seal?realWidthMm=36') =>
      system.http().put(path).set('Authorization', `Bearer ${admin}`).attach('file', png, { filename: 'seal.png', contentType: 'image/png' });
    const opaque = samplePng();
    await put(opaque).expect(400);
    await put(Buffer.from('%PDF-1.7 không phải ảnh')).expect(400);
    const seal = demoSealPng();
    const stored = (await put(seal).expect(200)).body;
    expect(stored).toMatchObject({ kind: 'seal', realWidthMm: 36, sha256: createHash('sha256').update(seal).digest('hex') });
    const content = await system.http().get('/api/signatures/images/seal/content').set('Authorization', `Bearer ${admin}`).responseType('blob').expect(200);
    expect(Buffer.compare(content.body as Buffer, seal)).toBe(0);
    await put(seal, `/api/signatures/images/users/${clerk.id}`).expect(200);
    await system.http().put('/api/signatures/images/seal').set('Authorization', `Bearer ${officer}`).attach('file', seal, 'seal.png').expect(403);
  });

  it('locks a key for a while after five wrong passphrases in a row (429), even against the right one', async () => {
    const unitHead = await actor('truongphong'); // its key was uploaded above with 'mật-khẩu-mới'
    const draft = await outgoingDraftPdf({ pages: 1, signerName: 'Lê Thị Hương' });
    const attempt = (passphrase: string) => signing.signAsSigner({ pdf: draft, fileName: 'a.pdf', signer: unitHead, passphrase }).catch((error: { code: string; getStatus(): number }) => error);
    for (let count = 0; count < 4; count++) expect(await attempt('sai')).toMatchObject({ code: SignatureErrorCode.WrongPassphrase });
    expect(await attempt('mật-khẩu-mới')).toMatchObject({ fieldName: 'Signer1' }); // a right one starts the count again
    for (let count = 0; count < 5; count++) expect(await attempt('sai')).toMatchObject({ code: SignatureErrorCode.WrongPassphrase });
    const locked = await attempt('mật-khẩu-mới');
    expect(locked).toMatchObject({ code: SignatureErrorCode.CredentialLocked, messageEn: expect.stringContaining('Try again after') });
    expect((locked as { getStatus(): number }).getStatus()).toBe(429);
  });

  it('lists no signatures for an unsigned PDF and needs a login to verify', async () => {
    expect((await verify(await vietnameseTextPdf(['Không có chữ ký'])).expect(200)).body.signatures).toEqual([]);
    await system.http().post('/api/signatures/verification').attach('file', signedBySigner, 'a.pdf').expect(401);
  });
});
