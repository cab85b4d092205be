const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * The entry names of a zip archive, read from its central directory, given only the last bytes of
 * the archive. Null when the directory is not wholly inside those bytes (or it is zip64 or broken).
 *
 * Why: some writers (LibreOffice, openpyxl) put `[Content_Types].xml` at the end of an OOXML file,
 * so sniffing the beginning only sees "a zip". The central directory at the end names every entry.
 */
export function zipEntryNamesFromTail(tail: Uint8Array): string[] | null {
  const bytes = Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength);
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let end = bytes.length - END_RECORD_SIZE; end >= lowest; end -= 1) {
    if (bytes.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) continue;
    const entryCount = bytes.readUInt16LE(end + 10);
    const directorySize = bytes.readUInt32LE(end + 12);
    if (entryCount === 0xffff || directorySize === 0xffffffff) return null; // zip64
    const start = end - directorySize;
    if (start < 0) return null;
    return readDirectory(bytes.subarray(start, end), entryCount);
  }
  return null;
}

function readDirectory(directory: Buffer, entryCount: number): string[] | null {
  const names: string[] = [];
  let at = 0;
  for (let index = 0; index < entryCount; index += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength > directory.length) return null;
    names.push(directory.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
