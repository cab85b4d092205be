/** Storing test PDFs through the real FilesService of a test app, and reading them back. Test support only. */
import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import type { TestApp } from '../../../../../../test/support/test-app';
import type { FileActor } from '../../files.service';
import { FilesService } from '../../files.service';
import type { StoredFile } from '../../stored-file.entity';

export interface PdfTestKit {
  files: FilesService;
  actor: FileActor;
  store(bytes: Buffer, originalName?: string): Promise<StoredFile>;
  bytesOf(file: StoredFile): Promise<Buffer>;
}

export async function pdfTestKit(system: TestApp, username = 'vanthu'): Promise<PdfTestKit> {
  const files = system.app.get(FilesService);
  const [actor] = await system.query<FileActor>(`SELECT id, username FROM "user" WHERE username = $1`, [username]);
  return {
    files,
    actor,
    store: (bytes, originalName = 'Công văn đến.pdf') => files.store(ReadableStream.from(bytes), { originalName, uploadedBy: actor }),
    bytesOf: async (file) => collect(await files.open(file, actor)),
  };
}

async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
