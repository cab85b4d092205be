import type { Readable } from 'node:stream';
import type { StorageDriver } from '../../platform/storage/storage-driver';
import type { StoredFile } from '../stored-file.entity';
import { NotAPdfError } from './pdf-errors';

/**
 * Reading a stored PDF for processing. The PDF tools are part of the files context, so they read
 * the store directly: this is the system working on a file, not a person downloading it (the new
 * files they make are recorded and audited through FilesService.store).
 */
export function assertPdf(file: StoredFile): void {
  // The media type was detected from the bytes when the file was stored, never from its name.
  if (file.mediaType !== 'application/pdf') throw new NotAPdfError(file.originalName, file.mediaType);
}

/** The whole file in memory: pdf-lib and pdfjs both need it so (files are at most UPLOAD_MAX_BYTES). */
export async function readWhole(storage: StorageDriver, file: StoredFile): Promise<Uint8Array> {
  return collect(await storage.get(file.storageKey), file.size);
}

async function collect(stream: Readable, expected: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(expected);
  let at = 0;
  for await (const part of stream as AsyncIterable<Buffer>) {
    if (at + part.length > expected) {
      stream.destroy();
      throw new Error(`the store returned more than the ${expected} bytes expected`);
    }
    bytes.set(part, at);
    at += part.length;
  }
  if (at !== expected) throw new Error(`the store returned ${at} bytes instead of ${expected}`);
  return bytes;
}
