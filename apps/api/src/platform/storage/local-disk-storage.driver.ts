import { randomUUID } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { access, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteRange, InvalidStorageKeyError, PutOptions, StorageDriver, StorageObjectNotFoundError, StoredObjectInfo } from './storage-driver';
import { assertSafeStorageKey } from './storage-key';

/**
 * Half-written uploads go here first. Inside the root (so the final rename stays on one file
 * system and is atomic) and under a name no key can take (keys never start with a dot).
 */
const PARTIAL_DIR = '.partial';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

/** Files on a local disk under one root folder: the default for one machine and for tests. */
export class LocalDiskStorageDriver implements StorageDriver {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, stream: Readable, _options: PutOptions): Promise<{ size: number }> {
    const target = this.pathOf(key);
    const partial = join(this.root, PARTIAL_DIR, `${randomUUID()}.part`);
    await mkdir(dirname(partial), { recursive: true });
    try {
      // 'wx': never write through an existing file (or a planted link) at the temporary path
      await pipeline(stream, createWriteStream(partial, { flags: 'wx' }));
      const { size } = await stat(partial);
      await mkdir(dirname(target), { recursive: true });
      await rename(partial, target);
      return { size };
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    // Open now rather than lazily so a missing file is reported here, before any header is sent.
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw isMissing(error) ? new StorageObjectNotFoundError(key) : error;
    });
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async stat(key: string): Promise<StoredObjectInfo | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { size: info.size } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async ensureReady(): Promise<void> {
    await mkdir(join(this.root, PARTIAL_DIR), { recursive: true });
    await access(this.root, constants.R_OK | constants.W_OK);
  }

  async presignedGetUrl(): Promise<string | null> {
    return null;
  }

  /** The absolute path of a key, after proving that it stays inside the root. */
  private pathOf(key: string): string {
    assertSafeStorageKey(key);
    const path = resolve(this.root, key);
    const inside = relative(this.root, path);
    // Belt and braces: the key rules already forbid this, but the file system is the last word.
    if (!inside || inside.startsWith('..') || isAbsolute(inside) || !path.startsWith(this.root + sep))
      throw new InvalidStorageKeyError(key, 'escapes the storage root');
    return path;
  }
}
