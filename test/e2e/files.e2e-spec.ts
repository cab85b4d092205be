import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { noise, sampleDocx, sampleExe, samplePdf, samplePng } from '../../apps/api/src/files/testing/sample-files';
import { createTestApp, TestApp } from '../support/test-app';

const MAX_BYTES = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Collects a response body as bytes, whatever its type. */
function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const parts: Buffer[] = [];
  const stream = response as unknown as NodeJS.ReadableStream;
  stream.on('data', (part: Buffer) => parts.push(part));
  stream.on('end', () => done(null, Buffer.concat(parts)));
}

describe('Files over HTTP', () => {
  let system: TestApp;
  let officer: string; // chuyenvien, the uploader
  let clerk: string; // vanthu, another user without the admin role
  let admin: string;
  const pdf = samplePdf('To trinh so 15');
  const pdfName = 'Tờ trình số 15 (dự thảo).pdf';
  let uploaded: { id: string; sha256: string; size: number; mediaType: string; originalName: string; createdById: string };

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const upload = (token: string, bytes: Buffer, filename: string, contentType = 'application/octet-stream') =>
    system.http().post('/api/files').set(bearer(token)).attach('file', bytes, { filename, contentType });
  const storedFiles = () => {
    const root = join(system.dataDir, 'files');
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  };
  const rowCount = async () => Number((await system.query('SELECT count(*) AS n FROM stored_file'))[0].n);
  const expectNothingStoredBeyond = async (rows: number) => {
    expect(await rowCount()).toBe(rows);
    expect(storedFiles()).toHaveLength(rows);
  };
  const expectErrorShape = (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.body).toEqual(expect.objectContaining({ statusCode: status, code, message: expect.any(String), messageEn: expect.any(String) }));
  };

  beforeAll(async () => {
    system = await createTestApp({ UPLOAD_MAX_BYTES: String(MAX_BYTES) });
    [officer, clerk, admin] = await Promise.all([system.login('chuyenvien'), system.login('vanthu'), system.login('admin')]);
  });
  afterAll(() => system.close());

  it('uploads a PDF: 201 with its SHA-256, size, detected type and the Vietnamese name intact', async () => {
    const response = await upload(officer, pdf, pdfName, 'application/pdf').expect(201);
    uploaded = response.body;
    const [me] = await system.query(`SELECT id FROM "user" WHERE username = 'chuyenvien'`);
    expect(uploaded).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      originalName: pdfName,
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      createdAt: expect.any(String),
      createdById: me.id,
    });
    const [row] = await system.query('SELECT storage_key FROM stored_file WHERE id = $1', [uploaded.id]);
    expect(row.storage_key).toMatch(new RegExp(`^files/\\d{4}/\\d{2}/${uploaded.id}$`));
    expect(await system.query(`SELECT * FROM audit_entry WHERE action = 'file.upload' AND entity_id = $1`, [uploaded.id])).toHaveLength(1);
  });

  it('gives the metadata to the uploader', async () => {
    const response = await system.http().get(`/api/files/${uploaded.id}`).set(bearer(officer)).expect(200);
    expect(response.body).toEqual(uploaded);
  });

  it('downloads the same bytes with the right headers, and writes file.download to the audit log', async () => {
    const response = await system.http().get(`/api/files/${uploaded.id}/content`).set(bearer(officer)).buffer(true).parse(binary).expect(200);
    expect(sha256(response.body as Buffer)).toBe(sha256(pdf));
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-length']).toBe(String(pdf.length));
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['etag']).toBe(`"${sha256(pdf)}"`);
    expect(response.headers['accept-ranges']).toBe('bytes');
    const disposition = response.headers['content-disposition'];
    expect(disposition).toMatch(/^attachment; filename="To trinh so 15 \(du thao\)\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(pdfName);

    const audit = await system.query(`SELECT * FROM audit_entry WHERE action = 'file.download'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_username: 'chuyenvien', entity_type: 'file', entity_id: uploaded.id, outcome: 'success' });
  });

  it('serves a byte range (206) and says which part it is', async () => {
    const response = await system
      .http()
      .get(`/api/files/${uploaded.id}/content`)
      .set(bearer(officer))
      .set('Range', 'bytes=0-7')
      .buffer(true)
      .parse(binary)
      .expect(206);
    expect((response.body as Buffer).toString('latin1')).toBe('%PDF-1.7');
    expect(response.headers['content-range']).toBe(`bytes 0-7/${pdf.length}`);
    expect(response.headers['content-length']).toBe('8');

    const outside = await system.http().get(`/api/files/${uploaded.id}/content`).set(bearer(officer)).set('Range', `bytes=${pdf.length}-`);
    expectErrorShape(outside, 416, 'RANGE_NOT_SATISFIABLE');
    expect(outside.headers['content-range']).toBe(`bytes */${pdf.length}`);
  });

  it('refuses another user who is not an administrator (403), and lets an administrator read', async () => {
    expectErrorShape(await system.http().get(`/api/files/${uploaded.id}/content`).set(bearer(clerk)), 403, 'FORBIDDEN');
    expectErrorShape(await system.http().get(`/api/files/${uploaded.id}`).set(bearer(clerk)), 403, 'FORBIDDEN');
    await system.http().get(`/api/files/${uploaded.id}/content`).set(bearer(admin)).expect(200);
  });

  it('asks for a login', async () => {
    await system.http().get(`/api/files/${uploaded.id}/content`).expect(401);
    await system.http().post('/api/files').attach('file', pdf, 'a.pdf').expect(401);
  });

  it('accepts a DOCX and a PNG under their own names', async () => {
    expect((await upload(officer, sampleDocx(), 'Công văn.docx').expect(201)).body.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect((await upload(officer, samplePng(), 'chu-ky.png').expect(201)).body.mediaType).toBe('image/png');
  });

  it.each([
    ['a program named .pdf', sampleExe(), 'hoa-don.pdf', 'FILE_TYPE_MISMATCH'],
    ['a PNG named .pdf', samplePng(), 'hoa-don.pdf', 'FILE_TYPE_MISMATCH'],
    ['random bytes named .docx', noise(100 * 1024), 'bao-cao.docx', 'FILE_TYPE_MISMATCH'],
    ['a program under its own name', sampleExe(), 'setup.exe', 'FILE_TYPE_NOT_ALLOWED'],
  ])('refuses %s with 415 and keeps nothing', async (_what, bytes, name, code) => {
    const before = await rowCount();
    expectErrorShape(await upload(officer, bytes, name, 'application/pdf'), 415, code);
    await expectNothingStoredBeyond(before);
  });

  it.each([
    ['just over the limit (found while streaming)', MAX_BYTES + 1],
    ['far over the limit (found from Content-Length)', 3 * MAX_BYTES],
  ])('refuses a file %s with 413 and keeps nothing', async (_what, size) => {
    const before = await rowCount();
    const bytes = Buffer.concat([samplePdf(), noise(size - samplePdf().length, 'large')]);
    expectErrorShape(await upload(officer, bytes, 'lon.pdf', 'application/pdf'), 413, 'FILE_TOO_LARGE');
    await expectNothingStoredBeyond(before);
  });

  it('refuses a request without a file (400 FILE_MISSING)', async () => {
    expectErrorShape(await system.http().post('/api/files').set(bearer(officer)).field('note', 'không có tệp'), 400, 'FILE_MISSING');
    expectErrorShape(await system.http().post('/api/files').set(bearer(officer)).attach('other', pdf, 'a.pdf'), 400, 'FILE_MISSING');
    expectErrorShape(await system.http().post('/api/files').set(bearer(officer)).send({ file: 'x' }), 400, 'FILE_MISSING');
  });

  it('answers 400 for an id that is not a UUID and 404 FILE_NOT_FOUND for an unknown one', async () => {
    expectErrorShape(await system.http().get('/api/files/not-a-uuid').set(bearer(officer)), 400, 'VALIDATION_FAILED');
    expectErrorShape(await system.http().get('/api/files/not-a-uuid/content').set(bearer(officer)), 400, 'VALIDATION_FAILED');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectErrorShape(await system.http().get(`/api/files/${unknown}`).set(bearer(officer)), 404, 'FILE_NOT_FOUND');
    expectErrorShape(await system.http().get(`/api/files/${unknown}/content`).set(bearer(officer)), 404, 'FILE_NOT_FOUND');
    expectErrorShape(await system.http().delete(`/api/files/${unknown}`).set(bearer(officer)), 404, 'FILE_NOT_FOUND');
  });

  it('lets only the uploader or an administrator delete (204), audited, and the bytes go too', async () => {
    const file = (await upload(officer, samplePdf('xoa'), 'xoa.pdf').expect(201)).body;
    const [{ storage_key: key }] = await system.query('SELECT storage_key FROM stored_file WHERE id = $1', [file.id]);
    expectErrorShape(await system.http().delete(`/api/files/${file.id}`).set(bearer(clerk)), 403, 'FORBIDDEN');
    await system.http().delete(`/api/files/${file.id}`).set(bearer(officer)).expect(204);
    expectErrorShape(await system.http().get(`/api/files/${file.id}`).set(bearer(officer)), 404, 'FILE_NOT_FOUND');
    expect(existsSync(join(system.dataDir, 'files', key))).toBe(false);
    expect(await system.query(`SELECT * FROM audit_entry WHERE action = 'file.delete' AND entity_id = $1`, [file.id])).toHaveLength(1);

    const other = (await upload(officer, samplePdf('xoa 2'), 'xoa-2.pdf').expect(201)).body;
    await system.http().delete(`/api/files/${other.id}`).set(bearer(admin)).expect(204);
  });

  it('keeps the audit chain intact after all of this', async () => {
    const result = (await system.http().get('/api/audit/verify').set(bearer(admin)).expect(200)).body;
    expect(result).toMatchObject({ valid: true });
  });
});
