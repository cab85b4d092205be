import type { Readable } from 'node:stream';
import type { EdxmlProblem } from './problems';

/**
 * The typed form of QCVN 102:2016 messages. Field names are the element names of the standard in
 * camelCase (so `bussiness`, spelled as on the wire). Dates are ISO: a calendar date `YYYY-MM-DD`
 * (PromulgationDate, DueDate), an instant with the Vietnam offset `YYYY-MM-DDTHH:mm:ss+07:00`
 * (Timestamp). Optional fields are absent when the sender left them out or empty.
 */

/** From / To / Organization (jar `base.header.Organization`) */
export interface EdxmlOrganization {
  organId?: string;
  organizationInCharge?: string;
  organName?: string;
  organAdd?: string;
  email?: string;
  telephone?: string;
  fax?: string;
  website?: string;
}

export interface EdxmlCode {
  /** not always a number in real messages (`74fass22`): kept as text */
  codeNumber?: string;
  codeNotation?: string;
}

export interface EdxmlPromulgationInfo {
  place?: string;
  promulgationDate?: string;
}

export interface EdxmlDocumentType {
  /** semantics differ between producers (1 QPPL / 2 hành chính, or 1 for every "Công văn"): passed through */
  type?: number;
  typeDetail?: number;
  typeName?: string;
}

export interface EdxmlSignerInfo {
  competence?: string;
  position?: string;
  fullName?: string;
}

/** 0 Thường, 1 Khẩn, 2 Thượng khẩn, 3 Hỏa tốc, 4 Hỏa tốc hẹn giờ */
export enum EdxmlPriority {
  Normal = 0,
  Urgent = 1,
  VeryUrgent = 2,
  Flash = 3,
  FlashScheduled = 4,
}

export interface EdxmlOtherInfo {
  priority?: number;
  sphereOfPromulgation?: string;
  typerNotation?: string;
  promulgationAmount?: number;
  pageAmount?: number;
  direction?: boolean;
  appendixes: string[];
}

export interface EdxmlResponseFor {
  organId?: string;
  /** Number/Notation as one text, e.g. `7816/VPCP-TTĐT` */
  code?: string;
  promulgationDate?: string;
  documentId?: string;
}

/** 0 không phải chỉ đạo, 1 chỉ đạo, 2 báo cáo chỉ đạo */
export enum EdxmlSteeringType {
  NotSteering = 0,
  Steering = 1,
  SteeringReport = 2,
}

export interface EdxmlMessageHeader {
  from: EdxmlOrganization;
  /** as sent: real senders sometimes name one agency twice */
  to: EdxmlOrganization[];
  /** opaque: `OrganId,yyyy/MM/dd,Number/Notation` or a UUID */
  documentId?: string;
  code?: EdxmlCode;
  promulgationInfo?: EdxmlPromulgationInfo;
  documentType?: EdxmlDocumentType;
  subject?: string;
  content?: string;
  signerInfo?: EdxmlSignerInfo;
  dueDate?: string;
  toPlaces: string[];
  otherInfo?: EdxmlOtherInfo;
  responseFor: EdxmlResponseFor[];
  steeringType?: number;
  /** jar only; meaning not verified: passed through */
  responseForTask?: string;
  applicationType?: string;
}

export interface EdxmlTraceHeader {
  /** absent for the TraceHeaders the axis inserts itself (also when it writes the literal `null`) */
  organId?: string;
  timestamp?: string;
}

export interface EdxmlStaffInfo {
  department?: string;
  staff?: string;
  mobile?: string;
  email?: string;
  departmentId?: string;
  staffId?: string;
}

/** BussinessDocType: what the message does to a document */
export enum EdxmlBussinessDocType {
  New = 0,
  Recall = 1,
  Update = 2,
  Replace = 3,
}

export interface EdxmlReceiver {
  organId?: string;
  receiverType?: number;
}

export interface EdxmlBussinessDocumentInfo {
  documentInfo?: number;
  documentReceiver?: number;
  receiverList: EdxmlReceiver[];
}

export interface EdxmlReplacementInfo {
  documentId?: string;
  organIdList: string[];
}

export interface EdxmlBussiness {
  /** the document this one recalls, updates or replaces */
  documentId?: string;
  bussinessDocType?: EdxmlBussinessDocType;
  bussinessDocReason?: string;
  /** 1 = a paper copy is sent too */
  paper?: number;
  staffInfo?: EdxmlStaffInfo;
  bussinessDocumentInfo?: EdxmlBussinessDocumentInfo;
  replacementInfoList: EdxmlReplacementInfo[];
}

export interface EdxmlTraceHeaderList {
  traceHeaders: EdxmlTraceHeader[];
  bussiness?: EdxmlBussiness;
}

export interface EdxmlManifestReference {
  contentId?: string;
  contentType?: string;
  description?: string;
  attachmentName?: string;
}

/** The XML signature in the header, described (not verified, not re-emitted: a rebuilt message is signed anew). */
export interface EdxmlSignatureInfo {
  namespace: string;
  signatureMethod?: string;
  digestValue?: string;
  x509SubjectName?: string;
  x509Certificate?: string;
}

/** An element this library does not know, kept as it came (with its place) and written back there. */
export interface EdxmlXmlElement {
  name: string;
  namespace?: string;
  attributes: Record<string, string>;
  text?: string;
  children: EdxmlXmlElement[];
}

export interface EdxmlExtraElement extends EdxmlXmlElement {
  /** the known element it sits in, e.g. `edXMLEnvelope/edXMLHeader/MessageHeader` */
  parentPath: string;
}

/** Bytes held by the reader: in memory when small, in a temporary file otherwise (see `dispose`). */
export interface EdxmlContent {
  size: number;
  /** hex */
  sha256: string;
  open(): Readable;
  /** the whole content in memory: only for contents known to be small */
  read(): Promise<Buffer>;
}

/** A real file of an attachment: the payload itself, or one file of the zip it was. */
export interface EdxmlAttachmentFile extends EdxmlContent {
  name: string;
  /** from the name's extension when zipped, else the declared type */
  contentType: string;
}

export interface EdxmlAttachment {
  contentId?: string;
  attachmentName?: string;
  description?: string;
  /** as declared in AttachmentEncoded/Attachment */
  contentType?: string;
  /** as declared in the manifest Reference with the same ContentId (may disagree) */
  manifestContentType?: string;
  /** the decoded payload exactly as sent; absent when it could not be decoded */
  payload?: EdxmlContent;
  /** true when the payload is a zip (whatever was declared) and was unpacked into `files` */
  zipped: boolean;
  /** the real files to store: the zip's files, or the payload itself when not zipped */
  files: EdxmlAttachmentFile[];
  /** what is wrong with this attachment; never fatal to the message */
  problems: EdxmlProblem[];
}

export interface EdxmlDocumentMessage {
  kind: 'document';
  header: EdxmlMessageHeader;
  traceHeaderList?: EdxmlTraceHeaderList;
  manifest: EdxmlManifestReference[];
  attachments: EdxmlAttachment[];
  signature?: EdxmlSignatureInfo;
  extraElements: EdxmlExtraElement[];
}

/** Status codes of the status message (gói tin trạng thái); 13 is sent by the document's sender. */
export enum EdxmlStatusCode {
  /** 01 Đã đến: the software received it, the clerk has not handled it yet */
  Arrived = '01',
  /** 02 Từ chối tiếp nhận */
  Refused = '02',
  /** 03 Tiếp nhận, vào sổ văn bản đến */
  Registered = '03',
  /** 04 Lãnh đạo phân công xử lý */
  Assigned = '04',
  /** 05 Đang xử lý */
  InProgress = '05',
  /** 06 Hoàn thành */
  Completed = '06',
  /** 13 Yêu cầu lấy lại văn bản (by the sender) */
  RecallRequested = '13',
  /** 15 Đồng ý cập nhật/lấy lại */
  ChangeAccepted = '15',
  /** 16 Từ chối cập nhật/lấy lại */
  ChangeRefused = '16',
}

export const EDXML_STATUS_CODES: readonly EdxmlStatusCode[] = Object.values(EdxmlStatusCode);

export interface EdxmlStatusHeader {
  from: EdxmlOrganization;
  responseFor?: EdxmlResponseFor;
  staffInfo?: EdxmlStaffInfo;
  /** one of EdxmlStatusCode; an unknown code is kept as sent with a warning */
  statusCode: EdxmlStatusCode | (string & {});
  description?: string;
  timestamp?: string;
}

export interface EdxmlStatusMessage {
  kind: 'status';
  header: EdxmlStatusHeader;
  traceHeaderList?: EdxmlTraceHeaderList;
  signature?: EdxmlSignatureInfo;
  extraElements: EdxmlExtraElement[];
}

export type EdxmlMessage = EdxmlDocumentMessage | EdxmlStatusMessage;
