import { HttpStatus } from '@nestjs/common';
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ErrorCode } from '@app/contracts';
import { AppException } from '../platform/errors/app-exception';
import { HEAD_SAMPLE_BYTES, TAIL_SAMPLE_BYTES } from '../platform/storage/detect-media-type';

export interface UploadFacts {
  size: number;
  sha256: string;
  /** the first HEAD_SAMPLE_BYTES bytes (all of a small file) */
  head: Buffer;
  /** the last TAIL_SAMPLE_BYTES bytes */
  tail: Buffer;
}

export interface UploadInspectorOptions {
  maxBytes: number;
  /**
   * Called once, when the first HEAD_SAMPLE_BYTES bytes have passed (not for smaller files),
   * while the stream waits: throwing refuses the upload before the rest is stored.
   */
  onHead?: (head: Buffer) => Promise<void>;
}

export const fileTooLarge = (maxBytes: number) =>
  new AppException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    ErrorCode.FileTooLarge,
    `Tệp quá lớn. Dung lượng tối đa cho một tệp là ${formatBytes(maxBytes)}; hãy nén hoặc chia nhỏ tệp rồi tải lên lại.`,
    `The file is too large. The most a file may have is ${formatBytes(maxBytes)}; compress or split it and upload again.`,
    { maxBytes },
  );

/**
 * Passes an upload through unchanged while learning what the database needs to know about it, in
 * the same single pass: size and SHA-256, plus the first and last bytes for type detection.
 * Memory stays at those two samples however large the file. It fails the stream as soon as the
 * size limit is passed, so nothing more is read or written.
 */
export class UploadInspector extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private size = 0;
  private readonly headParts: Buffer[] = [];
  private headLength = 0;
  private tailParts: Buffer[] = [];
  private tailLength = 0;
  private headChecked = false;
  private digest: string | null = null;

  constructor(private readonly options: UploadInspectorOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.options.maxBytes) return callback(fileTooLarge(this.options.maxBytes));
    this.hash.update(chunk);
    this.keepHead(chunk);
    this.keepTail(chunk);
    if (this.headChecked || this.headLength < HEAD_SAMPLE_BYTES || !this.options.onHead) return callback(null, chunk);
    this.headChecked = true;
    this.options.onHead(this.head()).then(
      () => callback(null, chunk),
      (error: Error) => callback(error),
    );
  }

  override _flush(callback: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    callback();
  }

  /** What was learned; only after the stream has ended. */
  facts(): UploadFacts {
    if (this.digest === null) throw new Error('UploadInspector.facts() before the stream ended');
    const tail = Buffer.concat(this.tailParts);
    return { size: this.size, sha256: this.digest, head: this.head(), tail: tail.subarray(Math.max(0, tail.length - TAIL_SAMPLE_BYTES)) };
  }

  private head(): Buffer {
    return Buffer.concat(this.headParts, this.headLength);
  }

  private keepHead(chunk: Buffer): void {
    if (this.headLength >= HEAD_SAMPLE_BYTES) return;
    const part = Buffer.from(chunk.subarray(0, HEAD_SAMPLE_BYTES - this.headLength));
    this.headParts.push(part);
    this.headLength += part.length;
  }

  /** A rolling window: drops whole chunks from the front once the rest still covers the window. */
  private keepTail(chunk: Buffer): void {
    const part = chunk.length > TAIL_SAMPLE_BYTES ? Buffer.from(chunk.subarray(chunk.length - TAIL_SAMPLE_BYTES)) : chunk;
    this.tailParts.push(part);
    this.tailLength += part.length;
    while (this.tailParts.length > 1 && this.tailLength - this.tailParts[0].length >= TAIL_SAMPLE_BYTES) {
      this.tailLength -= this.tailParts.shift()!.length;
    }
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} byte`;
}
