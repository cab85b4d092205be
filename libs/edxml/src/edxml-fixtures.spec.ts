import { createReadStream, readFileSync } from 'node:fs';
import { fromEdxmlJson, toEdxmlJson } from './cli/edxml-json';
import { EdxmlBussinessDocType, EdxmlRefusedError, EdxmlStatusCode, readEdxml, writeDocumentMessage, writeStatusMessage, type EdxmlReadResult } from './index';
import { allFixtures, fixture } from './testing/fixtures';

/** Reads a message and always removes its temporary files. */
async function read<T>(path: string, use: (result: EdxmlReadResult) => Promise<T> | T): Promise<T> {
  const result = await readEdxml(createReadStream(path));
  try {
    return await use(result);
  } finally {
    await result.dispose();
  }
}

/** parse → build → parse through the JSON form the command line uses; the signature is not carried over (a rebuilt message is signed anew). */
async function roundTrip(path: string) {
  const first = await read(path, (result) => toEdxmlJson(result, { withContent: true }));
  const input = fromEdxmlJson(first, '/');
  const rebuilt = input.kind === 'status' ? writeStatusMessage(input.message, { validation: 'receive' }) : await writeDocumentMessage(input.message, { validation: 'receive' });
  const second = await readEdxml(rebuilt).then(async (result) => {
    try {
      return await toEdxmlJson(result, { withContent: true });
    } finally {
      await result.dispose();
    }
  });
  const withoutSignature = ({ message }: typeof first) => ({ ...message, signature: undefined });
  return { first: withoutSignature(first), second: withoutSignature(second), firstWarnings: first.warnings, secondWarnings: second.warnings };
}

describe('edXML: every shared sample message', () => {
  const fixtures = allFixtures();
  const readable = fixtures.filter(({ name }) => !name.startsWith('malformed_'));

  it('finds the samples', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures.filter(({ name }) => name.startsWith('malformed_')).map(({ name, path }) => [name, path]))('refuses %s as not well-formed, naming the place', async (_name, path) => {
    const refusal = await readEdxml(readFileSync(path)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(EdxmlRefusedError);
    expect(refusal).toMatchObject({ code: 'NOT_WELL_FORMED', message: expect.stringMatching(/line \d+, column \d+/) });
  });

  it.each(readable.map(({ name, path }) => [name, path]))('reads %s, and parse → build → parse gives the same message', async (name, path) => {
    const { first, second, firstWarnings, secondWarnings } = await roundTrip(path);
    expect(second).toEqual(first);
    if (name.startsWith('nonconformant_')) expect(firstWarnings.map((warning) => warning.code)).toContain('unexpected_place');
    // our own writing brings nothing odd in (it only adds a manifest where one was missing)
    const before = firstWarnings.map((warning) => `${warning.code} ${warning.path}`);
    expect(secondWarnings.map((warning) => `${warning.code} ${warning.path}`).filter((warning) => !before.includes(warning))).toEqual([]);
  });
});

describe('edXML: what the samples say', () => {
  it('reads every field of a new document from the Government Office, the zip unpacked into the real file', async () => {
    await read(fixture('edoc_new_small.edxml'), async (result) => {
      expect(result.kind).toBe('document');
      if (result.kind !== 'document') return;
      const { header, traceHeaderList, attachments } = result.message;
      expect(header.from.organId).toBe('000.00.00.A80');
      expect(header.to.map((to) => to.organId)).toEqual(['28.22.H17']);
      expect(header.documentId).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
      expect(header.code).toEqual({ codeNumber: '74fass22', codeNotation: 'VPCP-TTĐT' });
      expect(header.promulgationInfo).toEqual({ place: 'Hà Nội', promulgationDate: '2019-01-16' });
      expect(header.documentType).toEqual({ type: 1, typeDetail: 0, typeName: 'Công văn' });
      expect(header.signerInfo).toEqual({ competence: 'TL. BO TRUONG', position: 'Cuc truong cuc ung dung cong nghe thong tin', fullName: 'Nguyen Thanh Phuc' });
      expect(header.dueDate).toBe('2018-09-28');
      expect(header.otherInfo).toEqual({
        priority: 0,
        sphereOfPromulgation: 'Liên thông văn bản quốc gia',
        typerNotation: 'TVC',
        promulgationAmount: 2,
        pageAmount: 22,
        direction: false,
        appendixes: ['Công văn về việc kết nối, liên thông phần mềm quản lý văn bản'],
      });
      expect(header.steeringType).toBe(1);
      expect(header.toPlaces).toEqual(['Cac bo va co quan ngang bo', 'Uy ban nhan dan cac tinh, TP']);
      expect(traceHeaderList?.traceHeaders).toEqual([{ organId: '000.00.00.G22', timestamp: '2018-09-28T00:00:00+07:00' }]);
      expect(traceHeaderList?.bussiness).toMatchObject({ bussinessDocType: EdxmlBussinessDocType.New, bussinessDocReason: 'Văn bản điện tử mới', paper: 0, staffInfo: { staff: 'Nguyễn Thị Ngọc Trâm' } });
      expect(attachments).toHaveLength(1);
      expect(attachments[0]).toMatchObject({ contentId: 'cid:209', attachmentName: '1896_QD-TTg_m_294779.doc', contentType: 'application/zip', zipped: true, problems: [] });
      const [file] = attachments[0].files;
      expect(file).toMatchObject({ name: '1896_QD-TTg_m_294779.pdf', contentType: 'application/pdf', size: 617 });
      expect((await file.read()).subarray(0, 5).toString()).toBe('%PDF-');
      expect(result.message.signature).toMatchObject({ signatureMethod: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', x509SubjectName: 'CN=user05' });
    });
  });

  it.each([
    ['edoc_revocation_small.edxml', EdxmlBussinessDocType.Recall],
    ['edoc_update_small.edxml', EdxmlBussinessDocType.Update],
    ['edoc_replacement_small.edxml', EdxmlBussinessDocType.Replace],
  ])('%s says what it does to the earlier document (BussinessDocType %s)', async (name, type) => {
    await read(fixture(name), (result) => {
      expect(result.message.traceHeaderList?.bussiness?.bussinessDocType).toBe(type);
    });
  });

  it('reads the receivers of an update and the replaced documents of a replacement', async () => {
    await read(fixture('edoc_update_small.edxml'), (result) => {
      expect(result.message.traceHeaderList?.bussiness?.bussinessDocumentInfo).toEqual({
        documentInfo: 1,
        documentReceiver: 1,
        receiverList: [
          { organId: '000.00.00.H41', receiverType: 0 },
          { organId: '000.00.00.H14', receiverType: 1 },
        ],
      });
    });
    await read(fixture('edoc_replacement_small.edxml'), (result) => {
      const replacements = result.message.traceHeaderList?.bussiness?.replacementInfoList ?? [];
      expect(replacements.length).toBeGreaterThan(0);
      expect(replacements[0].organIdList.length).toBeGreaterThan(0);
    });
  });

  it('reads Bussiness placed before the TraceHeaders, and three receivers', async () => {
    await read(fixture('edoc_vpcp_three_receivers.edxml'), (result) => {
      if (result.kind !== 'document') throw new Error('not a document');
      expect(result.message.header.to).toHaveLength(3);
      expect(result.message.traceHeaderList?.bussiness).toBeDefined();
      expect(result.message.traceHeaderList?.traceHeaders.length).toBeGreaterThan(0);
    });
  });

  it.each([
    ['status_01_arrived.edxml', EdxmlStatusCode.Arrived],
    ['status_01_sample.edxml', EdxmlStatusCode.Arrived],
    ['status_02_rejected.edxml', EdxmlStatusCode.Refused],
    ['status_03_registered.edxml', EdxmlStatusCode.Registered],
    ['status_04_assigned.edxml', EdxmlStatusCode.Assigned],
    ['status_05_processing.edxml', EdxmlStatusCode.InProgress],
    ['status_06_finished.edxml', EdxmlStatusCode.Completed],
    ['status_13_recall_request.edxml', EdxmlStatusCode.RecallRequested],
    ['status_15_change_accepted.edxml', EdxmlStatusCode.ChangeAccepted],
    ['status_16_change_rejected.edxml', EdxmlStatusCode.ChangeRefused],
  ])('%s is a status message with code %s for the document it answers', async (name, code) => {
    await read(fixture(name), (result) => {
      expect(result.kind).toBe('status');
      if (result.kind !== 'status') return;
      expect(result.message.header.statusCode).toBe(code);
      expect(result.message.header.responseFor?.documentId).toBeTruthy();
      expect(result.message.header.from.organId).toBeTruthy();
      expect(result.message.header.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      expect(result.warnings).toEqual([]);
    });
  });

  it('reads a day-first PromulgationDate and a DocumentId inside Bussiness', async () => {
    await read(fixture('bkav_tayninh_day_first_date.edxml'), (result) => {
      if (result.kind !== 'document') throw new Error('not a document');
      expect(result.message.header.promulgationInfo?.promulgationDate).toBe('2020-10-30');
      expect(result.message.traceHeaderList?.bussiness?.documentId).toBe('000.00.00.G22,2014/02/30,7806/VPCP-TTĐT');
      // its payload was cut: said on the attachment, the message is still read
      expect(result.message.attachments[0].problems.map((problem) => problem.code)).toEqual(['zip_unreadable']);
    });
  });

  it('takes the literal "null" organ id and an axis TraceHeader without one as no organ id; odd organ ids are kept', async () => {
    await read(fixture('gateway_2025_received_back.edxml'), (result) => {
      expect(result.message.traceHeaderList?.traceHeaders).toEqual([{ timestamp: '2025-10-23T16:28:42+07:00' }, { timestamp: '2025-10-23T16:28:43+07:00' }]);
      expect(result.message.header.from.organId).toBe('vxp.saas.03');
    });
  });

  it('reports a PDF damaged on the way on its attachment, without refusing the message', async () => {
    await read(fixture('gateway_2025_report_corrupted_pdf.edxml'), (result) => {
      if (result.kind !== 'document') throw new Error('not a document');
      const [attachment] = result.message.attachments;
      expect(attachment.problems).toEqual([expect.objectContaining({ code: 'attachment_content_invalid', path: `Attachment[${attachment.contentId}]` })]);
      expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'attachment_content_invalid' }));
      expect(result.message.header.otherInfo?.appendixes).toEqual(['Phụ lục 1', 'Phụ lục 2']);
    });
  });

  it('tolerates a manifest and an attachment that disagree on the type: the zip is unpacked whatever was declared', async () => {
    await read(fixture('gateway_older_no_business.edxml'), (result) => {
      if (result.kind !== 'document') throw new Error('not a document');
      expect(result.message.traceHeaderList?.bussiness).toBeUndefined();
      expect(result.message.attachments.map((attachment) => [attachment.manifestContentType, attachment.contentType, attachment.zipped])).toEqual([
        ['text/plain', 'application/zip', true],
        ['text/plain', 'application/zip', true],
        ['text/plain', 'application/zip', true],
      ]);
      expect(result.message.attachments.every((attachment) => attachment.files.length === 1 && attachment.files[0].contentType === 'text/plain')).toBe(true);
    });
  });

  it('reads a minimal message with no TraceHeaderList', async () => {
    await read(fixture('gateway_minimal.edxml'), (result) => {
      if (result.kind !== 'document') throw new Error('not a document');
      expect(result.message.traceHeaderList).toBeUndefined();
      expect(result.message.header.subject).toBe('Test Subject');
    });
  });

  it('reads the header of a non-conformant message and says its attachments are not where the standard puts them', async () => {
    await read(fixture('nonconformant_gateway_v0.edxml'), (result) => {
      if (result.kind !== 'document') throw new Error('not a document');
      expect(result.message.header.documentId).toBe('GW-20251014073327634-773');
      expect(result.message.attachments).toEqual([]);
      expect(result.message.extraElements.map((extra) => `${extra.parentPath}/${extra.name}`)).toEqual(['edXML/edXMLEnvelope/edXMLBody/Content', 'edXML/edXMLEnvelope/edXMLAttachments']);
      expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'unexpected_place' }));
    });
  });

  it('reads a signature in the edXML namespace, CRLF line ends and an empty ResponseFor', async () => {
    await read(fixture('sdk_2019_received_via_axis.edxml'), (result) => {
      if (result.kind !== 'document') throw new Error('not a document');
      expect(result.message.signature?.namespace).toBe('http://www.mic.gov.vn/TBT/QCVN_102_2016');
      expect(result.message.header.responseFor).toEqual([]);
      expect(result.message.header.subject).toBe('Văn bản liên thông chỉ đạo - 190701');
      expect(result.message.traceHeaderList?.traceHeaders).toHaveLength(2);
    });
  });
});
