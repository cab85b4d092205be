import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { EdxmlRefusedError, readEdxml, writeDocumentMessage, type EdxmlAttachment, type EdxmlReadResult } from './index';
import { sampleDocument, streamedMessage } from './testing/messages';
import { fixture } from './testing/fixtures';

const refusalOf = (input: Buffer | Readable, limits = {}) => readEdxml(input, { limits }).then(
  async (result) => {
    await result.dispose();
    throw new Error('read, not refused');
  },
  (error: unknown) => error as EdxmlRefusedError,
);

/** Highest resident memory seen while `work` runs, above what it was at the start. */
async function peakMemoryGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - start };
  } finally {
    clearInterval(timer);
  }
}

const MB = 1024 * 1024;
const smallSample = () => readFileSync(fixture('edoc_new_small.edxml'), 'utf8');

function zipOf(entries: { name: string; content: Buffer }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.content, entry.name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

async function readWithPayload(payload: Buffer): Promise<{ result: EdxmlReadResult; attachment: EdxmlAttachment }> {
  const message = await writeDocumentMessage(sampleDocument([{ attachmentName: 'hoso.zip', contentType: 'application/zip', content: payload, zip: false }]));
  const result = await readEdxml(message);
  if (result.kind !== 'document') throw new Error('not a document');
  return { result, attachment: result.message.attachments[0] };
}

describe('edXML: hostile input is refused in bounded memory and time', () => {
  it('refuses an external entity (XXE) by its DOCTYPE, reading no file', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&xxe;</edXML>`;
    const refusal = await refusalOf(Buffer.from(xxe));
    expect(refusal).toBeInstanceOf(EdxmlRefusedError);
    expect(refusal.code).toBe('DOCTYPE_REFUSED');
    expect(refusal.messageVi).toContain('DOCTYPE');
  });

  it('refuses billion laughs: no entity is ever declared, let alone expanded', async () => {
    const lol = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`)].join('');
    const laughs = `<?xml version="1.0"?><!DOCTYPE edXML [${lol}]><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><x>&lol9;</x></edXML>`;
    const { result: refusal, growth } = await peakMemoryGrowth(() => refusalOf(Buffer.from(laughs)));
    expect(refusal.code).toBe('DOCTYPE_REFUSED');
    expect(growth).toBeLessThan(64 * MB);
    // the same reference without a declaration is simply not XML
    const undeclared = await refusalOf(Buffer.from('<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><x>&lol9;</x></edXML>'));
    expect(undeclared.code).toBe('NOT_WELL_FORMED');
  });

  it('refuses 50,000 nested elements at the nesting limit', async () => {
    const deep = `<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</edXML>`;
    const refusal = await refusalOf(Buffer.from(deep));
    expect(refusal.code).toBe('TOO_DEEP');
  });

  it('refuses too many elements and over-long texts', async () => {
    const many = `<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">${'<a/>'.repeat(200_000)}</edXML>`;
    expect((await refusalOf(Buffer.from(many))).code).toBe('TOO_MANY_ELEMENTS');
    const long = smallSample().replace('<edXML:Subject>', `<edXML:Subject>${'x'.repeat(2 * MB)}`);
    expect((await refusalOf(Buffer.from(long))).code).toBe('TEXT_TOO_LONG');
  });

  it('refuses what is not UTF-8, not XML or not edXML, with a clear code', async () => {
    expect((await refusalOf(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]))).code).toBe('NOT_UTF8');
    expect((await refusalOf(Buffer.from('%PDF-1.7 not xml'))).code).toBe('NOT_WELL_FORMED');
    expect((await refusalOf(Buffer.from('<html><body/></html>'))).code).toBe('NOT_EDXML');
    expect((await refusalOf(Buffer.from(''))).code).toBe('NOT_WELL_FORMED');
  });

  it('refuses a 300 MB attachment streamed in, holding neither the message nor the attachment in memory', async () => {
    const generated = streamedMessage(300 * MB);
    const { result: refusal, growth } = await peakMemoryGrowth(() => refusalOf(generated.stream));
    expect(refusal.code).toBe('ATTACHMENT_TOO_LARGE');
    // 180 MB were decoded before the limit was reached: they went to a temporary file, now removed
    expect(growth).toBeLessThan(150 * MB);
  }, 180_000);

  it('reads a 64 MB attachment as a stream into a temporary file, with its size and SHA-256, and removes it on dispose', async () => {
    const generated = streamedMessage(64 * MB);
    const { result, growth } = await peakMemoryGrowth(() => readEdxml(generated.stream));
    try {
      if (result.kind !== 'document') throw new Error('not a document');
      const [attachment] = result.message.attachments;
      expect(attachment.payload).toMatchObject({ size: 64 * MB, sha256: generated.sha256() });
      expect(attachment.files).toEqual([expect.objectContaining({ name: 'big.bin', size: 64 * MB })]);
      let streamed = 0;
      for await (const chunk of attachment.files[0].open()) streamed += (chunk as Buffer).length;
      expect(streamed).toBe(64 * MB);
      expect(growth).toBeLessThan(100 * MB);
    } finally {
      await result.dispose();
    }
    if (result.kind === 'document') await expect(result.message.attachments[0].payload!.read()).rejects.toMatchObject({ code: 'ENOENT' });
  }, 120_000);

  it('refuses a message larger than the size limit while it streams in', async () => {
    const source = new PassThrough();
    const reading = refusalOf(source, { maxMessageBytes: 64 * 1024 });
    source.end(smallSample().replace('<edXML:Content>', `<edXML:Content>${'y'.repeat(100 * 1024)}`));
    expect((await reading).code).toBe('MESSAGE_TOO_LARGE');
  });
});

describe('edXML: hostile zipped attachments are reported on the attachment, never unpacked', () => {
  it('reports a zip bomb (a huge ratio) without unpacking it', async () => {
    const bomb = await zipOf([{ name: 'zeros.pdf', content: Buffer.alloc(64 * MB) }]);
    expect(bomb.length).toBeLessThan(MB);
    const { result, attachment } = await readWithPayload(bomb);
    try {
      expect(attachment.zipped).toBe(true);
      expect(attachment.files).toEqual([]);
      expect(attachment.problems).toEqual([expect.objectContaining({ code: 'zip_bomb' })]);
      expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'zip_bomb' }));
    } finally {
      await result.dispose();
    }
  });

  it('reports a zip whose headers lie about the unpacked size when the bytes really produced exceed them', async () => {
    const honest = await zipOf([{ name: 'report.txt', content: Buffer.from('x'.repeat(200_000)) }]);
    const lying = Buffer.from(honest);
    // rewrite the uncompressed size in the local header (offset 22) and the central directory (offset 24)
    lying.writeUInt32LE(10, lying.indexOf(Buffer.from('PK\x03\x04', 'latin1')) + 22);
    lying.writeUInt32LE(10, lying.indexOf(Buffer.from('PK\x01\x02', 'latin1')) + 24);
    const { result, attachment } = await readWithPayload(lying);
    try {
      expect(attachment.files).toEqual([]);
      expect(attachment.problems.map((problem) => problem.code)).toEqual(['zip_bomb']);
    } finally {
      await result.dispose();
    }
  });

  it('reports an entry whose name climbs out of its folder (path traversal)', async () => {
    const honest = await zipOf([{ name: 'aa/evil.txt', content: Buffer.from('owned') }]);
    const evil = Buffer.from(honest.toString('latin1').replaceAll('aa/evil.txt', '../evil.txt'), 'latin1');
    const { result, attachment } = await readWithPayload(evil);
    try {
      expect(attachment.files).toEqual([]);
      expect(attachment.problems.map((problem) => problem.code)).toEqual(['zip_path_traversal']);
    } finally {
      await result.dispose();
    }
  });

  it('reports a zip with too many entries', async () => {
    const crowded = await zipOf(Array.from({ length: 300 }, (_, index) => ({ name: `f${index}.txt`, content: Buffer.from('a') })));
    const { result, attachment } = await readWithPayload(crowded);
    try {
      expect(attachment.problems.map((problem) => problem.code)).toEqual(['zip_too_many_entries']);
    } finally {
      await result.dispose();
    }
  });

  it('reports an attachment that is not base64, and reads the rest of the message', async () => {
    const message = smallSample().replace(/(<edXML:ContentTransferEncoded[^>]*>)[^<]*/, '$1not base64 at all!');
    const result = await readEdxml(Buffer.from(message));
    try {
      if (result.kind !== 'document') throw new Error('not a document');
      expect(result.message.header.subject).toBeTruthy();
      expect(result.message.attachments[0]).toMatchObject({ files: [], problems: [expect.objectContaining({ code: 'attachment_undecodable' })] });
      expect(result.message.attachments[0].payload).toBeUndefined();
    } finally {
      await result.dispose();
    }
  });
});
