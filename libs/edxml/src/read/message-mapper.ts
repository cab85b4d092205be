import { parseEdxmlDate, parseEdxmlTimestamp } from '../dates';
import type {
  EdxmlBussiness,
  EdxmlExtraElement,
  EdxmlManifestReference,
  EdxmlMessageHeader,
  EdxmlOrganization,
  EdxmlResponseFor,
  EdxmlSignatureInfo,
  EdxmlStaffInfo,
  EdxmlStatusHeader,
  EdxmlTraceHeaderList,
} from '../model/message';
import { EdxmlRefusedError, type EdxmlProblem, type EdxmlProblemCode } from '../model/problems';
import { EDXML_NAMESPACE } from '../namespace';
import { childNamed, childrenNamed, markAllUsed, structuralPath, textOf, toXmlElement } from './xml-node';
import type { XmlNode } from './xml-tree-reader';

/** Where the parts of a message are, once the envelope is known to be edXML. */
export interface MessageParts {
  root: XmlNode;
  envelope: XmlNode;
  header: XmlNode;
  messageHeader: XmlNode;
  kind: 'document' | 'status';
}

export function locateParts(root: XmlNode): MessageParts {
  const edxml = root.children[0];
  if (!edxml || edxml.local !== 'edXML' || (edxml.uri !== EDXML_NAMESPACE && edxml.uri !== '')) {
    throw new EdxmlRefusedError('NOT_EDXML', `the root element is ${edxml?.uri ? `{${edxml.uri}}` : ''}${edxml?.local ?? 'missing'}, not edXML in ${EDXML_NAMESPACE}`);
  }
  edxml.used = true;
  const envelope = childNamed(edxml, 'edXMLEnvelope');
  const header = childNamed(envelope, 'edXMLHeader');
  const messageHeader = childNamed(header, 'MessageHeader');
  if (!envelope || !header || !messageHeader) throw new EdxmlRefusedError('NOT_EDXML', 'no edXMLEnvelope/edXMLHeader/MessageHeader: not an edXML message');
  const kind = childNamed(messageHeader, 'StatusCode') ? 'status' : 'document';
  return { root: edxml, envelope, header, messageHeader, kind };
}

/** Reads fields leniently: what cannot be understood becomes a warning with its path, never a crash. */
export class FieldReader {
  readonly problems: EdxmlProblem[] = [];

  warn(path: string, code: EdxmlProblemCode, message: string): void {
    this.problems.push({ path, code, severity: 'warning', message });
  }

  integer(node: XmlNode | undefined, name: string, path: string): number | undefined {
    const text = textOf(node, name);
    if (text === undefined) return undefined;
    if (/^[+-]?\d{1,9}$/.test(text)) return Number(text);
    this.warn(`${path}/${name}`, 'invalid_value', `${JSON.stringify(text)} is not a whole number`);
    return undefined;
  }

  boolean(node: XmlNode | undefined, name: string, path: string): boolean | undefined {
    const text = textOf(node, name)?.toLowerCase();
    if (text === undefined) return undefined;
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    this.warn(`${path}/${name}`, 'invalid_value', `${JSON.stringify(text)} is not true or false`);
    return undefined;
  }

  date(node: XmlNode | undefined, name: string, path: string): string | undefined {
    const text = textOf(node, name);
    if (text === undefined) return undefined;
    const date = parseEdxmlDate(text);
    if (!date) this.warn(`${path}/${name}`, 'invalid_date', `${JSON.stringify(text)} is not a date (yyyy/MM/dd)`);
    return date ?? undefined;
  }

  timestamp(node: XmlNode | undefined, name: string, path: string): string | undefined {
    const text = textOf(node, name);
    if (text === undefined) return undefined;
    const instant = parseEdxmlTimestamp(text);
    if (!instant) this.warn(`${path}/${name}`, 'invalid_date', `${JSON.stringify(text)} is not a time (yyyy/MM/dd HH:mm:ss)`);
    return instant ?? undefined;
  }

  /** an organ id; the literal `null` some gateways write means none */
  organId(node: XmlNode | undefined, name = 'OrganId'): string | undefined {
    const text = textOf(node, name);
    return text === undefined || text.toLowerCase() === 'null' ? undefined : text;
  }
}

const compact = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
/** an optional group: absent when none of its fields is there */
const group = <T extends object>(value: T): T | undefined => {
  const result = compact(value);
  return Object.values(result).some((field) => !(Array.isArray(field) && field.length === 0)) ? result : undefined;
};

export function readOrganization(fields: FieldReader, node: XmlNode): EdxmlOrganization {
  return compact({
    organId: fields.organId(node),
    organizationInCharge: textOf(node, 'OrganizationInCharge'),
    organName: textOf(node, 'OrganName'),
    organAdd: textOf(node, 'OrganAdd'),
    email: textOf(node, 'Email'),
    telephone: textOf(node, 'Telephone'),
    fax: textOf(node, 'Fax'),
    website: textOf(node, 'Website'),
  });
}

function readResponseFor(fields: FieldReader, node: XmlNode, path: string): EdxmlResponseFor | undefined {
  return group({
    organId: fields.organId(node),
    code: textOf(node, 'Code'),
    promulgationDate: fields.date(node, 'PromulgationDate', path),
    documentId: textOf(node, 'DocumentId'),
  });
}

function readStaffInfo(node: XmlNode | undefined): EdxmlStaffInfo | undefined {
  if (!node) return undefined;
  return group({
    department: textOf(node, 'Department'),
    staff: textOf(node, 'Staff'),
    mobile: textOf(node, 'Mobile'),
    email: textOf(node, 'Email'),
    departmentId: textOf(node, 'DepartmentId'),
    staffId: textOf(node, 'StaffId'),
  });
}

export function readMessageHeader(fields: FieldReader, node: XmlNode): EdxmlMessageHeader {
  const path = 'MessageHeader';
  const froms = childrenNamed(node, 'From');
  if (froms.length > 1) fields.warn(`${path}/From`, 'duplicate', `${froms.length} From elements: the first is used`);
  const code = childNamed(node, 'Code');
  const promulgation = childNamed(node, 'PromulgationInfo');
  const documentType = childNamed(node, 'DocumentType');
  const signer = childNamed(node, 'SignerInfo');
  const other = childNamed(node, 'OtherInfo');
  const otherPath = `${path}/OtherInfo`;
  return compact({
    from: froms[0] ? readOrganization(fields, froms[0]) : {},
    to: childrenNamed(node, 'To').map((to) => readOrganization(fields, to)),
    documentId: textOf(node, 'DocumentId'),
    code: code && group({ codeNumber: textOf(code, 'CodeNumber'), codeNotation: textOf(code, 'CodeNotation') }),
    promulgationInfo: promulgation && group({ place: textOf(promulgation, 'Place'), promulgationDate: fields.date(promulgation, 'PromulgationDate', `${path}/PromulgationInfo`) }),
    documentType:
      documentType &&
      group({
        type: fields.integer(documentType, 'Type', `${path}/DocumentType`),
        typeDetail: fields.integer(documentType, 'TypeDetail', `${path}/DocumentType`),
        typeName: textOf(documentType, 'TypeName'),
      }),
    subject: textOf(node, 'Subject'),
    content: textOf(node, 'Content'),
    signerInfo: signer && group({ competence: textOf(signer, 'Competence'), position: textOf(signer, 'Position'), fullName: textOf(signer, 'FullName') }),
    dueDate: fields.date(node, 'DueDate', path),
    toPlaces: childrenNamed(childNamed(node, 'ToPlaces'), 'Place').flatMap((place) => textOf(place) ?? []),
    otherInfo:
      other &&
      compact({
        priority: fields.integer(other, 'Priority', otherPath),
        sphereOfPromulgation: textOf(other, 'SphereOfPromulgation'),
        typerNotation: textOf(other, 'TyperNotation'),
        promulgationAmount: fields.integer(other, 'PromulgationAmount', otherPath),
        pageAmount: fields.integer(other, 'PageAmount', otherPath),
        direction: fields.boolean(other, 'Direction', otherPath),
        appendixes: childrenNamed(childNamed(other, 'Appendixes'), 'Appendix').flatMap((appendix) => textOf(appendix) ?? []),
      }),
    responseFor: childrenNamed(node, 'ResponseFor').flatMap((responseFor, index) => readResponseFor(fields, responseFor, `${path}/ResponseFor[${index + 1}]`) ?? []),
    steeringType: fields.integer(node, 'SteeringType', path),
    responseForTask: textOf(node, 'ResponseForTask'),
    applicationType: textOf(node, 'ApplicationType'),
  });
}

export function readStatusHeader(fields: FieldReader, node: XmlNode): EdxmlStatusHeader {
  const path = 'MessageHeader';
  const from = childNamed(node, 'From');
  const responseFor = childNamed(node, 'ResponseFor');
  const rawCode = textOf(node, 'StatusCode') ?? '';
  // a code written without its leading zero (`1`) is the same code
  const statusCode = /^\d$/.test(rawCode) ? `0${rawCode}` : rawCode;
  return compact({
    from: from ? readOrganization(fields, from) : {},
    responseFor: responseFor && readResponseFor(fields, responseFor, `${path}/ResponseFor`),
    staffInfo: readStaffInfo(childNamed(node, 'StaffInfo')),
    statusCode,
    description: textOf(node, 'Description'),
    timestamp: fields.timestamp(node, 'Timestamp', path),
  });
}

/** TraceHeaderList with its Bussiness (or Bkav's `Business`), in any order. */
export function readTraceHeaderList(fields: FieldReader, header: XmlNode): EdxmlTraceHeaderList | undefined {
  const list = childNamed(header, 'TraceHeaderList');
  if (!list) return undefined;
  const path = 'TraceHeaderList';
  const bussiness = childNamed(list, 'Bussiness', 'Business') ?? childNamed(header, 'Bussiness', 'Business');
  return compact({
    traceHeaders: childrenNamed(list, 'TraceHeader').map((trace, index) =>
      compact({ organId: fields.organId(trace), timestamp: fields.timestamp(trace, 'Timestamp', `${path}/TraceHeader[${index + 1}]`) }),
    ),
    bussiness: bussiness && readBussiness(fields, bussiness, `${path}/Bussiness`),
  });
}

function readBussiness(fields: FieldReader, node: XmlNode, path: string): EdxmlBussiness {
  const documentInfo = childNamed(node, 'BussinessDocumentInfo', 'BusinessDocumentInfo');
  const docType = fields.integer(node, childNamed(node, 'BussinessDocType') ? 'BussinessDocType' : 'BusinessDocType', path);
  if (docType !== undefined && ![0, 1, 2, 3].includes(docType)) fields.warn(`${path}/BussinessDocType`, 'out_of_range', `${docType} is not 0 (new), 1 (recall), 2 (update) or 3 (replace)`);
  return compact({
    documentId: textOf(node, 'DocumentId'),
    bussinessDocType: docType,
    bussinessDocReason: textOf(node, 'BussinessDocReason', 'BusinessDocReason'),
    paper: fields.integer(node, 'Paper', path),
    staffInfo: readStaffInfo(childNamed(node, 'StaffInfo')),
    bussinessDocumentInfo:
      documentInfo &&
      compact({
        documentInfo: fields.integer(documentInfo, 'DocumentInfo', `${path}/BussinessDocumentInfo`),
        documentReceiver: fields.integer(documentInfo, 'DocumentReceiver', `${path}/BussinessDocumentInfo`),
        receiverList: childrenNamed(childNamed(documentInfo, 'ReceiverList'), 'Receiver').map((receiver, index) =>
          compact({ organId: fields.organId(receiver), receiverType: fields.integer(receiver, 'ReceiverType', `${path}/BussinessDocumentInfo/ReceiverList/Receiver[${index + 1}]`) }),
        ),
      }),
    replacementInfoList: childrenNamed(childNamed(node, 'ReplacementInfoList'), 'ReplacementInfo').map((replacement) =>
      compact({
        documentId: textOf(replacement, 'DocumentId'),
        organIdList: childrenNamed(childNamed(replacement, 'OrganIdList'), 'OrganId').flatMap((organ) => textOf(organ) ?? []),
      }),
    ),
  });
}

export function readManifest(envelope: XmlNode): EdxmlManifestReference[] {
  const manifest = childNamed(childNamed(envelope, 'edXMLBody'), 'edXMLManifest');
  return childrenNamed(manifest, 'Reference').map((reference) =>
    compact({
      contentId: textOf(reference, 'ContentId'),
      contentType: textOf(reference, 'ContentType'),
      description: textOf(reference, 'Description'),
      attachmentName: textOf(reference, 'AttachmentName'),
    }),
  );
}

/** The header's XML signature, described; it is anywhere in the header, in the edXML or xmldsig namespace. */
export function readSignature(header: XmlNode): EdxmlSignatureInfo | undefined {
  const signature = header.children.find((child) => child.local === 'Signature');
  if (!signature) return undefined;
  markAllUsed(signature);
  const find = (node: XmlNode | undefined, name: string): XmlNode | undefined => {
    if (!node) return undefined;
    for (const child of node.children) {
      if (child.local === name) return child;
      const deeper = find(child, name);
      if (deeper) return deeper;
    }
    return undefined;
  };
  const text = (name: string) => find(signature, name)?.text.replace(/\s+/g, ' ').trim() || undefined;
  return compact({
    namespace: signature.uri,
    signatureMethod: find(signature, 'SignatureMethod')?.attributes.Algorithm,
    digestValue: text('DigestValue'),
    x509SubjectName: text('X509SubjectName'),
    x509Certificate: text('X509Certificate')?.replace(/\s/g, ''),
  });
}

/** Elements nobody used, kept with the path of their parent so a rebuilt message has them in place. */
export function collectExtraElements(fields: FieldReader, root: XmlNode): EdxmlExtraElement[] {
  const extras: EdxmlExtraElement[] = [];
  const walk = (node: XmlNode) => {
    for (const child of node.children) {
      if (child.used) walk(child);
      else {
        const parentPath = structuralPath(node);
        extras.push({ parentPath, ...toXmlElement(child) });
        fields.warn(`${parentPath}/${child.local}`, 'unknown_element', `unknown element ${child.uri ? `{${child.uri}}` : ''}${child.local}: kept, not interpreted`);
      }
    }
  };
  walk(root);
  return extras;
}
