import { readEdxml } from '@app/edxml';
import type { MessageRouting } from './axis-server';
import type { MessageType } from './axis-store';

/**
 * What the axis reads of a message to deliver it: the sender, the receivers (each `To` of a
 * document; `ResponseFor/OrganId` of a status), and what the sent list shows. The message itself is
 * stored and delivered byte for byte as it came.
 */
export async function routeMessage(body: Buffer, messageType: MessageType): Promise<MessageRouting> {
  const read = await readEdxml(body);
  try {
    const expected = messageType === 'edoc' ? 'document' : 'status';
    if (read.kind !== expected) throw new Error(`messagetype ${messageType} but the message is a ${read.kind} message`);
    if (read.kind === 'document') {
      const { header } = read.message;
      const code = [header.code?.codeNumber, header.code?.codeNotation].filter(Boolean).join('/');
      return {
        messageType,
        from: header.from.organId ?? '',
        to: [...new Set(header.to.map((organ) => organ.organId).filter((organId): organId is string => Boolean(organId)))],
        documentId: header.documentId ?? null,
        title: header.subject ?? '',
        notation: code,
      };
    }
    const { header } = read.message;
    return {
      messageType,
      from: header.from.organId ?? '',
      to: header.responseFor?.organId ? [header.responseFor.organId] : [],
      documentId: header.responseFor?.documentId ?? null,
      title: `${header.statusCode} ${header.description ?? ''}`.trim(),
      notation: header.responseFor?.code ?? '',
    };
  } finally {
    await read.dispose();
  }
}
