import type { EdxmlStatusMessageInput, EdxmlWriteOptions } from '../model/outgoing';
import { EdxmlValidationError } from '../model/problems';
import { validateStatusMessage } from '../validate/validate-message';
import { EDXML_NAMESPACE, edxmlName, elements, ExtraElements, PATHS, statusHeader, traceHeaderList, xmlBuilder } from './xml-layout';

/** A status message: the same envelope with a header only. Throws EdxmlValidationError naming every field that is wrong. */
export function writeStatusMessage(status: EdxmlStatusMessageInput, options: Pick<EdxmlWriteOptions, 'validation'> = {}): Buffer {
  const problems = validateStatusMessage(status, options.validation ?? 'send');
  if (problems.some((problem) => problem.severity === 'error')) throw new EdxmlValidationError(problems);
  const extras = new ExtraElements(status.extraElements);
  const header = elements([
    ['MessageHeader', statusHeader(status.header, extras)],
    ['TraceHeaderList', traceHeaderList(status.traceHeaderList, extras)],
  ]);
  const root = extras.into(
    {
      '@_xmlns': EDXML_NAMESPACE,
      [edxmlName('edXMLEnvelope')]: extras.into({ '@_xmlns:edXML': EDXML_NAMESPACE, [edxmlName('edXMLHeader')]: extras.into(header, PATHS.header) }, PATHS.envelope),
    },
    PATHS.root,
  );
  return Buffer.from(xmlBuilder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, edXML: root }), 'utf8');
}
