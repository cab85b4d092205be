import type { Readable } from 'node:stream';
import type { EdxmlDocumentMessage, EdxmlExtraElement, EdxmlStatusMessage } from './message';

/** The bytes of an attachment to send: in memory, a file on disk, or a stream made on demand. */
export type EdxmlOutgoingContent = Buffer | { path: string } | (() => Readable);

export interface EdxmlOutgoingAttachment {
  /** `cid:…`; generated when absent */
  contentId?: string;
  attachmentName: string;
  description?: string;
  /** the type of the file itself (application/pdf…) */
  contentType: string;
  content: EdxmlOutgoingContent;
  /**
   * Zip this file before encoding (what the operator's library does; the declared ContentType then
   * becomes application/zip). Defaults to the message option `zipAttachments`. Set false to send
   * bytes that are already the payload (e.g. a payload received and forwarded unchanged).
   */
  zip?: boolean;
  /** the manifest's ContentType when it must differ from the attachment's (kept on a round trip) */
  manifestContentType?: string;
}

/** A document message to write: what the reader returns, with attachments given as content. */
export interface EdxmlDocumentMessageInput {
  header: EdxmlDocumentMessage['header'];
  traceHeaderList?: EdxmlDocumentMessage['traceHeaderList'];
  attachments: EdxmlOutgoingAttachment[];
  /** unknown elements read from a message, written back in their place */
  extraElements?: EdxmlExtraElement[];
}

export interface EdxmlStatusMessageInput {
  header: EdxmlStatusMessage['header'];
  traceHeaderList?: EdxmlStatusMessage['traceHeaderList'];
  extraElements?: EdxmlExtraElement[];
}

export interface EdxmlWriteOptions {
  /** zip each attachment (default true, as the operator's library does) */
  zipAttachments?: boolean;
  /**
   * `send` (default): everything the standard requires, lengths included, is checked. `receive`:
   * only what any receiver needs — for passing on a message received from another producer whose
   * fields exceed the nominal lengths (real gateways send 14-digit CodeNumbers).
   */
  validation?: 'send' | 'receive';
}
