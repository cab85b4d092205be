import { Client, type ClientOptions } from 'minio';
import type { Readable } from 'node:stream';
import {
  ByteRange,
  PresignedResponseHeaders,
  PutOptions,
  StorageDriver,
  StorageObjectNotFoundError,
  StoredObjectInfo,
} from './storage-driver';
import { assertSafeStorageKey } from './storage-key';

export interface S3StorageOptions {
  /** e.g. http://minio:9000 */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /** Bytes per multipart part; minio buffers one part in memory per upload of unknown size. */
  partSize: number;
  /** Path-style URLs (http://host/bucket/key): what MinIO and test servers expect. */
  pathStyle?: boolean;
}

const MISSING_CODES = new Set(['NoSuchKey', 'NotFound', 'NoSuchObject']);
const isMissing = (error: unknown) => MISSING_CODES.has((error as { code?: string })?.code ?? '');
const BUCKET_TAKEN_CODES = new Set(['BucketAlreadyOwnedByYou', 'BucketAlreadyExists']);

/** Files in an S3 bucket (MinIO in production) through the `minio` client. */
export class S3StorageDriver implements StorageDriver {
  private readonly client: Client;
  private readonly bucket: string;
  private readonly region: string;
  private readonly partSize: number;

  constructor(options: S3StorageOptions) {
    const url = new URL(options.endpoint);
    const useSSL = url.protocol === 'https:';
    const clientOptions: ClientOptions = {
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : useSSL ? 443 : 80,
      useSSL,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: options.region,
      partSize: options.partSize,
      pathStyle: options.pathStyle ?? true,
    };
    this.client = new Client(clientOptions);
    this.bucket = options.bucket;
    this.region = options.region;
    this.partSize = options.partSize;
  }

  async put(key: string, stream: Readable, options: PutOptions): Promise<{ size: number }> {
    assertSafeStorageKey(key);
    try {
      await this.client.putObject(this.bucket, key, stream, options.size, { 'Content-Type': options.contentType });
    } catch (error) {
      // A failed multipart upload leaves its parts on the server until aborted.
      if (options.size === undefined || options.size > this.partSize)
        await this.client.removeIncompleteUpload(this.bucket, key).catch(() => undefined);
      throw error;
    }
    // The upload reports no size; ask the store rather than trust the caller's count.
    const info = await this.stat(key);
    if (!info) throw new StorageObjectNotFoundError(key);
    return { size: info.size };
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    assertSafeStorageKey(key);
    try {
      return range
        ? await this.client.getPartialObject(this.bucket, key, range.start, range.end - range.start + 1)
        : await this.client.getObject(this.bucket, key);
    } catch (error) {
      throw isMissing(error) ? new StorageObjectNotFoundError(key) : error;
    }
  }

  async stat(key: string): Promise<StoredObjectInfo | null> {
    assertSafeStorageKey(key);
    try {
      const info = await this.client.statObject(this.bucket, key);
      const contentType = info.metaData?.['content-type'];
      return { size: info.size, ...(typeof contentType === 'string' ? { contentType } : {}) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeStorageKey(key);
    // S3 answers a delete of a missing key with success, which is what the interface promises.
    await this.client.removeObject(this.bucket, key);
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async ensureReady(): Promise<void> {
    if (await this.client.bucketExists(this.bucket)) return;
    try {
      await this.client.makeBucket(this.bucket, this.region);
    } catch (error) {
      // another replica created it at the same moment
      if (!BUCKET_TAKEN_CODES.has((error as { code?: string })?.code ?? '')) throw error;
    }
  }

  async presignedGetUrl(key: string, seconds: number, responseHeaders?: PresignedResponseHeaders): Promise<string | null> {
    assertSafeStorageKey(key);
    const headers: Record<string, string> = {};
    if (responseHeaders?.contentType) headers['response-content-type'] = responseHeaders.contentType;
    if (responseHeaders?.contentDisposition) headers['response-content-disposition'] = responseHeaders.contentDisposition;
    return this.client.presignedGetObject(this.bucket, key, seconds, headers);
  }
}
