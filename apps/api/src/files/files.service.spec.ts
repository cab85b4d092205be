import { ErrorCode } from '@app/contracts';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { loadConfig } from '../platform/config/app-config';
import { AppException } from '../platform/errors/app-exception';
import { LocalDiskStorageDriver } from '../platform/storage/local-disk-storage.driver';
import { FilesService } from './files.service';
import { StoredFile } from './stored-file.entity';
import { noise, sampleDocx, sampleElf, sampleExe, samplePdf, samplePng, sampleXlsx } from './testing/sample-files';

const MB = 1024 * 1024;
const uploader = { id: '7d0f1a52-3a51-4d6a-9c57-4b0d2a0c8e11', username: 'chuyenvien' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Streams bytes in 64 KiB chunks, as busboy would, counting how many were read. */
function streamOf(bytes: Buffer): Readable & { bytesRead: () => number } {
  let at = 0;
  const stream = new Readable({
    read() {
      if (at >= bytes.length) return void this.push(null);
      this.push(bytes.subarray(at, at + 64 * 1024));
      at += 64 * 1024;
    },
  });
  return Object.assign(stream, { bytesRead: () => Math.min(at, bytes.length) });
}

/** Every file under a folder (the store must hold none after a refusal). */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('FilesService.store', () => {
  let root: string;
  let driver: LocalDiskStorageDriver;
  let inserted: StoredFile[];
  let audited: { action: string; details?: Record<string, unknown> | null }[];

  function service(maxBytes = 20 * MB): FilesService {
    const manager = {
      create: (_entity: unknown, values: Partial<StoredFile>) => Object.assign(new StoredFile(), values),
      insert: async (_entity: unknown, row: StoredFile) => void inserted.push(row),
    };
    const dataSource = { transaction: (work: (m: typeof manager) => Promise<unknown>) => work(manager) } as unknown as DataSource;
    const audit = {
      record: async (entry: { action: string; details?: Record<string, unknown> | null }, transaction?: unknown) => {
        expect(transaction).toBe(manager); // written in the same transaction as the row
        audited.push(entry);
      },
    } as unknown as AuditService;
    return new FilesService(dataSource, driver, audit, loadConfig({ UPLOAD_MAX_BYTES: String(maxBytes) }));
  }

  async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    if (!(error instanceof AppException)) throw new Error(`expected a refusal, got ${String(error)}`);
    return { status: error.getStatus(), code: String(error.code) };
  }

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'files-service-'));
    driver = new LocalDiskStorageDriver(root);
    await driver.ensureReady();
    inserted = [];
    audited = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores a 5 MB stream with the right SHA-256 and size, under a key of our own', async () => {
    const bytes = Buffer.concat([samplePdf(), noise(5 * MB, 'five')]);
    const file = await service().store(streamOf(bytes), { originalName: '../Tờ trình.pdf', declaredType: 'application/pdf', uploadedBy: uploader });

    expect(file).toMatchObject({ size: bytes.length, sha256: sha256(bytes), mediaType: 'application/pdf', originalName: 'Tờ trình.pdf', createdById: uploader.id });
    expect(file.storageKey).toMatch(/^files\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(file.storageKey.endsWith(file.id)).toBe(true);
    expect(sha256(readFileSync(join(root, file.storageKey)))).toBe(sha256(bytes));
    expect(inserted).toEqual([file]);
    expect(audited).toEqual([expect.objectContaining({ action: 'file.upload', details: expect.objectContaining({ sha256: sha256(bytes), declaredType: 'application/pdf' }) })]);
  });

  it.each([
    ['a PDF', samplePdf(), 'Quyết định.pdf', 'application/pdf'],
    ['a DOCX', sampleDocx(), 'Tờ trình.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an XLSX', sampleXlsx(), 'Bảng lương.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a 3 MB DOCX with [Content_Types].xml last', sampleDocx({ contentTypes: 'last', pictureBytes: 3 * MB }), 'lo.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a PNG', samplePng(), 'chu-ky.png', 'image/png'],
    ['plain text', Buffer.from('Kính gửi: Văn phòng Bộ\n'), 'ghi-chu.txt', 'text/plain'],
  ])('accepts %s', async (_what, bytes, name, type) => {
    const file = await service().store(streamOf(bytes), { originalName: name, uploadedBy: uploader });
    expect(file).toMatchObject({ mediaType: type, size: bytes.length, sha256: sha256(bytes) });
    expect(filesUnder(root)).toEqual([join(root, file.storageKey)]);
  });

  it.each([
    ['a PNG named .pdf', samplePng(), 'hoa-don.pdf'],
    ['a Windows program named .pdf', sampleExe(), 'hoa-don.pdf'],
    ['a Linux program named .pdf', sampleElf(), 'hoa-don.pdf'],
    ['random bytes named .docx', noise(200 * 1024, 'random'), 'bao-cao.docx'],
    ['a PDF named .docx', samplePdf(), 'bao-cao.docx'],
  ])('refuses %s (415 FILE_TYPE_MISMATCH) and keeps nothing', async (_what, bytes, name) => {
    expect(await refusal(service().store(streamOf(bytes), { originalName: name, uploadedBy: uploader }))).toEqual({
      status: 415,
      code: ErrorCode.FileTypeMismatch,
    });
    expect(filesUnder(root)).toEqual([]);
    expect(inserted).toEqual([]);
    expect(audited).toEqual([]);
  });

  it('refuses a type not allowed even under its own name (415 FILE_TYPE_NOT_ALLOWED)', async () => {
    expect(await refusal(service().store(streamOf(sampleExe()), { originalName: 'setup.exe', uploadedBy: uploader }))).toEqual({
      status: 415,
      code: ErrorCode.FileTypeNotAllowed,
    });
    expect(filesUnder(root)).toEqual([]);
  });

  it('stops reading a disguised program at its first bytes instead of storing all of it', async () => {
    const program = Buffer.concat([sampleExe(), noise(10 * MB, 'program')]);
    const source = streamOf(program);
    await refusal(service().store(source, { originalName: 'hoa-don.pdf', uploadedBy: uploader }));
    expect(source.bytesRead()).toBeLessThan(MB);
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a file over the limit (413 FILE_TOO_LARGE), stops reading it, and keeps nothing', async () => {
    const bytes = Buffer.concat([samplePdf(), noise(3 * MB, 'large')]);
    const source = streamOf(bytes);
    expect(await refusal(service(MB).store(source, { originalName: 'lon.pdf', uploadedBy: uploader }))).toEqual({
      status: 413,
      code: ErrorCode.FileTooLarge,
    });
    expect(source.bytesRead()).toBeLessThan(2 * MB);
    expect(filesUnder(root)).toEqual([]);
    expect(inserted).toEqual([]);
  });

  it('accepts a file of exactly the limit', async () => {
    const bytes = Buffer.concat([samplePdf(), noise(MB - samplePdf().length, 'exact')]);
    expect(bytes.length).toBe(MB);
    await expect(service(MB).store(streamOf(bytes), { originalName: 'vua.pdf', uploadedBy: uploader })).resolves.toMatchObject({ size: MB });
  });

  it('refuses an empty file (400 FILE_MISSING)', async () => {
    expect(await refusal(service().store(streamOf(Buffer.alloc(0)), { originalName: 'rong.pdf', uploadedBy: uploader }))).toEqual({
      status: 400,
      code: ErrorCode.FileMissing,
    });
    expect(filesUnder(root)).toEqual([]);
  });

  it('keeps nothing when the client goes away mid-upload', async () => {
    const source = new Readable({
      read() {
        this.push(samplePdf());
        this.push(noise(256 * 1024, 'gone'));
        this.destroy(new Error('aborted'));
      },
    });
    await expect(service().store(source, { originalName: 'dut.pdf', uploadedBy: uploader })).rejects.toThrow('aborted');
    expect(filesUnder(root)).toEqual([]);
  });

  it('keeps nothing when the database refuses the row', async () => {
    const files = service();
    (files as unknown as { dataSource: { transaction: () => Promise<never> } }).dataSource.transaction = async () => {
      throw new Error('database down');
    };
    await expect(files.store(streamOf(samplePdf()), { originalName: 'a.pdf', uploadedBy: uploader })).rejects.toThrow('database down');
    expect(filesUnder(root)).toEqual([]);
  });

  it('never holds a 100 MB upload in memory', async () => {
    const chunk = 64 * 1024;
    const total = 100 * MB;
    // Measures what stays alive after a garbage collection, every 8 MB of the upload: a path that
    // kept the chunks (or concatenated them) would grow towards 100 MB.
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    collectGarbage();
    const baseline = process.memoryUsage().arrayBuffers;
    let produced = 0;
    let peak = 0;
    const source = new Readable({
      read() {
        if (produced >= total) return void this.push(null);
        if (produced % (8 * MB) === 0) {
          collectGarbage();
          peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
        }
        // a fresh buffer each time, as a socket gives
        this.push(produced === 0 ? Buffer.concat([samplePdf(), Buffer.alloc(chunk - samplePdf().length, 0x20)]) : Buffer.alloc(chunk, produced / chunk));
        produced += chunk;
      },
    });
    const file = await service(200 * MB).store(source, { originalName: 'rat-lon.pdf', uploadedBy: uploader });
    expect(file.size).toBe(total);
    expect(peak).toBeLessThan(16 * MB);
  });
});
