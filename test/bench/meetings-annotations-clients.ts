/**
 * The 300 tablets of the meetings benchmark, run in a worker thread of their own so that the
 * clients' work does not share an event loop with the API they measure (as on real devices).
 * Connects every client (spread over the replicas' addresses in turn), joins the meeting and the
 * material, then has the first client draw shared annotations one at a time and notes, for each,
 * when every other client received it. One clock (this thread's) times send and receipt.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { io, Socket } from 'socket.io-client';

export interface ClientsJob {
  baseUrls: string[];
  tokens: string[];
  meetingId: string;
  versionId: string;
  rounds: number;
}

export interface ClientsResult {
  connectAndJoinMs: number;
  /** per annotation and receiving client: ms from the sender's emit to the receipt */
  delays: number[];
  /** per annotation: ms from the emit to the sender's acknowledgement (written and broadcast) */
  acks: number[];
  /** per annotation: ms until the last of the others had it */
  lastReceipt: number[];
  lost: number;
}

async function open(baseUrl: string, token: string, meetingId: string, versionId: string): Promise<Socket> {
  const socket = io(baseUrl, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  for (const [event, body] of [
    ['meeting:join', { meetingId }],
    ['material:join', { meetingId, materialVersionId: versionId }],
  ] as const) {
    const answer = await socket.timeout(60_000).emitWithAck(event, body);
    if (!answer.ok) throw new Error(`${event}: ${JSON.stringify(answer.error)}`);
  }
  return socket;
}

async function run(job: ClientsJob): Promise<ClientsResult> {
  const started = performance.now();
  const sockets: Socket[] = [];
  // a few at a time, as people come into a room
  for (let index = 0; index < job.tokens.length; index += 20)
    sockets.push(...(await Promise.all(job.tokens.slice(index, index + 20).map((token, offset) => open(job.baseUrls[(index + offset) % job.baseUrls.length], token, job.meetingId, job.versionId)))));
  const connectAndJoinMs = performance.now() - started;

  const [sender, ...receivers] = sockets;
  const result: ClientsResult = { connectAndJoinMs, delays: [], acks: [], lastReceipt: [], lost: 0 };
  for (let round = 0; round < job.rounds; round++) {
    const comment = `bench ${round}`;
    let pending = receivers.length;
    let last = 0;
    let sentAt = 0;
    const allReceived = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        result.lost += pending;
        resolve();
      }, 10_000);
      for (const socket of receivers) {
        const handler = (annotation: { comment: string | null }) => {
          if (annotation.comment !== comment) return;
          socket.off('annotation:changed', handler);
          const delay = performance.now() - sentAt;
          result.delays.push(delay);
          last = Math.max(last, delay);
          if (--pending === 0) {
            clearTimeout(timer);
            resolve();
          }
        };
        socket.on('annotation:changed', handler);
      }
    });
    sentAt = performance.now();
    const ack = await sender.timeout(10_000).emitWithAck('annotation:create', {
      materialVersionId: job.versionId,
      pageIndex: round % 3,
      shape: { kind: 'ink', strokes: [[{ x: 100, y: 100 + round }, { x: 160, y: 140 + round }, { x: 220, y: 120 + round }]], width: 2 },
      color: '#e53935',
      comment,
      visibility: 'shared',
    });
    result.acks.push(performance.now() - sentAt);
    if (!ack.ok) throw new Error(`annotation:create: ${JSON.stringify(ack.error)}`);
    await allReceived;
    result.lastReceipt.push(last);
    // people draw a few times a second in all, not in a tight loop
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const socket of sockets) socket.close();
  return result;
}

if (parentPort)
  run(workerData as ClientsJob).then(
    (result) => parentPort!.postMessage({ result }),
    (error: Error) => parentPort!.postMessage({ error: error.stack ?? error.message }),
  );
