import type { Readable } from 'node:stream';
import type { EdxmlDocumentMessageInput, EdxmlWriteOptions } from '../model/outgoing';

/** The message as a stream (attachments read and encoded as it is consumed). Throws EdxmlValidationError first. */
export function writeDocumentMessageStream(message: EdxmlDocumentMessageInput, options: EdxmlWriteOptions = {}): Readable {
  void message;
  void options;
  throw new Error('writeDocumentMessageStream: being written');
}

/** The whole message in memory. Throws EdxmlValidationError naming every field that is wrong. */
export async function writeDocumentMessage(message: EdxmlDocumentMessageInput, options: EdxmlWriteOptions = {}): Promise<Buffer> {
  void message;
  void options;
  throw new Error('writeDocumentMessage: being written');
}
