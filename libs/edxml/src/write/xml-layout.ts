import { XMLBuilder } from 'fast-xml-parser';
import { formatEdxmlDate, formatEdxmlTimestamp } from '../dates';
import type {
  EdxmlBussiness,
  EdxmlExtraElement,
  EdxmlMessageHeader,
  EdxmlOrganization,
  EdxmlResponseFor,
  EdxmlStaffInfo,
  EdxmlStatusHeader,
  EdxmlTraceHeaderList,
  EdxmlXmlElement,
} from '../model/message';
import { EDXML_NAMESPACE } from '../namespace';

/**
 * The layout of the operator's samples: `edXML` root with the default namespace, everything inside
 * the envelope prefixed `edXML:`, AttachmentEncoded after the envelope, `Bussiness` spelled so.
 * Objects for fast-xml-parser's builder: key order is element order, absent values are left out.
 */
export type XmlObject = Record<string, unknown>;

export const xmlBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true });

const e = (name: string) => `edXML:${name}`;

/** Puts the non-empty values in order under their edXML names. */
export function elements(entries: [string, unknown][]): XmlObject {
  const result: XmlObject = {};
  for (const [name, value] of entries) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    result[e(name)] = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  }
  return result;
}

/** Unknown elements read from a message go back under the same parent, after the known ones. */
export class ExtraElements {
  constructor(private readonly extras: EdxmlExtraElement[] = []) {}

  into(target: XmlObject, parentPath: string): XmlObject {
    for (const extra of this.extras.filter((candidate) => candidate.parentPath === parentPath)) {
      const key = extra.name;
      const value = extraObject(extra, undefined);
      const existing = target[key];
      target[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
    return target;
  }
}

function extraObject(element: EdxmlXmlElement, parentNamespace: string | undefined): XmlObject {
  const object: XmlObject = {};
  const namespace = element.namespace ?? '';
  if (namespace !== parentNamespace) object['@_xmlns'] = namespace;
  let prefixes = 0;
  for (const [name, value] of Object.entries(element.attributes)) {
    const clark = /^\{(.*)\}(.+)$/.exec(name);
    if (!clark) {
      object[`@_${name}`] = value;
      continue;
    }
    const prefix = `ns${++prefixes}`;
    object[`@_xmlns:${prefix}`] = clark[1];
    object[`@_${prefix}:${clark[2]}`] = value;
  }
  if (element.text !== undefined) object['#text'] = element.text;
  for (const child of element.children) {
    const value = extraObject(child, namespace);
    const existing = object[child.name];
    object[child.name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}

const HEADER = 'edXML/edXMLEnvelope/edXMLHeader';
export const PATHS = {
  root: 'edXML',
  envelope: 'edXML/edXMLEnvelope',
  header: HEADER,
  messageHeader: `${HEADER}/MessageHeader`,
  traceHeaderList: `${HEADER}/TraceHeaderList`,
  body: 'edXML/edXMLEnvelope/edXMLBody',
  manifest: 'edXML/edXMLEnvelope/edXMLBody/edXMLManifest',
  attachmentEncoded: 'edXML/AttachmentEncoded',
};

function organization(value: EdxmlOrganization, path: string, extras: ExtraElements): XmlObject {
  return extras.into(
    elements([
      ['OrganId', value.organId],
      ['OrganizationInCharge', value.organizationInCharge],
      ['OrganName', value.organName],
      ['OrganAdd', value.organAdd],
      ['Email', value.email],
      ['Telephone', value.telephone],
      ['Fax', value.fax],
      ['Website', value.website],
    ]),
    path,
  );
}

function responseFor(value: EdxmlResponseFor): XmlObject {
  return elements([
    ['OrganId', value.organId],
    ['Code', value.code],
    ['PromulgationDate', value.promulgationDate && formatEdxmlDate(value.promulgationDate)],
    ['DocumentId', value.documentId],
  ]);
}

function staffInfo(value: EdxmlStaffInfo | undefined): XmlObject | undefined {
  if (!value) return undefined;
  return elements([
    ['Department', value.department],
    ['Staff', value.staff],
    ['Mobile', value.mobile],
    ['Email', value.email],
    ['DepartmentId', value.departmentId],
    ['StaffId', value.staffId],
  ]);
}

const nonEmpty = (object: XmlObject | undefined) => (object && Object.keys(object).length ? object : undefined);

export function documentHeader(header: EdxmlMessageHeader, extras: ExtraElements): XmlObject {
  const path = PATHS.messageHeader;
  const other = header.otherInfo;
  return extras.into(
    elements([
      ['From', organization(header.from, `${path}/From`, extras)],
      ['To', header.to.map((to, index) => organization(to, `${path}/To[${index}]`, extras))],
      ['DocumentId', header.documentId],
      ['Code', nonEmpty(extras.into(elements([['CodeNumber', header.code?.codeNumber], ['CodeNotation', header.code?.codeNotation]]), `${path}/Code`))],
      [
        'PromulgationInfo',
        nonEmpty(
          extras.into(
            elements([
              ['Place', header.promulgationInfo?.place],
              ['PromulgationDate', header.promulgationInfo?.promulgationDate && formatEdxmlDate(header.promulgationInfo.promulgationDate)],
            ]),
            `${path}/PromulgationInfo`,
          ),
        ),
      ],
      ['DocumentType', nonEmpty(extras.into(elements([['Type', header.documentType?.type], ['TypeDetail', header.documentType?.typeDetail], ['TypeName', header.documentType?.typeName]]), `${path}/DocumentType`))],
      ['Subject', header.subject],
      ['Content', header.content],
      ['SignerInfo', nonEmpty(extras.into(elements([['Competence', header.signerInfo?.competence], ['Position', header.signerInfo?.position], ['FullName', header.signerInfo?.fullName]]), `${path}/SignerInfo`))],
      ['DueDate', header.dueDate && formatEdxmlDate(header.dueDate)],
      [
        'OtherInfo',
        other &&
          extras.into(
            elements([
              ['Priority', other.priority],
              ['SphereOfPromulgation', other.sphereOfPromulgation],
              ['TyperNotation', other.typerNotation],
              ['PromulgationAmount', other.promulgationAmount],
              ['PageAmount', other.pageAmount],
              ['Direction', other.direction],
              ['Appendixes', other.appendixes.length ? elements([['Appendix', other.appendixes]]) : undefined],
            ]),
            `${path}/OtherInfo`,
          ),
      ],
      ['ResponseFor', header.responseFor.map(responseFor)],
      ['SteeringType', header.steeringType],
      ['ToPlaces', header.toPlaces.length ? elements([['Place', header.toPlaces]]) : undefined],
      ['ResponseForTask', header.responseForTask],
      ['ApplicationType', header.applicationType],
    ]),
    path,
  );
}

export function statusHeader(header: EdxmlStatusHeader, extras: ExtraElements): XmlObject {
  const path = PATHS.messageHeader;
  return extras.into(
    elements([
      ['From', organization(header.from, `${path}/From`, extras)],
      ['ResponseFor', header.responseFor && responseFor(header.responseFor)],
      ['StaffInfo', staffInfo(header.staffInfo)],
      ['StatusCode', header.statusCode],
      ['Description', header.description],
      ['Timestamp', header.timestamp && formatEdxmlTimestamp(header.timestamp)],
    ]),
    path,
  );
}

function bussiness(value: EdxmlBussiness, extras: ExtraElements): XmlObject {
  const info = value.bussinessDocumentInfo;
  return extras.into(
    elements([
      ['DocumentId', value.documentId],
      ['BussinessDocType', value.bussinessDocType],
      ['BussinessDocReason', value.bussinessDocReason],
      ['Paper', value.paper],
      [
        'BussinessDocumentInfo',
        info &&
          elements([
            ['DocumentInfo', info.documentInfo],
            ['DocumentReceiver', info.documentReceiver],
            ['ReceiverList', info.receiverList.length ? elements([['Receiver', info.receiverList.map((receiver) => elements([['OrganId', receiver.organId], ['ReceiverType', receiver.receiverType]]))]]) : undefined],
          ]),
      ],
      [
        'ReplacementInfoList',
        value.replacementInfoList.length
          ? elements([
              [
                'ReplacementInfo',
                value.replacementInfoList.map((replacement) =>
                  elements([
                    ['DocumentId', replacement.documentId],
                    ['OrganIdList', replacement.organIdList.length ? elements([['OrganId', replacement.organIdList]]) : undefined],
                  ]),
                ),
              ],
            ])
          : undefined,
      ],
      ['StaffInfo', staffInfo(value.staffInfo)],
    ]),
    `${PATHS.traceHeaderList}/Bussiness`,
  );
}

export function traceHeaderList(list: EdxmlTraceHeaderList | undefined, extras: ExtraElements): XmlObject | undefined {
  if (!list) return undefined;
  return extras.into(
    elements([
      [
        'TraceHeader',
        list.traceHeaders.map((trace, index) =>
          extras.into(elements([['OrganId', trace.organId], ['Timestamp', trace.timestamp && formatEdxmlTimestamp(trace.timestamp)]]), `${PATHS.traceHeaderList}/TraceHeader[${index}]`),
        ),
      ],
      ['Bussiness', list.bussiness && bussiness(list.bussiness, extras)],
    ]),
    PATHS.traceHeaderList,
  );
}

export { e as edxmlName, EDXML_NAMESPACE };
