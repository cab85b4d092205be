import { randomUUID } from 'node:crypto';
import { AxisCredentials, axisFileHash, signAxisHeaders } from './axis-signing';

export type AxisMessageType = 'edoc' | 'status';
export type AxisTransportStatus = 'processing' | 'done' | 'fail';

/** An item of getReceivedEdocList. */
export interface AxisReceivedItem {
  docId: string;
  messageType: AxisMessageType;
  from: string;
  to: string;
  status: string;
  created_time: string;
}

/** An item of getSentEdocList. */
export interface AxisSentItem {
  senderDocId: string;
  receiverDocId: string;
  fromCode: string;
  toCode: string;
  messageType: AxisMessageType;
  receiveStatus: string;
  sentTime: string;
  receivedTime: string | null;
}

/** An agency of the axis' directory (getAgenciesList). */
export interface AxisAgencyItem {
  id: string;
  code: string;
  pcode: string;
  name: string;
  mail: string;
  mobile: string;
  fax: string;
}

/** The axis could not be reached or failed on its side: the call may be made again later. */
export class AxisUnavailableError extends Error {}

/** The axis answered FAIL: the call as made will not succeed by repeating it. */
export class AxisRefusedError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

export interface AxisClientOptions {
  endpoint: string;
  credentials: AxisCredentials;
  timeoutMs: number;
  now?: () => Date;
}

/**
 * Our side of the axis' REST protocol (the SDK's operations, signed headers). Every call is signed
 * afresh; a `requestid` (a random UUID) is signed with it so two identical calls in the same
 * millisecond — two pollers — are not taken for a replay.
 */
export class AxisClient {
  constructor(private readonly options: AxisClientOptions) {}

  /** Sends an edXML message (a document or a status); returns the axis' id of it. */
  async send(message: Buffer, messageType: AxisMessageType, from: string): Promise<string> {
    const answer = await this.call('POST', '/sendEdoc', { from, servicetype: 'eDoc', messagetype: messageType, 'hash-file': axisFileHash(message) }, message);
    return String(answer.DocId);
  }

  async received(messageType: AxisMessageType): Promise<AxisReceivedItem[]> {
    return ((await this.call('POST', '/getReceivedEdocList', { servicetype: 'eDoc', messagetype: messageType })).data ?? []) as AxisReceivedItem[];
  }

  async fetch(docId: string): Promise<Buffer> {
    const answer = await this.call('POST', '/getEdoc', { docid: docId, filepath: '' });
    return Buffer.from(String(answer.data ?? ''), 'base64');
  }

  async updateStatus(docId: string, status: AxisTransportStatus): Promise<void> {
    await this.call('POST', '/updateStatus', { docid: docId, status });
  }

  async sent(messageType: AxisMessageType): Promise<AxisSentItem[]> {
    return ((await this.call('POST', '/getSentEdocList', { servicetype: 'eDoc', messagetype: messageType })).data ?? []) as AxisSentItem[];
  }

  async agencies(): Promise<AxisAgencyItem[]> {
    return ((await this.call('POST', '/getAgenciesList', {})).data ?? []) as AxisAgencyItem[];
  }

  private async call(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: Buffer): Promise<Record<string, unknown>> {
    const now = this.options.now?.() ?? new Date();
    const signed = signAxisHeaders(this.options.credentials, { ...headers, requestid: randomUUID() }, now);
    let response: Response;
    try {
      response = await fetch(new URL(path.slice(1), this.options.endpoint.endsWith('/') ? this.options.endpoint : `${this.options.endpoint}/`), {
        method,
        headers: { ...signed, 'content-type': 'application/octet-stream' },
        body: body ? new Uint8Array(body) : method === 'POST' ? '' : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new AxisUnavailableError(`the axis cannot be reached: ${(error as Error).message}`);
    }
    let answer: Record<string, unknown>;
    try {
      answer = (await response.json()) as Record<string, unknown>;
    } catch {
      throw new AxisUnavailableError(`the axis answered ${response.status} without JSON`);
    }
    if (response.status >= 500) throw new AxisUnavailableError(`the axis failed (${response.status}): ${String(answer.ErrorDesc ?? '')}`);
    if (answer.status !== 'OK') throw new AxisRefusedError(String(answer.ErrorCode ?? response.status), String(answer.ErrorDesc ?? `the axis refused the call (${response.status})`));
    return answer;
  }
}
