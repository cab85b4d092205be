/**
 * Bounds on what a received message may cost. Defaults fit real traffic (messages of a few MB, the
 * axis' own ceiling is not published [U]) with a wide margin, and refuse hostile inputs early.
 */
export interface EdxmlLimits {
  /** bytes of XML read before the message is refused */
  maxMessageBytes: number;
  /** decoded bytes of one attachment payload */
  maxAttachmentBytes: number;
  /** element nesting; edXML needs about 8 */
  maxDepth: number;
  /** elements in the whole message (attachments excluded: their content is text) */
  maxElements: number;
  /** characters of one text field other than an attachment's content */
  maxTextLength: number;
  /** payloads up to this size stay in memory, larger ones go to a temporary file */
  memoryThresholdBytes: number;
  /** files in one zipped attachment */
  maxZipEntries: number;
  /** unpacked bytes of one zipped attachment */
  maxZipUnpackedBytes: number;
  /** unpacked:packed ratio above which an entry larger than 1 MiB is taken for a zip bomb */
  maxZipRatio: number;
}

export const DEFAULT_EDXML_LIMITS: Readonly<EdxmlLimits> = Object.freeze({
  maxMessageBytes: 256 * 1024 * 1024,
  maxAttachmentBytes: 180 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 100_000,
  maxTextLength: 1024 * 1024,
  memoryThresholdBytes: 8 * 1024 * 1024,
  maxZipEntries: 200,
  maxZipUnpackedBytes: 512 * 1024 * 1024,
  maxZipRatio: 200,
});

export interface EdxmlReadOptions {
  limits?: Partial<EdxmlLimits>;
  /** where payloads larger than the memory threshold are spooled; the system's temp folder by default */
  tempDir?: string;
}
