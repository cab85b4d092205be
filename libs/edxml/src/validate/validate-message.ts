import { parseEdxmlDate, parseEdxmlTimestamp } from '../dates';
import { EDXML_STATUS_CODES, type EdxmlDocumentMessage, type EdxmlOrganization, type EdxmlStaffInfo, type EdxmlStatusMessage, type EdxmlTraceHeaderList } from '../model/message';
import type { EdxmlDocumentMessageInput, EdxmlStatusMessageInput } from '../model/outgoing';
import type { EdxmlProblem, EdxmlProblemCode, EdxmlProblemSeverity } from '../model/problems';
import { MAX_LENGTH } from './field-lengths';

/**
 * `send`: what we write must pass (required fields, lengths, code values are errors);
 * `receive`: what others sent is judged leniently — only what a receiver cannot do without is an
 * error (who sent it, which document, its subject / which status for which document).
 */
export type EdxmlValidationMode = 'send' | 'receive';

/** Characters XML 1.0 cannot carry at all (a message holding one is not well-formed). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

class Checker {
  readonly problems: EdxmlProblem[] = [];
  constructor(private readonly mode: EdxmlValidationMode) {}

  add(path: string, code: EdxmlProblemCode, message: string, severity: EdxmlProblemSeverity = this.mode === 'send' ? 'error' : 'warning') {
    this.problems.push({ path, code, severity, message });
  }

  /** required when sending; `critical` also when receiving */
  required(path: string, value: unknown, critical = false) {
    const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (missing) this.add(path, 'required', 'is required', critical || this.mode === 'send' ? 'error' : 'warning');
  }

  text(path: string, value: string | undefined, field: keyof typeof MAX_LENGTH | null = null) {
    if (value === undefined) return;
    if (NOT_XML.test(value)) this.add(path, 'invalid_character', 'holds a control character XML cannot carry', 'error');
    const max = field ? MAX_LENGTH[field] : undefined;
    const length = [...value].length;
    if (max !== undefined && length > max) this.add(path, 'too_long', `is ${length} characters long, at most ${max} allowed`);
  }

  oneOf(path: string, value: number | undefined, allowed: number[], meaning: string) {
    if (value !== undefined && !allowed.includes(value)) this.add(path, 'out_of_range', `is ${value}, must be ${meaning}`);
  }

  date(path: string, value: string | undefined) {
    if (value !== undefined && !parseEdxmlDate(value)) this.add(path, 'invalid_date', `${JSON.stringify(value)} is not a date`, 'error');
  }

  timestamp(path: string, value: string | undefined) {
    if (value !== undefined && !parseEdxmlTimestamp(value)) this.add(path, 'invalid_date', `${JSON.stringify(value)} is not a time`, 'error');
  }

  organization(path: string, organization: EdxmlOrganization | undefined, critical: boolean) {
    this.required(`${path}/OrganId`, organization?.organId, critical);
    if (!organization) return;
    this.text(`${path}/OrganId`, organization.organId, 'organId');
    this.text(`${path}/OrganizationInCharge`, organization.organizationInCharge, 'organizationInCharge');
    this.text(`${path}/OrganName`, organization.organName, 'organName');
    this.text(`${path}/OrganAdd`, organization.organAdd, 'organAdd');
    this.text(`${path}/Email`, organization.email, 'email');
    this.text(`${path}/Telephone`, organization.telephone, 'telephone');
    this.text(`${path}/Fax`, organization.fax, 'fax');
    this.text(`${path}/Website`, organization.website, 'website');
  }

  staffInfo(path: string, staff: EdxmlStaffInfo | undefined) {
    if (!staff) return;
    this.text(`${path}/Department`, staff.department, 'department');
    this.text(`${path}/Staff`, staff.staff, 'staff');
    this.text(`${path}/Mobile`, staff.mobile, 'mobile');
    this.text(`${path}/Email`, staff.email, 'email');
    this.text(`${path}/DepartmentId`, staff.departmentId);
    this.text(`${path}/StaffId`, staff.staffId);
  }

  traceHeaderList(list: EdxmlTraceHeaderList | undefined) {
    if (!list) return;
    list.traceHeaders.forEach((trace, index) => {
      this.text(`TraceHeaderList/TraceHeader[${index + 1}]/OrganId`, trace.organId);
      this.timestamp(`TraceHeaderList/TraceHeader[${index + 1}]/Timestamp`, trace.timestamp);
    });
    const bussiness = list.bussiness;
    if (!bussiness) return;
    const path = 'TraceHeaderList/Bussiness';
    this.text(`${path}/DocumentId`, bussiness.documentId);
    this.oneOf(`${path}/BussinessDocType`, bussiness.bussinessDocType, [0, 1, 2, 3], '0 (new), 1 (recall), 2 (update) or 3 (replace)');
    // producers leave it out of recalls too (the operator's own samples): required only of what we send
    if (this.mode === 'send' && bussiness.bussinessDocType !== undefined && bussiness.bussinessDocType !== 0) this.required(`${path}/DocumentId`, bussiness.documentId);
    this.text(`${path}/BussinessDocReason`, bussiness.bussinessDocReason, 'bussinessDocReason');
    this.oneOf(`${path}/Paper`, bussiness.paper, [0, 1], '0 or 1');
    this.staffInfo(`${path}/StaffInfo`, bussiness.staffInfo);
    bussiness.bussinessDocumentInfo?.receiverList.forEach((receiver, index) => this.text(`${path}/BussinessDocumentInfo/ReceiverList/Receiver[${index + 1}]/OrganId`, receiver.organId, 'organId'));
    bussiness.replacementInfoList.forEach((replacement, index) => {
      this.text(`${path}/ReplacementInfoList/ReplacementInfo[${index + 1}]/DocumentId`, replacement.documentId);
      replacement.organIdList.forEach((organId, organIndex) => this.text(`${path}/ReplacementInfoList/ReplacementInfo[${index + 1}]/OrganIdList/OrganId[${organIndex + 1}]`, organId, 'organId'));
    });
  }
}

export function validateDocumentMessage(message: EdxmlDocumentMessage | EdxmlDocumentMessageInput, mode: EdxmlValidationMode = 'send'): EdxmlProblem[] {
  const check = new Checker(mode);
  const header = message.header;
  const path = 'MessageHeader';
  check.organization(`${path}/From`, header.from, true);
  if (mode === 'send') check.required(`${path}/From/OrganName`, header.from?.organName);
  if (!header.to?.length) check.add(`${path}/To`, 'required', 'at least one recipient is required');
  const seen = new Set<string>();
  (header.to ?? []).forEach((to, index) => {
    check.organization(`${path}/To[${index + 1}]`, to, false);
    if (to.organId && seen.has(to.organId)) check.add(`${path}/To[${index + 1}]/OrganId`, 'duplicate', `${to.organId} is named more than once`);
    if (to.organId) seen.add(to.organId);
  });
  check.required(`${path}/DocumentId`, header.documentId, true);
  check.text(`${path}/DocumentId`, header.documentId, 'documentId');
  check.required(`${path}/Code/CodeNumber`, header.code?.codeNumber);
  check.required(`${path}/Code/CodeNotation`, header.code?.codeNotation);
  check.text(`${path}/Code/CodeNumber`, header.code?.codeNumber, 'codeNumber');
  check.text(`${path}/Code/CodeNotation`, header.code?.codeNotation, 'codeNotation');
  check.required(`${path}/PromulgationInfo/PromulgationDate`, header.promulgationInfo?.promulgationDate);
  check.date(`${path}/PromulgationInfo/PromulgationDate`, header.promulgationInfo?.promulgationDate);
  check.text(`${path}/PromulgationInfo/Place`, header.promulgationInfo?.place, 'place');
  check.required(`${path}/DocumentType/TypeName`, header.documentType?.typeName);
  check.text(`${path}/DocumentType/TypeName`, header.documentType?.typeName, 'typeName');
  check.required(`${path}/Subject`, header.subject, true);
  check.text(`${path}/Subject`, header.subject, 'subject');
  check.text(`${path}/Content`, header.content, 'content');
  check.text(`${path}/SignerInfo/Competence`, header.signerInfo?.competence, 'competence');
  check.text(`${path}/SignerInfo/Position`, header.signerInfo?.position, 'position');
  check.text(`${path}/SignerInfo/FullName`, header.signerInfo?.fullName, 'fullName');
  check.date(`${path}/DueDate`, header.dueDate);
  (header.toPlaces ?? []).forEach((place, index) => check.text(`${path}/ToPlaces/Place[${index + 1}]`, place, 'toPlace'));
  const other = header.otherInfo;
  if (other) {
    check.oneOf(`${path}/OtherInfo/Priority`, other.priority, [0, 1, 2, 3, 4], 'from 0 (thường) to 4 (hỏa tốc hẹn giờ)');
    check.text(`${path}/OtherInfo/SphereOfPromulgation`, other.sphereOfPromulgation, 'sphereOfPromulgation');
    check.text(`${path}/OtherInfo/TyperNotation`, other.typerNotation, 'typerNotation');
    for (const field of ['promulgationAmount', 'pageAmount'] as const) {
      const value = other[field];
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) check.add(`${path}/OtherInfo/${field[0].toUpperCase()}${field.slice(1)}`, 'out_of_range', `is ${value}, must be a whole number ≥ 0`);
    }
    (other.appendixes ?? []).forEach((appendix, index) => check.text(`${path}/OtherInfo/Appendixes/Appendix[${index + 1}]`, appendix, 'appendix'));
  }
  (header.responseFor ?? []).forEach((responseFor, index) => {
    check.text(`${path}/ResponseFor[${index + 1}]/OrganId`, responseFor.organId, 'organId');
    check.text(`${path}/ResponseFor[${index + 1}]/Code`, responseFor.code);
    check.date(`${path}/ResponseFor[${index + 1}]/PromulgationDate`, responseFor.promulgationDate);
    check.text(`${path}/ResponseFor[${index + 1}]/DocumentId`, responseFor.documentId, 'documentId');
  });
  check.oneOf(`${path}/SteeringType`, header.steeringType, [0, 1, 2], '0 (not steering), 1 (steering) or 2 (steering report)');
  check.text(`${path}/ResponseForTask`, header.responseForTask);
  check.text(`${path}/ApplicationType`, header.applicationType);
  check.traceHeaderList(message.traceHeaderList);
  if ('attachments' in message && message.attachments.length && 'content' in message.attachments[0]) {
    (message as EdxmlDocumentMessageInput).attachments.forEach((attachment, index) => {
      const at = `Attachment[${index + 1}]`;
      check.required(`${at}/AttachmentName`, attachment.attachmentName);
      check.text(`${at}/AttachmentName`, attachment.attachmentName, 'attachmentName');
      check.required(`${at}/ContentType`, attachment.contentType);
      check.text(`${at}/ContentType`, attachment.contentType, 'contentType');
      check.text(`${at}/Description`, attachment.description, 'attachmentDescription');
      check.text(`${at}/ContentId`, attachment.contentId);
    });
  }
  return check.problems;
}

export function validateStatusMessage(message: EdxmlStatusMessage | EdxmlStatusMessageInput, mode: EdxmlValidationMode = 'send'): EdxmlProblem[] {
  const check = new Checker(mode);
  const header = message.header;
  const path = 'MessageHeader';
  check.organization(`${path}/From`, header.from, true);
  check.required(`${path}/ResponseFor/DocumentId`, header.responseFor?.documentId, true);
  check.text(`${path}/ResponseFor/DocumentId`, header.responseFor?.documentId, 'documentId');
  check.text(`${path}/ResponseFor/OrganId`, header.responseFor?.organId, 'organId');
  check.text(`${path}/ResponseFor/Code`, header.responseFor?.code);
  check.date(`${path}/ResponseFor/PromulgationDate`, header.responseFor?.promulgationDate);
  check.staffInfo(`${path}/StaffInfo`, header.staffInfo);
  check.required(`${path}/StatusCode`, header.statusCode, true);
  if (header.statusCode && !(EDXML_STATUS_CODES as readonly string[]).includes(header.statusCode)) {
    check.add(`${path}/StatusCode`, 'invalid_value', `${JSON.stringify(header.statusCode)} is not one of ${EDXML_STATUS_CODES.join(', ')}`);
  }
  check.text(`${path}/Description`, header.description, 'statusDescription');
  check.required(`${path}/Timestamp`, header.timestamp);
  check.timestamp(`${path}/Timestamp`, header.timestamp);
  check.traceHeaderList(message.traceHeaderList);
  return check.problems;
}
