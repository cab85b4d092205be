import type { Readable } from 'node:stream';
import type { EdxmlReadOptions } from '../model/limits';
import type { EdxmlDocumentMessage, EdxmlStatusMessage } from '../model/message';
import type { EdxmlProblem } from '../model/problems';

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
 * hostile or not edXML; everything else that is odd becomes a warning.
 */
export async function readEdxml(input: Buffer | Readable, options: EdxmlReadOptions = {}): Promise<EdxmlReadResult> {
  void input;
  void options;
  throw new Error('readEdxml: being written');
}
