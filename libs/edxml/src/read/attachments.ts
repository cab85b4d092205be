import type { EdxmlLimits } from '../model/limits';
import type { EdxmlAttachment, EdxmlAttachmentFile, EdxmlContent, EdxmlManifestReference } from '../model/message';
import type { EdxmlProblem } from '../model/problems';
import { contentTypeOfName, isPdf, isPdfType, isZip, isZipType, pdfDamage } from './content-check';
import type { SpoolFolder, SpooledContent } from './content-spool';
import { childNamed, childrenNamed, textOf } from './xml-node';
import type { XmlNode } from './xml-tree-reader';
import { unpackZip } from './zip-unpack';

/** What callers see of spooled bytes: size, hash and ways to read; not the spool's internals. */
const publicContent = (content: SpooledContent): EdxmlContent => ({ size: content.size, sha256: content.sha256, open: content.open, read: content.read });

/**
 * The attachments of AttachmentEncoded, matched to the manifest by ContentId. Each is decoded,
 * unpacked when it is a zip (whatever its declared type) and checked; whatever is wrong with one
 * attachment is said on that attachment and never stops the message.
 */
export async function readAttachments(root: XmlNode, manifest: EdxmlManifestReference[], limits: EdxmlLimits, folder: SpoolFolder): Promise<{ attachments: EdxmlAttachment[]; problems: EdxmlProblem[] }> {
  const nodes = childrenNamed(childNamed(root, 'AttachmentEncoded'), 'Attachment');
  const attachments: EdxmlAttachment[] = [];
  const problemsOfMessage: EdxmlProblem[] = [];
  for (const [index, node] of nodes.entries()) {
    const contentId = textOf(node, 'ContentId');
    const reference = manifest.find((entry) => entry.contentId !== undefined && entry.contentId === contentId);
    const path = `Attachment[${contentId ?? index + 1}]`;
    const attachment: EdxmlAttachment = {
      ...(contentId ? { contentId } : {}),
      ...optional('attachmentName', textOf(node, 'AttachmentName') ?? reference?.attachmentName),
      ...optional('description', textOf(node, 'Description') ?? reference?.description),
      ...optional('contentType', textOf(node, 'ContentType')),
      ...optional('manifestContentType', reference?.contentType),
      zipped: false,
      files: [],
      problems: [],
    };
    const problems = attachment.problems;
    if (!reference) problems.push({ path, code: 'attachment_not_in_manifest', severity: 'warning', message: 'no manifest Reference has this ContentId' });
    if (attachment.contentType && attachment.manifestContentType && attachment.contentType !== attachment.manifestContentType) {
      problems.push({ path, code: 'content_type_mismatch', severity: 'warning', message: `the manifest says ${attachment.manifestContentType}, the attachment ${attachment.contentType}` });
    }
    const encoded = childNamed(node, 'ContentTransferEncoded');
    const spooled = encoded?.content?.spooled;
    if (!encoded || !spooled) {
      problems.push({ path, code: 'attachment_undecodable', severity: 'warning', message: 'the attachment has no ContentTransferEncoded' });
    } else if (encoded.content?.failure) {
      problems.push({ path, code: 'attachment_undecodable', severity: 'warning', message: `the content is not base64: ${encoded.content.failure}` });
    } else if (spooled.size === 0) {
      problems.push({ path, code: 'attachment_undecodable', severity: 'warning', message: 'the content is empty' });
    } else {
      attachment.payload = publicContent(spooled);
      await readPayload(attachment, spooled, limits, folder, path);
    }
    attachments.push(attachment);
  }
  for (const reference of manifest) {
    if (!attachments.some((attachment) => attachment.contentId !== undefined && attachment.contentId === reference.contentId)) {
      const path = `edXMLManifest/Reference[${reference.contentId ?? '?'}]`;
      problemsOfMessage.push({ path, code: 'manifest_without_attachment', severity: 'warning', message: 'the manifest names an attachment the message does not carry' });
    }
  }
  return { attachments, problems: problemsOfMessage };
}

async function readPayload(attachment: EdxmlAttachment, payload: SpooledContent, limits: EdxmlLimits, folder: SpoolFolder, path: string) {
  const declared = [attachment.manifestContentType, attachment.contentType].find((type) => type && !isZipType(type));
  if (isZip(payload.head)) {
    attachment.zipped = true;
    const unpacked = await unpackZip(payload, limits, folder, path);
    attachment.problems.push(...unpacked.problems);
    attachment.files = unpacked.files.map(({ name, content }) => ({ name, contentType: contentTypeOfName(name), ...publicContent(content) }));
    unpacked.files.forEach(({ name, content }) => checkFile(attachment.problems, `${path}/${name}`, contentTypeOfName(name), content));
    return;
  }
  if (!declared && [attachment.contentType, attachment.manifestContentType].some(isZipType)) {
    attachment.problems.push({ path, code: 'content_type_mismatch', severity: 'warning', message: 'declared a zip, but the content is not one' });
  }
  const name = attachment.attachmentName ?? attachment.contentId ?? 'attachment';
  const contentType = declared ?? (isPdf(payload.head) ? 'application/pdf' : contentTypeOfName(name));
  const file: EdxmlAttachmentFile = { name, contentType, ...publicContent(payload) };
  attachment.files = [file];
  checkFile(attachment.problems, path, contentType, payload);
}

/** A file that claims to be a PDF (by type or name) must be one, whole. */
function checkFile(problems: EdxmlProblem[], path: string, contentType: string, content: SpooledContent) {
  if (!isPdfType(contentType) && !isPdf(content.head)) return;
  const damage = pdfDamage(content.head, content.tail);
  if (damage) problems.push({ path, code: 'attachment_content_invalid', severity: 'warning', message: `not a valid PDF: ${damage}` });
}

const optional = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));
