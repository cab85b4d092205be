import type { Readable } from 'node:stream';
import { fileTooLarge } from '../files/upload-inspector';

/**
 * The whole of an uploaded file, up to `maxBytes`. Checking a signature needs every byte the
 * /ByteRange names, and the files are signed documents and key images, so they are held in memory
 * with a limit well under the general upload limit.
 */
export async function readWhole(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.resume(); // let the rest of the body drain
      throw fileTooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}
