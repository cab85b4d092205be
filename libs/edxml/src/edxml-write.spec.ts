import fc from 'fast-check';
import { EdxmlStatusCode, EdxmlValidationError, readEdxml, validateDocumentMessage, writeDocumentMessage, writeStatusMessage, type EdxmlDocumentMessageInput, type EdxmlReadResult } from './index';
import { sampleDocument, sampleStatus } from './testing/messages';

async function reread(xml: Buffer): Promise<EdxmlReadResult> {
  const result = await readEdxml(xml);
  await result.dispose().catch(() => undefined);
  return result;
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('edXML: writing document messages receivers accept', () => {
  it('writes the layout of the samples: default namespace root, edXML: prefixes, Bussiness spelled so, attachments after the envelope', async () => {
    const xml = (await writeDocumentMessage(sampleDocument([{ attachmentName: 'cong-van.pdf', contentType: 'application/pdf', content: pdf }]))).toString('utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<edXML xmlns="http:\/\/www.mic.gov.vn\/TBT\/QCVN_102_2016">\n {2}<edXML:edXMLEnvelope xmlns:edXML="http:\/\/www.mic.gov.vn\/TBT\/QCVN_102_2016">/);
    expect(xml).toContain('<edXML:BussinessDocType>0</edXML:BussinessDocType>');
    expect(xml).toContain('<edXML:PromulgationDate>2026/11/30</edXML:PromulgationDate>');
    expect(xml).toContain('<edXML:Timestamp>2026/11/30 09:15:00</edXML:Timestamp>');
    expect(xml.indexOf('</edXML:edXMLEnvelope>')).toBeLessThan(xml.indexOf('<AttachmentEncoded>'));
    expect(xml).toContain('<edXML:ContentType>application/zip</edXML:ContentType>');
  });

  it('zips each attachment by default and reads back the very file; sends it unzipped when asked', async () => {
    for (const zipAttachments of [true, false]) {
      const result = await reread(await writeDocumentMessage(sampleDocument([{ attachmentName: 'cong-van.pdf', contentType: 'application/pdf', content: pdf, description: 'Văn bản chính' }]), { zipAttachments }));
      if (result.kind !== 'document') throw new Error('not a document');
      const [attachment] = result.message.attachments;
      expect(attachment).toMatchObject({ attachmentName: 'cong-van.pdf', description: 'Văn bản chính', zipped: zipAttachments, problems: [] });
      expect(attachment.contentType).toBe(zipAttachments ? 'application/zip' : 'application/pdf');
      expect(attachment.files).toEqual([expect.objectContaining({ name: 'cong-van.pdf', contentType: 'application/pdf', size: pdf.length })]);
    }
  });

  it('names the file inside the zip safely, whatever the AttachmentName', async () => {
    const names = ['C:report.pdf', '../../etc/passwd', 'folder\\sub\\văn bản.pdf', '..'];
    const result = await reread(await writeDocumentMessage(sampleDocument(names.map((attachmentName) => ({ attachmentName, contentType: 'application/pdf', content: pdf }))), { validation: 'receive' }));
    if (result.kind !== 'document') throw new Error('not a document');
    expect(result.message.attachments.map((attachment) => [attachment.attachmentName, attachment.files.map((file) => file.name)])).toEqual([
      ['C:report.pdf', ['C_report.pdf']],
      ['../../etc/passwd', ['passwd']],
      ['folder\\sub\\văn bản.pdf', ['văn bản.pdf']],
      ['..', ['attachment']],
    ]);
  });

  it('refuses to write a message with a field too long, naming the field', async () => {
    const message = sampleDocument();
    message.header.code = { codeNumber: '123456789012', codeNotation: 'BYT-KHTC' };
    message.header.subject = 'x'.repeat(501);
    const refusal = await writeDocumentMessage(message).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(EdxmlValidationError);
    expect((refusal as EdxmlValidationError).problems).toEqual([
      expect.objectContaining({ path: 'MessageHeader/Code/CodeNumber', code: 'too_long', severity: 'error' }),
      expect.objectContaining({ path: 'MessageHeader/Subject', code: 'too_long', severity: 'error' }),
    ]);
    expect((refusal as Error).message).toContain('MessageHeader/Code/CodeNumber');
  });

  it('lists every problem with its path: required fields, priority 0–4, duplicates, dates, control characters', () => {
    const message: EdxmlDocumentMessageInput = sampleDocument([{ attachmentName: '', contentType: 'application/pdf', content: pdf }]);
    message.header.from = { organName: 'Bộ Y tế' };
    message.header.to = [{ organId: '000.00.00.H41' }, { organId: '000.00.00.H41' }];
    message.header.subject = '';
    message.header.otherInfo!.priority = 5;
    message.header.dueDate = '2026-02-30';
    message.header.content = 'a\u0001b';
    message.header.steeringType = 7;
    message.traceHeaderList!.bussiness!.bussinessDocType = 1;
    const problems = validateDocumentMessage(message, 'send');
    expect(problems.map((problem) => `${problem.path} ${problem.code}`)).toEqual([
      'MessageHeader/From/OrganId required',
      'MessageHeader/To[2]/OrganId duplicate',
      'MessageHeader/Subject required',
      'MessageHeader/Content invalid_character',
      'MessageHeader/DueDate invalid_date',
      'MessageHeader/OtherInfo/Priority out_of_range',
      'MessageHeader/SteeringType out_of_range',
      'TraceHeaderList/Bussiness/DocumentId required',
      'Attachment[1]/AttachmentName required',
    ]);
    expect(problems.every((problem) => problem.severity === 'error')).toBe(true);
  });

  it('judges received messages leniently: only what a receiver cannot do without is an error', () => {
    const message = sampleDocument();
    message.header.code = { codeNumber: '20251016110432', codeNotation: 'GW-AUTO' };
    message.header.documentId = undefined;
    const problems = validateDocumentMessage(message, 'receive');
    expect(problems).toEqual([
      expect.objectContaining({ path: 'MessageHeader/DocumentId', code: 'required', severity: 'error' }),
      expect.objectContaining({ path: 'MessageHeader/Code/CodeNumber', code: 'too_long', severity: 'warning' }),
    ]);
  });
});

describe('edXML: elements this library does not know', () => {
  it('keeps them, with their namespace and attributes, and writes them back in their place', async () => {
    const xml = (await writeDocumentMessage(sampleDocument())).toString('utf8').replace(
      '</edXML:MessageHeader>',
      '<x:Tracking xmlns:x="urn:example:tracking" xmlns:q="urn:example:q" q:level="2" id="7"><x:Step>Sở &amp; Ban</x:Step></x:Tracking><edXML:Urgency>cao</edXML:Urgency></edXML:MessageHeader>',
    );
    const first = await reread(Buffer.from(xml));
    expect(first.message.extraElements).toEqual([
      {
        parentPath: 'edXML/edXMLEnvelope/edXMLHeader/MessageHeader',
        name: 'Tracking',
        namespace: 'urn:example:tracking',
        attributes: { '{urn:example:q}level': '2', id: '7' },
        children: [{ name: 'Step', namespace: 'urn:example:tracking', attributes: {}, text: 'Sở & Ban', children: [] }],
      },
      { parentPath: 'edXML/edXMLEnvelope/edXMLHeader/MessageHeader', name: 'Urgency', namespace: 'http://www.mic.gov.vn/TBT/QCVN_102_2016', attributes: {}, text: 'cao', children: [] },
    ]);
    expect(first.warnings.filter((warning) => warning.code === 'unknown_element')).toHaveLength(2);
    if (first.kind !== 'document') throw new Error('not a document');
    const second = await reread(await writeDocumentMessage({ ...sampleDocument(), extraElements: first.message.extraElements }));
    expect(second.message.extraElements).toEqual(first.message.extraElements);
  });
});

describe('edXML: status messages', () => {
  it.each(Object.values(EdxmlStatusCode))('writes status %s and reads it back the same', async (code) => {
    const status = sampleStatus(code);
    const xml = writeStatusMessage(status);
    expect(xml.toString('utf8')).toContain(`<edXML:StatusCode>${code}</edXML:StatusCode>`);
    const result = await reread(xml);
    expect(result).toMatchObject({ kind: 'status', warnings: [], message: { header: status.header, extraElements: [] } });
  });

  it('refuses an unknown status code and a status without the document it answers', () => {
    const status = sampleStatus();
    status.header.statusCode = '07';
    status.header.responseFor = undefined;
    const refusal = (() => {
      try {
        writeStatusMessage(status);
      } catch (error) {
        return error as EdxmlValidationError;
      }
      throw new Error('written');
    })();
    expect(refusal.problems.map((problem) => `${problem.path} ${problem.code}`)).toEqual(['MessageHeader/ResponseFor/DocumentId required', 'MessageHeader/StatusCode invalid_value']);
  });
});

describe('edXML: build → parse gives back what was built (property-based)', () => {
  // texts as users type them: Vietnamese, XML's special characters, no control characters, not blank at the ends
  const vietnamese = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠẤỆỮ0123456789 <>&"\'/-.,:;\n\t'.split(''));
  const text = (maxLength: number) =>
    fc
      .string({ unit: fc.oneof({ arbitrary: vietnamese, weight: 4 }, { arbitrary: fc.constantFrom('grapheme' as const).chain((unit) => fc.string({ unit, maxLength: 1 })), weight: 1 }), minLength: 1, maxLength })
      .map((value) => [...value].slice(0, maxLength).join('').trim())
      // what XML 1.0 cannot carry at all is refused by validation, tested above
      .filter((value) => value.length > 0 && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/.test(value));
  const organId = fc.stringMatching(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/);
  const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10));
  const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((value) => {
    const local = new Date(Math.floor(value.getTime() / 1000) * 1000 + 7 * 3600 * 1000).toISOString().slice(0, 19);
    return `${local}+07:00`;
  });
  const organization = fc.record({ organId, organName: text(200) }, { requiredKeys: ['organId'] });

  const document = fc.record({
    from: fc.record({ organId, organName: text(200), email: text(100) }, { requiredKeys: ['organId', 'organName'] }),
    to: fc.uniqueArray(organization, { minLength: 1, maxLength: 4, selector: (to) => to.organId }),
    documentId: text(100),
    codeNumber: fc.stringMatching(/^\d{1,11}$/),
    codeNotation: text(30),
    promulgationDate: date,
    typeName: text(100),
    subject: text(500),
    content: fc.option(text(500), { nil: undefined }),
    priority: fc.integer({ min: 0, max: 4 }),
    direction: fc.boolean(),
    appendixes: fc.array(text(250), { maxLength: 3 }),
    toPlaces: fc.array(text(150), { maxLength: 3 }),
    steeringType: fc.integer({ min: 0, max: 2 }),
    traces: fc.array(fc.record({ organId, timestamp: instant }), { maxLength: 3 }),
    bussinessDocType: fc.integer({ min: 0, max: 3 }),
    attachments: fc.array(fc.record({ attachmentName: text(60).map((name) => `${name.replace(/[/\\]/g, '-')}.txt`), bytes: fc.uint8Array({ minLength: 1, maxLength: 3000 }), zip: fc.boolean() }), { maxLength: 3 }),
  });

  it('any valid document message', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (generated) => {
        const input: EdxmlDocumentMessageInput = {
          header: {
            from: generated.from,
            to: generated.to,
            documentId: generated.documentId,
            code: { codeNumber: generated.codeNumber, codeNotation: generated.codeNotation },
            promulgationInfo: { promulgationDate: generated.promulgationDate },
            documentType: { typeName: generated.typeName },
            subject: generated.subject,
            ...(generated.content ? { content: generated.content } : {}),
            toPlaces: generated.toPlaces,
            otherInfo: { priority: generated.priority, direction: generated.direction, appendixes: generated.appendixes },
            responseFor: [],
            steeringType: generated.steeringType,
          },
          traceHeaderList: {
            traceHeaders: generated.traces,
            bussiness: { bussinessDocType: generated.bussinessDocType, ...(generated.bussinessDocType ? { documentId: generated.documentId } : {}), replacementInfoList: [] },
          },
          attachments: generated.attachments.map((attachment) => ({ attachmentName: attachment.attachmentName, contentType: 'text/plain', content: Buffer.from(attachment.bytes), zip: attachment.zip })),
        };
        const result = await readEdxml(await writeDocumentMessage(input));
        try {
          if (result.kind !== 'document') throw new Error('not a document');
          expect(result.message.header).toEqual(input.header);
          expect(result.message.traceHeaderList).toEqual(input.traceHeaderList);
          expect(result.message.extraElements).toEqual([]);
          for (const [index, attachment] of result.message.attachments.entries()) {
            expect(attachment.zipped).toBe(generated.attachments[index].zip);
            expect(await attachment.files[0].read()).toEqual(Buffer.from(generated.attachments[index].bytes));
          }
        } finally {
          await result.dispose();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('any valid status message', async () => {
    const status = fc.record({
      from: organization,
      documentId: text(100),
      statusCode: fc.constantFrom(...Object.values(EdxmlStatusCode)),
      description: fc.option(text(500), { nil: undefined }),
      timestamp: instant,
    });
    await fc.assert(
      fc.asyncProperty(status, async (generated) => {
        const header = {
          from: generated.from,
          responseFor: { documentId: generated.documentId },
          statusCode: generated.statusCode,
          ...(generated.description ? { description: generated.description } : {}),
          timestamp: generated.timestamp,
        };
        const result = await reread(writeStatusMessage({ header }));
        expect(result.message.header).toEqual(header);
      }),
      { numRuns: 100 },
    );
  });
});
