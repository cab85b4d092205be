import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AxisAgency } from './axis-config';
import { AxisStore, Delivery, MessageType, TransportStatus } from './axis-store';
import { fileHashMatches, Refusal, verifyCall, VerifiedCall } from './header-verification';
import { ReplayGuard } from './replay-guard';

/** What the axis needs to know of a message to route it: who it is from and for whom. */
export interface MessageRouting {
  messageType: MessageType;
  from: string;
  /** the organs in `To` (a document), or the organ a status answers (`ResponseFor/OrganId`: the sender for 01–06, the receiver for 13) */
  to: string[];
  documentId: string | null;
  title: string;
  notation: string;
}

export interface AxisServerOptions {
  agencies: AxisAgency[];
  store: AxisStore;
  replay: ReplayGuard;
  replayWindowSeconds: number;
  maxMessageBytes: number;
  /** reads the routing fields of an edXML message; throws on a message that is not edXML */
  route(body: Buffer, messageType: MessageType): Promise<MessageRouting>;
  now?: () => Date;
}

class Failure extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

const TRANSPORT_STATUSES: Record<string, TransportStatus> = { processing: 'processing', done: 'done', fail: 'fail' };
const STATUS_DESCRIPTIONS: Record<TransportStatus, string> = { initial: 'Chờ nhận', processing: 'Đang nhận', done: 'Đã nhận', fail: 'Nhận lỗi' };

/**
 * The stand-in for the national document exchange axis (VDXP), speaking the SDK's REST protocol:
 * POST /sendEdoc, /getReceivedEdocList, /getEdoc, /updateStatus, /getSentEdocList, /getAgenciesList,
 * GET /countReceiveEdoc. Every call is signed (see header-verification); answers are JSON
 * `{status: "OK"|"FAIL", ErrorCode, ErrorDesc, …}`.
 */
export function createAxisServer(options: AxisServerOptions): Server {
  const agencies = new Map(options.agencies.map((agency) => [agency.organId, agency]));
  const now = options.now ?? (() => new Date());
  const { store } = options;

  const operations: Record<string, (call: VerifiedCall, request: IncomingMessage) => Promise<Record<string, unknown>>> = {
    'POST /sendEdoc': async (call, request) => {
      const messageType = messageTypeOf(call.headers.messagetype);
      if (!messageType) throw new Failure(400, 'BAD_HEADER', 'messagetype must be edoc or status');
      if (call.headers.from !== call.agency.organId) throw new Failure(403, 'NOT_SENDER', 'from must be the calling agency');
      const body = await readBody(request, options.maxMessageBytes);
      if (!fileHashMatches(body, call.headers['hash-file'])) throw new Failure(400, 'BAD_HASH', 'hash-file does not match the message');
      let routing: MessageRouting;
      try {
        routing = await options.route(body, messageType);
      } catch (error) {
        throw new Failure(400, 'BAD_MESSAGE', `not a readable edXML ${messageType} message: ${(error as Error).message}`);
      }
      if (routing.from !== call.agency.organId) throw new Failure(403, 'NOT_SENDER', `the message is from ${routing.from}, not from the calling agency`);
      // a status goes to the organ it answers (ResponseFor/OrganId): the sender for 01–06, the receiver for 13
      const receivers = routing.to;
      const unknown = receivers.filter((organ) => !agencies.has(organ));
      if (unknown.length) throw new Failure(400, 'UNKNOWN_RECEIVER', `not registered with the axis: ${unknown.join(', ')}`);
      if (!receivers.length) throw new Failure(400, 'NO_RECEIVER', 'the message names no receiver');
      const deliveries = store.addMessage(body, [...new Set(receivers)], { from: routing.from, messageType: routing.messageType, title: routing.title, notation: routing.notation, documentId: routing.documentId }, now());
      return { DocId: deliveries[0].senderDocId };
    },
    'POST /getReceivedEdocList': async (call) => ({
      data: store.received(call.agency.organId, messageTypeOf(call.headers.messagetype)).map((delivery) => ({
        docId: delivery.docId,
        serviceType: 'eDoc',
        messageType: delivery.messageType,
        created_time: delivery.createdAt,
        updated_time: delivery.updatedAt,
        from: delivery.from,
        to: delivery.to,
        status: delivery.status,
        status_desc: STATUS_DESCRIPTIONS[delivery.status],
      })),
    }),
    'GET /countReceiveEdoc': async (call) => ({ total: store.received(call.agency.organId, 'edoc').length }),
    'POST /getEdoc': async (call) => {
      const delivery = ownDelivery(call, call.headers.docid);
      store.update(delivery, { receivedAt: now().toISOString() }, now());
      return { data: store.messageBytes(delivery).toString('base64') };
    },
    'POST /updateStatus': async (call) => {
      const delivery = ownDelivery(call, call.headers.docid);
      const status = TRANSPORT_STATUSES[call.headers.status ?? ''];
      if (!status) throw new Failure(400, 'BAD_HEADER', 'status must be processing, done or fail');
      store.update(delivery, { status }, now());
      return { DocId: delivery.docId };
    },
    'POST /getSentEdocList': async (call) => ({
      data: store.sent(call.agency.organId, messageTypeOf(call.headers.messagetype)).map((delivery) => ({
        senderDocId: delivery.senderDocId,
        receiverDocId: delivery.docId,
        fromCode: delivery.from,
        toCode: delivery.to,
        title: delivery.title,
        notation: delivery.notation,
        messageType: delivery.messageType,
        sendStatus: 'done',
        sendStatusDesc: 'Đã gửi',
        receiveStatus: delivery.status,
        receiveStatusDesc: STATUS_DESCRIPTIONS[delivery.status],
        sentTime: delivery.createdAt,
        receivedTime: delivery.receivedAt,
      })),
    }),
    'POST /getAgenciesList': async () => ({
      data: options.agencies.map((agency) => ({ id: agency.organId, code: agency.organId, pcode: agency.parentOrganId ?? '', name: agency.name, mail: agency.email ?? '', mobile: agency.phone ?? '', fax: '' })),
    }),
  };

  function ownDelivery(call: VerifiedCall, docId: string | undefined): Delivery {
    const delivery = docId ? store.get(docId) : undefined;
    // another agency's message is "not found", not "forbidden": its existence is not disclosed
    if (!delivery || delivery.to !== call.agency.organId) throw new Failure(404, 'NOT_FOUND', `no message ${docId ?? ''} for this agency`);
    return delivery;
  }

  return createServer((request, response) => {
    const operation = operations[`${request.method} ${(request.url ?? '').split('?')[0]}`];
    if (!operation) return answer(response, 404, { status: 'FAIL', ErrorCode: 'NO_OPERATION', ErrorDesc: `no operation ${request.method} ${request.url}` });
    void (async () => {
      try {
        const at = now();
        const call = verifyCall(request.headers, agencies, at, options.replayWindowSeconds);
        if (!options.replay.accept(call.signature, call.timestamp, at)) throw new Refusal('REPLAYED', 'this signed call was already made');
        const result = await operation(call, request);
        answer(response, 200, { status: 'OK', ErrorCode: '0', ErrorDesc: '', ...result });
      } catch (error) {
        request.resume(); // drain a refused upload so the connection closes cleanly
        if (error instanceof Refusal) return answer(response, 401, { status: 'FAIL', ErrorCode: error.code, ErrorDesc: error.message });
        if (error instanceof Failure) return answer(response, error.httpStatus, { status: 'FAIL', ErrorCode: error.errorCode, ErrorDesc: error.message });
        answer(response, 500, { status: 'FAIL', ErrorCode: 'INTERNAL', ErrorDesc: 'the axis could not handle the call' });
      }
    })();
  });
}

function messageTypeOf(value: string | undefined): MessageType | null {
  return value === 'edoc' || value === 'status' ? value : null;
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Failure(413, 'TOO_LARGE', `the message is larger than ${limit} bytes`));
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function answer(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (response.headersSent) return;
  // one call per connection: a client never reuses a socket of an axis that has since restarted
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  response.end(JSON.stringify(body));
}
