import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { EdxmlLimits } from '../model/limits';
import type { EdxmlProblem, EdxmlProblemCode } from '../model/problems';
import { ContentSpool, type SpoolFolder, type SpooledContent } from './content-spool';

export interface UnpackedFile {
  name: string;
  content: SpooledContent;
}

export interface UnpackResult {
  files: UnpackedFile[];
  problems: EdxmlProblem[];
}

/** Unpacked entries larger than this are held to the ratio limit; small files compress very well legitimately. */
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;

class ZipRefusal extends Error {
  constructor(
    readonly code: EdxmlProblemCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Unpacks a zipped attachment into spools. Refused as a whole (reported, never thrown) when it is a
 * zip bomb (too many entries, too many unpacked bytes, an absurd ratio — checked on the declared
 * sizes first and on the bytes really produced as they come), when an entry's name would escape a
 * folder (`..`, absolute paths, drive letters: yauzl refuses these names) or when it is encrypted.
 */
export async function unpackZip(payload: SpooledContent, limits: EdxmlLimits, folder: SpoolFolder, path: string): Promise<UnpackResult> {
  let zip: ZipFile | undefined;
  const files: UnpackedFile[] = [];
  try {
    zip = await openZip(payload);
    if (zip.entryCount > limits.maxZipEntries) throw new ZipRefusal('zip_too_many_entries', `the zip holds ${zip.entryCount} entries, more than ${limits.maxZipEntries}`);
    let unpacked = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) throw new ZipRefusal('zip_encrypted', `${entry.fileName} is encrypted`);
      checkDeclaredSize(entry, unpacked, limits);
      const spool = new ContentSpool(folder, limits.memoryThresholdBytes, limits.maxZipUnpackedBytes - unpacked, () => {
        throw new ZipRefusal('zip_bomb', `unpacking gives more than ${limits.maxZipUnpackedBytes} bytes`);
      });
      const stream = await openEntry(zip, entry);
      await pipeline(
        stream,
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            try {
              spool.write(chunk);
              spool.drain().then(() => done(), done);
            } catch (error) {
              done(error as Error);
            }
          },
        }),
      );
      const content = await spool.finish();
      unpacked += content.size;
      files.push({ name: entry.fileName, content });
    }
    return { files, problems: [] };
  } catch (error) {
    return { files: [], problems: [problemOf(error, path)] };
  } finally {
    zip?.close();
  }
}

function checkDeclaredSize(entry: Entry, unpackedSoFar: number, limits: EdxmlLimits) {
  if (unpackedSoFar + entry.uncompressedSize > limits.maxZipUnpackedBytes) {
    throw new ZipRefusal('zip_bomb', `${entry.fileName} would unpack beyond ${limits.maxZipUnpackedBytes} bytes`);
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > RATIO_CHECK_FROM_BYTES && ratio > limits.maxZipRatio) {
    throw new ZipRefusal('zip_bomb', `${entry.fileName} unpacks ${Math.round(ratio)} times its packed size`);
  }
}

/** yauzl's messages for names that would escape the folder they are unpacked into */
const UNSAFE_NAME = /invalid relative path|absolute path|invalid characters in fileName/i;

/** yauzl's message when an entry produces more bytes than its headers declared */
const LIED_SIZE = /too many bytes in the stream/i;

function problemOf(error: unknown, path: string): EdxmlProblem {
  if (error instanceof ZipRefusal) return { path, code: error.code, severity: 'warning', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  if (LIED_SIZE.test(message)) return { path, code: 'zip_bomb', severity: 'warning', message: `an entry unpacks to more than its header says: ${message}` };
  if (UNSAFE_NAME.test(message)) return { path, code: 'zip_path_traversal', severity: 'warning', message: `an entry's name would escape its folder: ${message}` };
  return { path, code: 'zip_unreadable', severity: 'warning', message: `the zip cannot be read: ${message}` };
}

const ZIP_OPTIONS = { lazyEntries: true, decodeFileNames: true, validateEntrySizes: true, strictFileNames: false, autoClose: false };

function openZip(payload: SpooledContent): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: ZipFile) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip));
    if (payload.buffer) yauzl.fromBuffer(payload.buffer, ZIP_OPTIONS, done);
    else yauzl.open(payload.filePath!, ZIP_OPTIONS, done);
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(undefined));
    const onError = (error: Error) => (cleanup(), reject(error));
    zip.once('entry', onEntry);
    zip.once('end', onEnd);
    zip.once('error', onError);
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error ?? new Error('no stream')) : resolve(stream))));
}
