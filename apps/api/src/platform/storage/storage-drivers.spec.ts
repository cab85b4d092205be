import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { noise } from '../../files/testing/sample-files';
import { LocalDiskStorageDriver } from './local-disk-storage.driver';
import { S3StorageDriver } from './s3-storage.driver';
import { InvalidStorageKeyError, StorageDriver, StorageObjectNotFoundError } from './storage-driver';

// s3rver ships no types; this is the part used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
};

const PART_SIZE = 16 * 1024 * 1024; // above every test object: s3rver has no multipart upload

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const chunked = (bytes: Buffer, size = 64 * 1024) =>
  Readable.from((function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  })());
async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

interface DriverUnderTest {
  driver: StorageDriver;
  stop(): Promise<void>;
}

async function localDriver(): Promise<DriverUnderTest & { root: string }> {
  const root = mkdtempSync(join(tmpdir(), 'storage-local-'));
  return { driver: new LocalDiskStorageDriver(root), root, stop: async () => rmSync(root, { recursive: true, force: true }) };
}

async function s3Driver(): Promise<DriverUnderTest> {
  const directory = mkdtempSync(join(tmpdir(), 'storage-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const driver = new S3StorageDriver({
    endpoint: `http://127.0.0.1:${port}`,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    bucket: 'eoffice-test',
    region: 'us-east-1',
    partSize: PART_SIZE,
    pathStyle: true,
  });
  return {
    driver,
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

describe.each([
  ['local disk', localDriver],
  ['S3 (s3rver)', s3Driver],
])('%s storage driver', (_name, start) => {
  let subject: DriverUnderTest;
  let driver: StorageDriver;
  const content = noise(3 * 1024 * 1024 + 17, 'driver');

  beforeAll(async () => {
    subject = await start();
    driver = subject.driver;
    await driver.ensureReady();
    await driver.ensureReady(); // a second time finds it ready
  });
  afterAll(() => subject.stop());

  it('stores a stream, says its size, and gives the same bytes back', async () => {
    const key = 'files/2026/11/whole';
    expect(await driver.put(key, chunked(content), { size: content.length, contentType: 'application/pdf' })).toEqual({ size: content.length });
    expect(await driver.exists(key)).toBe(true);
    expect((await driver.stat(key))?.size).toBe(content.length);
    expect(sha256(await readAll(await driver.get(key)))).toBe(sha256(content));
  });

  it('reads a byte range', async () => {
    const key = 'files/2026/11/ranged';
    await driver.put(key, chunked(content), { size: content.length, contentType: 'application/octet-stream' });
    // (not `bytes=0-0`: s3rver takes an end of 0 for "to the end"; MinIO and S3 do not)
    expect(await readAll(await driver.get(key, { start: 0, end: 9 }))).toEqual(content.subarray(0, 10));
    expect(await readAll(await driver.get(key, { start: 1000, end: 70_999 }))).toEqual(content.subarray(1000, 71_000));
    const last = content.length - 1;
    expect(await readAll(await driver.get(key, { start: last - 9, end: last }))).toEqual(content.subarray(last - 9));
  });

  it('deletes, and deleting again is not an error', async () => {
    const key = 'files/2026/11/deleted';
    await driver.put(key, chunked(Buffer.from('xin chào')), { size: 9, contentType: 'text/plain' });
    await driver.delete(key);
    expect(await driver.exists(key)).toBe(false);
    expect(await driver.stat(key)).toBeNull();
    await expect(driver.delete(key)).resolves.toBeUndefined();
  });

  it('gives a short-lived download URL where the store can make one (S3), null otherwise (local disk)', async () => {
    const key = 'files/2026/11/presigned';
    await driver.put(key, chunked(content), { size: content.length, contentType: 'application/octet-stream' });
    const url = await driver.presignedGetUrl?.(key, 60, { contentType: 'application/pdf', contentDisposition: 'attachment; filename="a.pdf"' });
    if (driver instanceof LocalDiskStorageDriver) return expect(url).toBeNull();
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="a.pdf"');
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(content));
  });

  it('reports a missing object as StorageObjectNotFoundError', async () => {
    await expect(driver.get('files/2026/11/never-stored')).rejects.toBeInstanceOf(StorageObjectNotFoundError);
  });

  it('leaves nothing under the key when the stream fails half-way', async () => {
    const key = 'files/2026/11/broken';
    const failing = new Readable({
      read() {
        this.push(noise(64 * 1024, 'half'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(driver.put(key, failing, { contentType: 'application/pdf' })).rejects.toThrow();
    expect(await driver.exists(key)).toBe(false);
  });

  it.each(['../outside', '/etc/passwd', 'files/../../outside', 'files/./x', 'files//x', 'a\\..\\b', 'files/x\0y', '.partial/x', ''])(
    'refuses the key %j',
    async (key) => {
      await expect(driver.put(key, chunked(Buffer.from('x')), { contentType: 'text/plain' })).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(driver.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(driver.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    },
  );
});

describe('local disk storage driver, on the disk', () => {
  let root: string;
  let driver: LocalDiskStorageDriver;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'storage-local-'));
    driver = new LocalDiskStorageDriver(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps no temporary file after a failed write', async () => {
    await driver.ensureReady();
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('boom'));
      },
    });
    await expect(driver.put('files/a', failing, { contentType: 'text/plain' })).rejects.toThrow('boom');
    expect(readdirSync(join(root, '.partial'))).toEqual([]);
    expect(readdirSync(root)).toEqual(['.partial']);
  });

});
