import { isAbsolute, resolve } from 'node:path';
import type { EdxmlAttachment, EdxmlDocumentMessage, EdxmlStatusMessage } from '../model/message';
import type { EdxmlDocumentMessageInput, EdxmlOutgoingAttachment, EdxmlStatusMessageInput } from '../model/outgoing';
import type { EdxmlProblem } from '../model/problems';
import type { EdxmlReadResult } from '../read/read-edxml';

/**
 * The JSON form of a message, as `edxml parse` prints it and `edxml build` reads it. Attachments are
 * described (name, type, size, SHA-256, the files inside); with `withContent` each also carries its
 * payload as base64 so that `build` can send the very same bytes again.
 */
export interface EdxmlAttachmentJson extends Omit<EdxmlAttachment, 'payload' | 'files'> {
  size?: number;
  sha256?: string;
  files: { name: string; contentType: string; size: number; sha256: string }[];
  /** the payload exactly as received (already zipped if it was): sent as is */
  payloadBase64?: string;
}

export type EdxmlJson =
  | { kind: 'document'; message: Omit<EdxmlDocumentMessage, 'attachments'> & { attachments: EdxmlAttachmentJson[] }; warnings: EdxmlProblem[] }
  | { kind: 'status'; message: EdxmlStatusMessage; warnings: EdxmlProblem[] };

export async function toEdxmlJson(result: EdxmlReadResult, options: { withContent?: boolean } = {}): Promise<EdxmlJson> {
  if (result.kind === 'status') return { kind: 'status', message: result.message, warnings: result.warnings };
  const attachments = await Promise.all(
    result.message.attachments.map(async ({ payload, files, ...attachment }): Promise<EdxmlAttachmentJson> => ({
      ...attachment,
      ...(payload ? { size: payload.size, sha256: payload.sha256 } : {}),
      files: files.map((file) => ({ name: file.name, contentType: file.contentType, size: file.size, sha256: file.sha256 })),
      ...(options.withContent && payload ? { payloadBase64: (await payload.read()).toString('base64') } : {}),
    })),
  );
  return { kind: 'document', message: { ...result.message, attachments }, warnings: result.warnings };
}

/** An attachment to send, as JSON: the file (`contentBase64` or `path`, zipped on the way by default) or a payload to send as is. */
export interface EdxmlOutgoingAttachmentJson extends Omit<EdxmlOutgoingAttachment, 'content' | 'attachmentName' | 'contentType'> {
  attachmentName?: string;
  contentType?: string;
  contentBase64?: string;
  path?: string;
  payloadBase64?: string;
}

export type EdxmlBuildJson =
  | { kind: 'document'; message: Omit<EdxmlDocumentMessageInput, 'attachments'> & { attachments?: EdxmlOutgoingAttachmentJson[] } }
  | { kind: 'status'; message: EdxmlStatusMessageInput };

/** What `build` reads: the JSON of `parse --with-content`, or a message written by hand; paths are relative to `baseDir`. */
export function fromEdxmlJson(json: EdxmlBuildJson, baseDir: string): { kind: 'document'; message: EdxmlDocumentMessageInput } | { kind: 'status'; message: EdxmlStatusMessageInput } {
  if (json.kind === 'status') return json;
  if (json.kind !== 'document') throw new Error('the JSON must say "kind": "document" or "status"');
  const attachments = (json.message.attachments ?? []).map((attachment, index): EdxmlOutgoingAttachment => {
    const { contentBase64, path, payloadBase64, ...rest } = attachment;
    const name = attachment.attachmentName ?? `attachment ${index + 1}`;
    // missing names and types are left for validation to name
    const described = { ...rest, attachmentName: rest.attachmentName ?? '', contentType: rest.contentType ?? '' };
    if (payloadBase64 !== undefined) return { ...described, content: Buffer.from(payloadBase64, 'base64'), zip: false };
    if (contentBase64 !== undefined) return { ...described, content: Buffer.from(contentBase64, 'base64') };
    if (path !== undefined) return { ...described, content: { path: isAbsolute(path) ? path : resolve(baseDir, path) } };
    throw new Error(`${name}: give its content as payloadBase64, contentBase64 or path (parse with --with-content to keep payloads)`);
  });
  return { kind: 'document', message: { header: json.message.header, traceHeaderList: json.message.traceHeaderList, extraElements: json.message.extraElements, attachments } };
}
