import type { Readable } from 'node:stream';
import { DEFAULT_EDXML_LIMITS, type EdxmlLimits, type EdxmlReadOptions } from '../model/limits';
import type { EdxmlDocumentMessage, EdxmlStatusMessage } from '../model/message';
import { EdxmlRefusedError, type EdxmlProblem } from '../model/problems';
import { validateDocumentMessage, validateStatusMessage } from '../validate/validate-message';
import { readAttachments } from './attachments';
import { SpoolFolder } from './content-spool';
import { collectExtraElements, FieldReader, locateParts, readManifest, readMessageHeader, readSignature, readStatusHeader, readTraceHeaderList } from './message-mapper';
import { childNamed } from './xml-node';
import { readXmlTree } from './xml-tree-reader';

interface ReadResultBase {
  /** everything tolerated while reading (unknown elements, odd dates, attachment problems…) */
  warnings: EdxmlProblem[];
  /** removes the temporary files of large payloads; call once the attachments are stored */
  dispose(): Promise<void>;
}

export type EdxmlReadResult =
  | (ReadResultBase & { kind: 'document'; message: EdxmlDocumentMessage })
  | (ReadResultBase & { kind: 'status'; message: EdxmlStatusMessage });

/**
 * Reads a document or status message. Throws EdxmlRefusedError when the message is malformed,
 * hostile, not edXML, or lacks what a receiver cannot do without (who sent it, which document);
 * everything else that is odd becomes a warning with its path.
 */
export async function readEdxml(input: Buffer | Readable, options: EdxmlReadOptions = {}): Promise<EdxmlReadResult> {
  const limits: EdxmlLimits = { ...DEFAULT_EDXML_LIMITS, ...options.limits };
  const folder = new SpoolFolder(options.tempDir);
  try {
    const tree = await readXmlTree(input, limits, folder);
    const parts = locateParts(tree);
    const fields = new FieldReader();
    const traceHeaderList = readTraceHeaderList(fields, parts.header);
    const signature = readSignature(parts.header);
    const dispose = () => folder.dispose();
    if (parts.kind === 'status') {
      const header = readStatusHeader(fields, parts.messageHeader);
      const message: EdxmlStatusMessage = { kind: 'status', header, ...(traceHeaderList ? { traceHeaderList } : {}), ...(signature ? { signature } : {}), extraElements: [] };
      message.extraElements = collectExtraElements(fields, parts.root);
      const warnings = judge([...fields.problems, ...validateStatusMessage(message, 'receive')]);
      return { kind: 'status', message, warnings, dispose };
    }
    const header = readMessageHeader(fields, parts.messageHeader);
    const manifest = readManifest(parts.envelope);
    const { attachments, problems: attachmentProblems } = await readAttachments(parts.root, manifest, limits, folder);
    const message: EdxmlDocumentMessage = { kind: 'document', header, ...(traceHeaderList ? { traceHeaderList } : {}), manifest, attachments, ...(signature ? { signature } : {}), extraElements: [] };
    message.extraElements = collectExtraElements(fields, parts.root);
    const placement = attachmentPlacementProblems(parts, message);
    const warnings = judge([...fields.problems, ...placement, ...attachmentProblems, ...attachments.flatMap((attachment) => attachment.problems), ...validateDocumentMessage(message, 'receive')]);
    return { kind: 'document', message, warnings, dispose };
  } catch (error) {
    await folder.dispose();
    throw error;
  }
}

/** Errors left after a lenient reading mean the receiver cannot act on the message: it is refused. */
function judge(problems: EdxmlProblem[]): EdxmlProblem[] {
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length) throw new EdxmlRefusedError('INVALID_MESSAGE', `the message lacks what a receiver needs: ${errors.map((problem) => `${problem.path} (${problem.message})`).join('; ')}`, errors);
  return problems;
}

/** Early gateways put attachments inside the envelope and left the manifest out: said plainly. */
function attachmentPlacementProblems(parts: ReturnType<typeof locateParts>, message: EdxmlDocumentMessage): EdxmlProblem[] {
  const problems: EdxmlProblem[] = [];
  const misplaced = message.extraElements.filter((extra) => /attachment/i.test(extra.name));
  if (misplaced.length) {
    problems.push({ path: misplaced[0].parentPath, code: 'unexpected_place', severity: 'warning', message: `attachments are in ${misplaced.map((extra) => extra.name).join(', ')}, not in AttachmentEncoded where QCVN 102 puts them: they are not read` });
  }
  if (!childNamed(childNamed(parts.envelope, 'edXMLBody'), 'edXMLManifest') && (message.attachments.length || misplaced.length)) {
    problems.push({ path: 'edXMLBody/edXMLManifest', code: 'required', severity: 'warning', message: 'the message has no manifest' });
  }
  return problems;
}
