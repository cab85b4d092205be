import { TextDecoder } from 'node:util';
import { Readable } from 'node:stream';
import sax from 'sax';
import type { EdxmlLimits } from '../model/limits';
import { EdxmlRefusedError } from '../model/problems';
import { Base64Decoder } from './base64-decoder';
import { ContentSpool, SpoolFolder, type SpooledContent } from './content-spool';

/** One element of the message, light: attachment contents are never kept as text. */
export interface XmlNode {
  local: string;
  uri: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
  parent?: XmlNode;
  /** set by the mapper on every element it understood; what is left is kept as unknown */
  used?: boolean;
  /** the decoded content of a ContentTransferEncoded element */
  content?: { spooled?: SpooledContent; failure?: string };
}

/** sax flushes a text node every 64 KiB of input it is given at once: pieces fed are kept near that. */
const PIECE_CHARS = 64 * 1024;
/** the opening tag of an attachment's content, with any prefix */
const CONTENT_OPENING = /<(?:[A-Za-z_][\w.-]*:)?ContentTransferEncoded\b[^>]*>/g;

interface PendingContent {
  node: XmlNode;
  decoder: Base64Decoder;
  spool: ContentSpool;
}

/**
 * Streams the XML through sax (strict, namespace-aware) into a tree, with the limits applied as it
 * goes: a DOCTYPE is refused (so no entity can ever be declared, let alone expanded; sax knows only
 * the five predefined ones and character references), and so are too many bytes, too deep nesting,
 * too many elements, too long texts. Attachment contents are decoded from base64 piece by piece into
 * spools and never exist as one string.
 */
export async function readXmlTree(input: Buffer | Readable, limits: EdxmlLimits, folder: SpoolFolder): Promise<XmlNode> {
  const parser = sax.parser(true, { xmlns: true, trim: false, normalize: false, position: true });
  const root: XmlNode = { local: '#document', uri: '', attributes: {}, text: '', children: [] };
  let current = root;
  let depth = 0;
  let elements = 0;
  let content: PendingContent | undefined;
  const spools: ContentSpool[] = [];
  const finishing: Promise<void>[] = [];

  parser.ondoctype = () => {
    throw new EdxmlRefusedError('DOCTYPE_REFUSED', 'the message declares a DOCTYPE: DTDs and entities are not accepted in edXML');
  };
  parser.onopentag = (tag) => {
    const qualified = tag as sax.QualifiedTag;
    depth += 1;
    elements += 1;
    if (depth > limits.maxDepth) throw new EdxmlRefusedError('TOO_DEEP', `elements are nested deeper than ${limits.maxDepth} levels`);
    if (elements > limits.maxElements) throw new EdxmlRefusedError('TOO_MANY_ELEMENTS', `the message has more than ${limits.maxElements} elements`);
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(qualified.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      // Clark notation keeps the namespace of a prefixed attribute without its prefix
      attributes[attribute.uri ? `{${attribute.uri}}${attribute.local}` : attribute.local] = attribute.value;
    }
    const node: XmlNode = { local: qualified.local, uri: qualified.uri, attributes, text: '', children: [], parent: current };
    current.children.push(node);
    current = node;
    if (node.local === 'ContentTransferEncoded' && node.parent?.local === 'Attachment') {
      const spool = new ContentSpool(folder, limits.memoryThresholdBytes, limits.maxAttachmentBytes, () => {
        throw new EdxmlRefusedError('ATTACHMENT_TOO_LARGE', `an attachment is larger than ${limits.maxAttachmentBytes} bytes once decoded`);
      });
      spools.push(spool);
      content = { node, decoder: new Base64Decoder(), spool };
    }
  };
  const onText = (text: string) => {
    if (content && current === content.node) {
      content.spool.write(content.decoder.push(text));
      return;
    }
    if (current === root) {
      if (text.trim()) throw new EdxmlRefusedError('NOT_WELL_FORMED', 'text outside the root element');
      return;
    }
    if (current.text.length + text.length > limits.maxTextLength) {
      throw new EdxmlRefusedError('TEXT_TOO_LONG', `the text of ${current.local} is longer than ${limits.maxTextLength} characters`);
    }
    current.text += text;
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onclosetag = () => {
    if (content && current === content.node) {
      const { node, decoder, spool } = content;
      decoder.end();
      node.content = { failure: decoder.failure };
      finishing.push(spool.finish().then((spooled) => void (node.content = { ...node.content, spooled })));
      content = undefined;
    }
    depth -= 1;
    current = current.parent ?? root;
  };
  parser.onerror = (error) => {
    throw new EdxmlRefusedError('NOT_WELL_FORMED', `not well-formed XML: ${error.message.split('\n')[0]} (line ${parser.line + 1}, column ${parser.column + 1})`);
  };
  /**
   * sax looks at every character, which is slow for megabytes of base64. Inside an attachment's
   * ContentTransferEncoded the text goes straight to the decoder up to the next `<`; sax sees the
   * markup around it (so it still checks the element is closed properly). Line numbers in sax's
   * messages then no longer count those characters.
   */
  const feed = (text: string) => {
    let at = 0;
    while (at < text.length) {
      if (content && current === content.node) {
        const markup = text.indexOf('<', at);
        const end = markup === -1 ? text.length : markup;
        if (end > at) content.spool.write(content.decoder.push(text.slice(at, end)));
        at = end;
        if (markup === -1) return;
      }
      CONTENT_OPENING.lastIndex = at;
      const opening = CONTENT_OPENING.exec(text);
      const stop = opening ? opening.index + opening[0].length : text.length;
      parser.write(text.slice(at, stop));
      at = stop;
    }
  };
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let bytes = 0;
  try {
    for await (const chunk of chunksOf(input)) {
      bytes += chunk.length;
      if (bytes > limits.maxMessageBytes) throw new EdxmlRefusedError('MESSAGE_TOO_LARGE', `the message is larger than ${limits.maxMessageBytes} bytes`);
      const text = decodeUtf8(decoder, chunk, false);
      for (let start = 0; start < text.length; start += PIECE_CHARS) {
        feed(text.slice(start, start + PIECE_CHARS));
        if (content) await content.spool.drain();
      }
    }
    feed(decodeUtf8(decoder, new Uint8Array(), true));
    parser.close();
    await Promise.all(finishing);
  } catch (error) {
    await Promise.all(spools.map((spool) => spool.abandon()));
    throw error;
  }
  if (!root.children.length) throw new EdxmlRefusedError('NOT_WELL_FORMED', 'the message is empty');
  return root;
}

function decodeUtf8(decoder: TextDecoder, bytes: Uint8Array, last: boolean): string {
  try {
    return decoder.decode(bytes, { stream: !last });
  } catch {
    throw new EdxmlRefusedError('NOT_UTF8', 'the message is not UTF-8 text');
  }
}

async function* chunksOf(input: Buffer | Readable): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(input)) {
    for (let start = 0; start < input.length; start += 1024 * 1024) yield input.subarray(start, start + 1024 * 1024);
    return;
  }
  for await (const chunk of input) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
}
