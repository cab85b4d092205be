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
  const lines = ['xref'];
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  for (let start = 0; start < numbers.length; ) {
    let end = start;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end] + 1) end++;
    lines.push(`${numbers[start]} ${end - start + 1}`);
    for (let index = start; index <= end; index++) {
      const entry = offsets.get(numbers[index])!;
      // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, CR LF.
      lines.push(`${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r`);
    }
    start = end + 1;
  }
  const info = document.context.trailerInfo;
  const trailer = document.context.obj({
    Size: document.context.largestObjectNumber + 1,
    Root: info.Root,
    Info: info.Info,
    ID: info.ID,
    Prev: previous,
  });
  push(Buffer.from(`${lines.join('\n')}\ntrailer\n${trailer.toString()}\nstartxref\n${crossReference}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts, offset);
}
