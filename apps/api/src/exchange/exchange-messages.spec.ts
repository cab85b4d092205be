import { EdxmlBussinessDocType, EdxmlStatusCode, readEdxml, writeDocumentMessage } from '@app/edxml';
import { documentTypeOf, receivedMetadata } from './inbox/received-metadata';
import { documentMessage, edxmlDocumentId, OutgoingSnapshot, splitNumberAndNotation } from './outbox/document-message';
import { statusOfHistory } from './outbox/incoming-status-subscriber';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A letter of Bộ Y tế to Bộ Tài chính, as the outbox reads it from the database; `changes` what a test is about. */
const letter = (changes: Partial<OutgoingSnapshot>) =>
  documentMessage({
    from: { organId: '000.00.00.G10', organName: 'Bộ Y tế' },
    to: { organId: '000.00.00.G12', organName: 'Bộ Tài chính' },
    numberAndNotation: '05/BYT-PC',
    issuedOn: '2026-11-30',
    documentType: 'official_letter',
    subject: 'V/v góp ý dự thảo thông tư',
    urgency: 'very_urgent',
    signer: { fullName: 'Phạm Quốc Hùng', position: 'Thứ trưởng' },
    staff: { department: 'Văn thư', staff: 'Nguyễn Thị Lan' },
    bussinessDocType: EdxmlBussinessDocType.New,
    reason: null,
    replaces: null,
    attachments: [{ attachmentName: 'Công văn 05.pdf', contentType: 'application/pdf', content: PDF }],
    now: new Date('2026-11-30T03:00:00Z'),
    ...changes,
  });

describe('the messages of the interconnection', () => {
  it('names a document by organ, date and number, the same on every retry', () => {
    expect(edxmlDocumentId('000.00.00.G10', '2026-11-30', '15/QĐ-BYT')).toBe('000.00.00.G10,2026/11/30,15/QĐ-BYT');
    expect(splitNumberAndNotation('05/BYT-PC')).toEqual({ codeNumber: '05', codeNotation: 'BYT-PC' });
    expect(splitNumberAndNotation('05')).toEqual({ codeNumber: '05' });
  });

  it('writes a document message the receiving side reads back into the incoming document’s fields', async () => {
    const message = letter({});
    const read = await readEdxml(await writeDocumentMessage(message));
    try {
      expect(read.kind).toBe('document');
      if (read.kind !== 'document') return;
      expect(read.message.header.documentId).toBe('000.00.00.G10,2026/11/30,05/BYT-PC');
      expect(read.message.traceHeaderList?.bussiness).toMatchObject({ bussinessDocType: EdxmlBussinessDocType.New, bussinessDocReason: 'Văn bản điện tử mới' });
      expect(receivedMetadata(read.message, '2026-12-01')).toMatchObject({
        issuerName: 'Bộ Y tế',
        numberAndNotation: '05/BYT-PC',
        promulgatedOn: '2026-11-30',
        documentType: 'official_letter',
        subject: 'V/v góp ý dự thảo thông tư',
        signerName: 'Phạm Quốc Hùng',
        signerPosition: 'Thứ trưởng',
        urgency: 'very_urgent',
      });
      const [file] = read.message.attachments.flatMap((attachment) => attachment.files);
      expect(file).toMatchObject({ name: 'Công văn 05.pdf', size: PDF.length });
      expect(await file.read()).toEqual(PDF);
    } finally {
      await read.dispose();
    }
  });

  it('writes a replacement as the samples do: the new document with its file, Bussiness 3, the reason, ReplacementInfo naming the old DocumentId and the receiver', async () => {
    const replaced = edxmlDocumentId('000.00.00.G10', '2026-11-02', '05/BYT-PC');
    const message = letter({
      numberAndNotation: '09/BYT-PC',
      subject: 'V/v góp ý dự thảo thông tư (thay thế Công văn 05/BYT-PC)',
      bussinessDocType: EdxmlBussinessDocType.Replace,
      reason: 'Sai số liệu tại phụ lục',
      replaces: replaced,
      attachments: [{ attachmentName: 'Công văn 09.pdf', contentType: 'application/pdf', content: PDF }],
    });
    const read = await readEdxml(await writeDocumentMessage(message));
    try {
      if (read.kind !== 'document') throw new Error(`read as ${read.kind}`);
      expect(read.message.header.documentId).toBe('000.00.00.G10,2026/11/30,09/BYT-PC');
      const bussiness = read.message.traceHeaderList?.bussiness;
      expect(bussiness).toMatchObject({ bussinessDocType: EdxmlBussinessDocType.Replace, bussinessDocReason: 'Sai số liệu tại phụ lục' });
      expect(bussiness?.replacementInfoList).toEqual([{ documentId: '000.00.00.G10,2026/11/02,05/BYT-PC', organIdList: ['000.00.00.G12'] }]);
      // Bussiness names the new document itself; the old one only in ReplacementInfo
      expect(bussiness?.documentId).toBe('000.00.00.G10,2026/11/30,09/BYT-PC');
      const [file] = read.message.attachments.flatMap((attachment) => attachment.files);
      expect(await file.read()).toEqual(PDF);
    } finally {
      await read.dispose();
    }
  });

  it('keys the received type on its name, whatever number the sender uses', () => {
    expect(documentTypeOf('Quyết định')).toBe('decision');
    expect(documentTypeOf('QUYẾT ĐỊNH')).toBe('decision');
    expect(documentTypeOf('Công văn')).toBe('official_letter');
    expect(documentTypeOf('Loại lạ')).toBe('official_letter');
    expect(documentTypeOf(undefined)).toBe('official_letter');
  });

  it('turns the steps of the incoming work into the statuses owed to the sender', () => {
    expect(statusOfHistory('registered', null)).toBe(EdxmlStatusCode.Registered);
    expect(statusOfHistory('directed', null)).toBe(EdxmlStatusCode.Assigned);
    expect(statusOfHistory('delegated', null)).toBe(EdxmlStatusCode.InProgress);
    expect(statusOfHistory('progress', null)).toBe(EdxmlStatusCode.InProgress);
    expect(statusOfHistory('completed', { role: 'support' })).toBe(EdxmlStatusCode.InProgress);
    expect(statusOfHistory('completed', { role: 'lead' })).toBe(EdxmlStatusCode.Completed);
    expect(statusOfHistory('rejected', { reason: 'Sai địa chỉ' })).toBe(EdxmlStatusCode.Refused);
    // what the sender need not hear
    for (const action of ['received', 'submitted', 'stamped', 'text_extracted', 'returned', 'recalled']) expect(statusOfHistory(action, null)).toBeNull();
  });
});
