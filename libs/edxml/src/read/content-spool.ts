import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { EdxmlContent } from '../model/message';

/** Bytes kept at both ends of a content: enough to recognise a zip or a PDF and its trailer. */
export const EDGE_BYTES = 1024;

/** Content whose ends are known, so its real type can be checked without reading it again. */
export interface SpooledContent extends EdxmlContent {
  head: Buffer;
  tail: Buffer;
  /** the temporary file holding it, when it did not stay in memory */
  filePath?: string;
  /** in memory when small */
  buffer?: Buffer;
}

/**
 * The temporary files of one read, all in one folder removed by `dispose`. Created lazily: small
 * messages never touch the disk.
 */
export class SpoolFolder {
  private folder?: Promise<string>;
  private files = 0;
  constructor(private readonly parent = tmpdir()) {}

  async newFilePath(): Promise<string> {
    this.folder ??= mkdtemp(join(this.parent, 'edxml-'));
    return join(await this.folder, `part-${++this.files}`);
  }

  async dispose(): Promise<void> {
    if (this.folder) await rm(await this.folder, { recursive: true, force: true });
  }
}

/**
 * Collects bytes as they are decoded: in memory up to a threshold, then in a temporary file, hashing
 * as it goes. Writes are queued and `drain()` waits for them, so the caller bounds memory by draining
 * after each piece of input.
 */
export class ContentSpool {
  private readonly hash: Hash = createHash('sha256');
  private chunks: Buffer[] = [];
  private inMemory = 0;
  private size = 0;
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private file?: FileHandle;
  private filePath?: string;
  private queue: Promise<void> = Promise.resolve();
  private failure?: unknown;
  /** once over the threshold, everything goes to the file */
  private spilled = false;

  constructor(
    private readonly folder: SpoolFolder,
    private readonly memoryThreshold: number,
    private readonly maxBytes: number,
    private readonly onTooLarge: () => never,
  ) {}

  get bytesWritten(): number {
    return this.size;
  }

  write(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.size += bytes.length;
    if (this.size > this.maxBytes) this.onTooLarge();
    this.hash.update(bytes);
    if (this.head.length < EDGE_BYTES) this.head = Buffer.concat([this.head, bytes.subarray(0, EDGE_BYTES - this.head.length)]);
    this.tail = bytes.length >= EDGE_BYTES ? Buffer.from(bytes.subarray(bytes.length - EDGE_BYTES)) : Buffer.concat([this.tail, bytes]).subarray(-EDGE_BYTES);
    if (!this.spilled && this.inMemory + bytes.length <= this.memoryThreshold) {
      this.chunks.push(bytes);
      this.inMemory += bytes.length;
      return;
    }
    const pending = this.chunks.concat(bytes);
    this.chunks = [];
    this.inMemory = 0;
    this.spilled = true;
    this.queue = this.queue.then(async () => {
      if (this.failure) return;
      try {
        if (!this.file) {
          this.filePath = await this.folder.newFilePath();
          this.file = await open(this.filePath, 'w');
        }
        for (const piece of pending) await this.file.write(piece);
      } catch (error) {
        this.failure = error;
      }
    });
  }

  async drain(): Promise<void> {
    await this.queue;
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<SpooledContent> {
    await this.drain();
    await this.file?.close();
    const sha256 = this.hash.digest('hex');
    const base = { size: this.size, sha256, head: this.head, tail: this.tail };
    if (!this.file) {
      const buffer = Buffer.concat(this.chunks);
      return { ...base, buffer, open: () => Readable.from([buffer]), read: async () => buffer };
    }
    const filePath = this.filePath!;
    return { ...base, filePath, open: () => createReadStream(filePath), read: () => readFile(filePath) };
  }

  /** Gives up on the content (the message was refused): closes the file, the folder goes with dispose. */
  async abandon(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.file?.close().catch(() => undefined);
    this.chunks = [];
  }
}
