import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { EdxmlDocumentMessageInput } from '../model/outgoing';
import { EdxmlStatusCode } from '../model/message';
import type { EdxmlStatusMessageInput } from '../model/outgoing';

/** A plausible document from Bộ Y tế to two provinces, for tests and benchmarks. */
export function sampleDocument(attachments: EdxmlDocumentMessageInput['attachments'] = []): EdxmlDocumentMessageInput {
  return {
    header: {
      from: { organId: '000.00.00.G10', organName: 'Bộ Y tế', organAdd: '138A Giảng Võ, Ba Đình, Hà Nội', email: 'vanthu@moh.gov.vn' },
      to: [
        { organId: '000.00.00.H41', organName: 'UBND Tỉnh Nghệ An' },
        { organId: '000.00.00.H14', organName: 'UBND Tỉnh Cao Bằng' },
      ],
      documentId: '000.00.00.G10,2026/11/30,125/BYT-KHTC',
      code: { codeNumber: '125', codeNotation: 'BYT-KHTC' },
      promulgationInfo: { place: 'Hà Nội', promulgationDate: '2026-11-30' },
      documentType: { type: 2, typeDetail: 0, typeName: 'Công văn' },
      subject: 'V/v báo cáo tình hình thực hiện kế hoạch tài chính năm 2026',
      content: 'Đề nghị các địa phương báo cáo trước ngày 15/12/2026.',
      signerInfo: { competence: 'KT. BỘ TRƯỞNG', position: 'Thứ trưởng', fullName: 'Nguyễn Văn An' },
      dueDate: '2026-12-15',
      toPlaces: ['Như trên', 'Lưu: VT, KHTC'],
      otherInfo: { priority: 1, sphereOfPromulgation: 'Liên thông văn bản quốc gia', typerNotation: 'NVA', promulgationAmount: 3, pageAmount: 2, direction: false, appendixes: ['Phụ lục I'] },
      responseFor: [],
      steeringType: 0,
    },
    traceHeaderList: {
      traceHeaders: [{ organId: '000.00.00.G10', timestamp: '2026-11-30T09:15:00+07:00' }],
      bussiness: { bussinessDocType: 0, bussinessDocReason: 'Văn bản điện tử mới', paper: 0, staffInfo: { department: 'Văn phòng Bộ', staff: 'Nguyễn Thị Lan' }, replacementInfoList: [] },
    },
    attachments,
  };
}

export function sampleStatus(statusCode: EdxmlStatusCode = EdxmlStatusCode.Registered): EdxmlStatusMessageInput {
  return {
    header: {
      from: { organId: '000.00.00.H41', organName: 'UBND Tỉnh Nghệ An' },
      responseFor: { organId: '000.00.00.G10', code: '125/BYT-KHTC', promulgationDate: '2026-11-30', documentId: '000.00.00.G10,2026/11/30,125/BYT-KHTC' },
      staffInfo: { department: 'Văn thư', staff: 'Trần Văn Bình' },
      statusCode,
      description: 'Tiếp nhận, vào sổ văn bản đến',
      timestamp: '2026-11-30T10:00:00+07:00',
    },
  };
}

export interface GeneratedPayload {
  stream: Readable;
  /** known once the stream has been read to the end */
  sha256: () => string;
}

/**
 * A document message whose one attachment is `bytes` long, produced piece by piece: neither the
 * message nor the attachment ever exists whole in memory.
 */
export function streamedMessage(bytes: number): GeneratedPayload {
  const block = randomBytes(48 * 1024); // a multiple of 3: each block's base64 joins the next's
  const hash = createHash('sha256');
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLHeader><edXML:MessageHeader>
<edXML:From><edXML:OrganId>000.00.00.G10</edXML:OrganId></edXML:From><edXML:To><edXML:OrganId>000.00.00.H41</edXML:OrganId></edXML:To>
<edXML:DocumentId>big-1</edXML:DocumentId><edXML:Subject>Tệp lớn</edXML:Subject></edXML:MessageHeader></edXML:edXMLHeader>
<edXML:edXMLBody><edXML:edXMLManifest version="1.0"><edXML:Reference><edXML:ContentId>cid:big</edXML:ContentId><edXML:ContentType>application/octet-stream</edXML:ContentType><edXML:AttachmentName>big.bin</edXML:AttachmentName></edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody></edXML:edXMLEnvelope>
<AttachmentEncoded><Attachment><ContentId>cid:big</ContentId><AttachmentName>big.bin</AttachmentName><ContentType>application/octet-stream</ContentType><ContentTransferEncoded>`;
  const tail = '</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>';
  let remaining = bytes;
  let started = false;
  let ended = false;
  const stream = new Readable({
    read() {
      if (!started) {
        started = true;
        this.push(head);
        return;
      }
      if (remaining > 0) {
        const piece = remaining >= block.length ? block : block.subarray(0, remaining);
        remaining -= piece.length;
        hash.update(piece);
        this.push(piece.toString('base64'));
        return;
      }
      if (!ended) {
        ended = true;
        this.push(tail);
        this.push(null);
      }
    },
  });
  return { stream, sha256: () => hash.copy().digest('hex') };
}
