import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { EdxmlDocumentMessageInput, EdxmlOutgoingAttachment, EdxmlWriteOptions } from '../model/outgoing';
import { EdxmlValidationError } from '../model/problems';
import { validateDocumentMessage } from '../validate/validate-message';
import { documentHeader, elements, EDXML_NAMESPACE, edxmlName, ExtraElements, PATHS, traceHeaderList, xmlBuilder, type XmlObject } from './xml-layout';

const ZIP_TYPE = 'application/zip';

interface PreparedAttachment {
  contentId: string;
  contentType: string;
  manifestContentType: string;
  zip: boolean;
  source: EdxmlOutgoingAttachment;
}

/**
 * The message as a stream: the header is laid out at once, each attachment is read, zipped when
 * asked and base64-encoded only as the stream is consumed, so a large attachment never sits in
 * memory whole. Throws EdxmlValidationError before producing anything.
 */
export function writeDocumentMessageStream(message: EdxmlDocumentMessageInput, options: EdxmlWriteOptions = {}): Readable {
  const problems = validateDocumentMessage(message, options.validation ?? 'send');
  if (problems.some((problem) => problem.severity === 'error')) throw new EdxmlValidationError(problems);
  const extras = new ExtraElements(message.extraElements);
  const attachments: PreparedAttachment[] = message.attachments.map((attachment) => {
    const zip = attachment.zip ?? options.zipAttachments ?? true;
    const contentType = zip ? ZIP_TYPE : attachment.contentType;
    return { contentId: attachment.contentId ?? `cid:${randomUUID()}`, contentType, manifestContentType: attachment.manifestContentType ?? contentType, zip, source: attachment };
  });
  // the builder lays out the whole message with a marker where each payload goes; the marker is
  // random so that no text of the message can be mistaken for it
  const marker = `EDXML-PAYLOAD-${randomUUID()}-`;
  const header = elements([
    ['MessageHeader', documentHeader(message.header, extras)],
    ['TraceHeaderList', traceHeaderList(message.traceHeaderList, extras)],
  ]);
  const manifest = extras.into(
    {
      '@_version': '1.0',
      [edxmlName('Reference')]: attachments.map((attachment, index) =>
        extras.into(
          elements([
            ['ContentId', attachment.contentId],
            ['ContentType', attachment.manifestContentType],
            ['Description', attachment.source.description],
            ['AttachmentName', attachment.source.attachmentName],
          ]),
          `${PATHS.manifest}/Reference[${index}]`,
        ),
      ),
    },
    PATHS.manifest,
  );
  const root: XmlObject = {
    '@_xmlns': EDXML_NAMESPACE,
    [edxmlName('edXMLEnvelope')]: extras.into(
      {
        '@_xmlns:edXML': EDXML_NAMESPACE,
        [edxmlName('edXMLHeader')]: extras.into(header, PATHS.header),
        [edxmlName('edXMLBody')]: extras.into({ [edxmlName('edXMLManifest')]: manifest }, PATHS.body),
      },
      PATHS.envelope,
    ),
  };
  if (attachments.length) {
    root.AttachmentEncoded = extras.into(
      {
        Attachment: attachments.map((attachment, index) =>
          extras.into(
            {
              ContentId: attachment.contentId,
              AttachmentName: attachment.source.attachmentName,
              ...(attachment.source.description ? { Description: attachment.source.description } : {}),
              ContentType: attachment.contentType,
              [edxmlName('ContentTransferEncoded')]: { '@_xmlns:edXML': EDXML_NAMESPACE, '#text': `${marker}${index}` },
            },
            `${PATHS.attachmentEncoded}/Attachment[${index}]`,
          ),
        ),
      },
      PATHS.attachmentEncoded,
    );
  }
  extras.into(root, PATHS.root);
  const xml: string = xmlBuilder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, edXML: root });
  const pieces = xml.split(new RegExp(`${marker}(\\d+)`));
  return Readable.from(
    (async function* () {
      for (let index = 0; index < pieces.length; index += 1) {
        if (index % 2 === 0) yield Buffer.from(pieces[index], 'utf8');
        else yield* base64Of(payloadOf(attachments[Number(pieces[index])]));
      }
    })(),
    { objectMode: false },
  );
}

/** The whole message in memory. Throws EdxmlValidationError naming every field that is wrong. */
export async function writeDocumentMessage(message: EdxmlDocumentMessageInput, options: EdxmlWriteOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of writeDocumentMessageStream(message, options)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function openContent(attachment: EdxmlOutgoingAttachment): Readable {
  const content = attachment.content;
  if (Buffer.isBuffer(content)) return Readable.from([content]);
  if (typeof content === 'function') return content();
  return createReadStream(content.path);
}

function payloadOf(attachment: PreparedAttachment): Readable {
  if (!attachment.zip) return openContent(attachment.source);
  const zip = new ZipFile();
  zip.addReadStream(openContent(attachment.source), zipEntryName(attachment.source.attachmentName), { mtime: new Date(0) });
  zip.end();
  return zip.outputStream as Readable;
}

/**
 * Inside the zip only the file's own name: a folder, `..` or a drive-like `a:` in it would be refused
 * by careful receivers (and by yazl). The AttachmentName in the message stays as given.
 */
export function zipEntryName(attachmentName: string): string {
  const name = basename(attachmentName.replaceAll('\\', '/')).replaceAll(':', '_');
  return name === '' || name === '.' || name === '..' ? 'attachment' : name;
}

/** base64 of a byte stream, three bytes at a time so pieces join without padding in between */
async function* base64Of(bytes: Readable): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const chunk of bytes) {
    const data = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const usable = data.length - (data.length % 3);
    carry = Buffer.from(data.subarray(usable));
    if (usable) yield Buffer.from(data.subarray(0, usable).toString('base64'), 'latin1');
  }
  if (carry.length) yield Buffer.from(carry.toString('base64'), 'latin1');
}
