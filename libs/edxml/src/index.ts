/**
 * edXML (QCVN 102:2016) messages: read, write, validate. Pure TypeScript, no NestJS.
 *
 *   const { kind, message, warnings, dispose } = await readEdxml(bufferOrStream);
 *   for (const attachment of message.attachments) for (const file of attachment.files) store(file.name, file.open());
 *   await dispose();
 *
 *   const xml = await writeDocumentMessage({ header, traceHeaderList, attachments: [{ attachmentName, contentType, content }] });
 *   const status = writeStatusMessage({ header: { from, responseFor, statusCode: EdxmlStatusCode.Registered, timestamp } });
 */
export * from './model/message';
export * from './model/problems';
export * from './model/limits';
export * from './model/outgoing';
export { EDXML_NAMESPACE } from './namespace';
export { readEdxml, type EdxmlReadResult } from './read/read-edxml';
export { writeDocumentMessage, writeDocumentMessageStream } from './write/write-document-message';
export { writeStatusMessage } from './write/write-status-message';
export { validateDocumentMessage, validateStatusMessage, type EdxmlValidationMode } from './validate/validate-message';
