import { PDFDocument, PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';

/**
 * pdf-lib only writes whole files, and rewriting a signed PDF breaks every signature in it: a
 * signature covers the bytes of its revision. To add anything to a signed PDF (the number and date,
 * the organisation's signature) we let pdf-lib change the parsed document in memory, then append
 * only the objects that are new or changed as an incremental update (ISO 32000-1 §7.5.6) after the
 * original bytes, which stay untouched.
 */

/** What every object of a freshly loaded document looked like, to find the ones changed later. */
export interface ObjectSnapshot {
  /** serialised objects; for streams the dictionary only */
  readonly serialized: ReadonlyMap<string, string>;
  /** the bytes of each stream, compared by identity: pdf-lib adds streams, it never edits a loaded one's bytes */
  readonly streamBytes: ReadonlyMap<string, Uint8Array>;
}

const serialize = (object: PDFObject) => (object instanceof PDFRawStream ? object.dict.toString() : object.toString());

/**
 * Keeps new objects above every number the file has used. pdf-lib drops object streams and
 * cross-reference streams after reading them, so without this a new object could take the number
 * of an object stream the earlier revisions still point into (poppler then loses the page tree:
 * checked). The last trailer's /Size says what was used.
 */
export function reserveUsedObjectNumbers(original: Uint8Array, document: PDFDocument): void {
  const tail = Buffer.from(original.subarray(Math.max(0, original.length - 64 * 1024))).toString('latin1');
  const sizes = [...tail.matchAll(/\/Size\s+(\d+)/g)];
  const size = sizes.length ? Number(sizes[sizes.length - 1][1]) : 0;
  document.context.largestObjectNumber = Math.max(document.context.largestObjectNumber, size - 1);
}

export function snapshotObjects(document: PDFDocument): ObjectSnapshot {
  const serialized = new Map<string, string>();
  const streamBytes = new Map<string, Uint8Array>();
  for (const [ref, object] of document.context.enumerateIndirectObjects()) {
    serialized.set(ref.tag, serialize(object));
    if (object instanceof PDFRawStream) streamBytes.set(ref.tag, object.contents);
  }
  return { serialized, streamBytes };
}

function isUnchanged(ref: PDFRef, object: PDFObject, snapshot: ObjectSnapshot): boolean {
  if (snapshot.serialized.get(ref.tag) !== serialize(object)) return false;
  return !(object instanceof PDFRawStream) || snapshot.streamBytes.get(ref.tag) === object.contents;
}

function changedObjects(document: PDFDocument, snapshot: ObjectSnapshot): [PDFRef, PDFObject][] {
  return document.context
    .enumerateIndirectObjects()
    .filter(([ref, object]) => !isUnchanged(ref, object, snapshot))
    .sort(([a], [b]) => a.objectNumber - b.objectNumber);
}

/** The byte offset of the last cross-reference section, from the `startxref` at the end of the file. */
export function lastCrossReferenceOffset(original: Uint8Array): number {
  const tail = Buffer.from(original.subarray(Math.max(0, original.length - 1024))).toString('latin1');
  const matches = [...tail.matchAll(/startxref\s+(\d+)/g)];
  if (matches.length === 0) throw new Error('no startxref at the end of the file');
  return Number(matches[matches.length - 1][1]);
}

/**
 * The original bytes followed by an incremental update holding every object added or changed
 * since `snapshot` (call `document.flush()` first so embedded fonts and images are written).
 */
export function appendIncrementalUpdate(original: Uint8Array, document: PDFDocument, snapshot: ObjectSnapshot): Buffer {
  const previous = lastCrossReferenceOffset(original);
  const objects = changedObjects(document, snapshot);
  const parts: Buffer[] = [Buffer.from(original)];
  let offset = original.length;
  const push = (part: Buffer) => {
    parts.push(part);
    offset += part.length;
  };
  // A file may end without an end-of-line after %%EOF; the update must start on a new line.
  if (original[original.length - 1] !== 0x0a && original[original.length - 1] !== 0x0d) push(Buffer.from('\n'));

  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const [ref, object] of objects) {
    offsets.set(ref.objectNumber, { offset, generation: ref.generationNumber });
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    push(Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]));
  }

  const crossReference = offset;
  const info = document.context.trailerInfo;
  const trailer = { Root: info.Root, Info: info.Info, ID: info.ID, Prev: previous };
  // A file indexed by a cross-reference stream is continued with one, as other writers do (a reader
  // that needs the classic table could not read such a file anyway).
  if (usesCrossReferenceStream(original, previous)) {
    const own = document.context.largestObjectNumber + 1;
    offsets.set(own, { offset: crossReference, generation: 0 });
    push(crossReferenceStream(own, offsets, { ...trailer, Size: own + 1 }, document));
  } else {
    const dictionary = document.context.obj({ ...trailer, Size: document.context.largestObjectNumber + 1 });
    push(Buffer.from(`${crossReferenceTable(offsets)}trailer\n${dictionary.toString()}\n`, 'latin1'));
  }
  push(Buffer.from(`startxref\n${crossReference}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts, offset);
}

type Offsets = ReadonlyMap<number, { offset: number; generation: number }>;

/** Runs of consecutive object numbers: the subsections of a table, the /Index of a stream. */
function runs(numbers: readonly number[]): [number, number][] {
  const sorted = [...numbers].sort((a, b) => a - b);
  const found: [number, number][] = [];
  for (const number of sorted) {
    const last = found[found.length - 1];
    if (last && last[0] + last[1] === number) last[1] += 1;
    else found.push([number, 1]);
  }
  return found;
}

function crossReferenceTable(offsets: Offsets): string {
  let table = 'xref\n';
  for (const [first, count] of runs([...offsets.keys()])) {
    table += `${first} ${count}\n`;
    for (let number = first; number < first + count; number++) {
      const entry = offsets.get(number)!;
      // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, CR LF.
      table += `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r\n`;
    }
  }
  return table;
}

/** Whether the section at `offset` is a cross-reference stream (`N G obj`) rather than a table (`xref`). */
function usesCrossReferenceStream(original: Uint8Array, offset: number): boolean {
  return /^\s*\d+\s+\d+\s+obj/.test(Buffer.from(original.subarray(offset, offset + 32)).toString('latin1'));
}

/** An uncompressed cross-reference stream (ISO 32000-1 §7.5.8): type 1 entries, 4-byte offsets, 2-byte generations. */
function crossReferenceStream(objectNumber: number, offsets: Offsets, trailer: Record<string, unknown>, document: PDFDocument): Buffer {
  const index = runs([...offsets.keys()]);
  const rows = Buffer.alloc(offsets.size * 7);
  let at = 0;
  for (const [first, count] of index)
    for (let number = first; number < first + count; number++) {
      const entry = offsets.get(number)!;
      rows.writeUInt8(1, at);
      rows.writeUInt32BE(entry.offset, at + 1);
      rows.writeUInt16BE(entry.generation, at + 5);
      at += 7;
    }
  const dictionary = document.context.obj({ ...trailer, Type: 'XRef', W: [1, 4, 2], Index: index.flat(), Length: rows.length } as never);
  return Buffer.concat([Buffer.from(`${objectNumber} 0 obj\n${dictionary.toString()}\nstream\n`, 'latin1'), rows, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
}
