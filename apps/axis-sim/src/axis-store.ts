import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export type MessageType = 'edoc' | 'status';
/** The transport status a receiver sets with updateStatus (not the edXML status code). */
export type TransportStatus = 'initial' | 'processing' | 'done' | 'fail';

/** One message waiting for, or taken by, one receiver. A message to three agencies is three deliveries of one stored message. */
export interface Delivery {
  /** the receiver's id of the message (`docId` in getReceivedEdocList, `receiverDocId` in getSentEdocList) */
  docId: string;
  /** the sender's id of the message, the same for every receiver of one sendEdoc */
  senderDocId: string;
  from: string;
  to: string;
  messageType: MessageType;
  /** what the sent list shows: subject and code, or the status code */
  title: string;
  notation: string;
  /** the edXML DocumentId the message is about */
  documentId: string | null;
  status: TransportStatus;
  createdAt: string;
  updatedAt: string;
  /** when the receiver last fetched it with getEdoc */
  receivedAt: string | null;
}

/**
 * The axis' own store: a directory that survives restarts. Each message's bytes are written once
 * (`messages/<senderDocId>.edxml`), each delivery as a small JSON file (`deliveries/<docId>.json`),
 * every write to a temporary name, flushed, then renamed — a crash leaves the old file or the new
 * one, never half of one. The message is written before its deliveries, so a delivery always has
 * its bytes; a sender that got no answer sends again (the receiver deduplicates, as with the real
 * axis). The index of deliveries is kept in memory: one process serves the store.
 */
export class AxisStore {
  private readonly deliveries = new Map<string, Delivery>();

  constructor(private readonly directory: string) {
    mkdirSync(join(directory, 'messages'), { recursive: true });
    mkdirSync(join(directory, 'deliveries'), { recursive: true });
    for (const name of readdirSync(join(directory, 'deliveries'))) {
      if (!name.endsWith('.json')) continue; // a temporary file left by a crash
      const delivery = JSON.parse(readFileSync(join(directory, 'deliveries', name), 'utf8')) as Delivery;
      this.deliveries.set(delivery.docId, delivery);
    }
  }

  /** Stores a message for each receiver; returns the sender's id and the deliveries. */
  addMessage(body: Buffer, receivers: string[], fields: Pick<Delivery, 'from' | 'messageType' | 'title' | 'notation' | 'documentId'>, now: Date): Delivery[] {
    const senderDocId = randomUUID();
    this.writeAtomically(join(this.directory, 'messages', `${senderDocId}.edxml`), body);
    const at = now.toISOString();
    return receivers.map((to) => {
      const delivery: Delivery = { ...fields, docId: randomUUID(), senderDocId, to, status: 'initial', createdAt: at, updatedAt: at, receivedAt: null };
      this.save(delivery);
      return delivery;
    });
  }

  get(docId: string): Delivery | undefined {
    return this.deliveries.get(docId);
  }

  messageBytes(delivery: Delivery): Buffer {
    return readFileSync(join(this.directory, 'messages', `${delivery.senderDocId}.edxml`));
  }

  /** What a receiver has not finished taking (anything not `done`), oldest first. */
  received(organId: string, messageType: MessageType | null): Delivery[] {
    return [...this.deliveries.values()]
      .filter((delivery) => delivery.to === organId && delivery.status !== 'done' && (!messageType || delivery.messageType === messageType))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.docId.localeCompare(b.docId));
  }

  sent(organId: string, messageType: MessageType | null): Delivery[] {
    return [...this.deliveries.values()]
      .filter((delivery) => delivery.from === organId && (!messageType || delivery.messageType === messageType))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.docId.localeCompare(b.docId));
  }

  update(delivery: Delivery, changes: Partial<Pick<Delivery, 'status' | 'receivedAt'>>, now: Date): Delivery {
    const updated = { ...delivery, ...changes, updatedAt: now.toISOString() };
    this.save(updated);
    return updated;
  }

  private save(delivery: Delivery): void {
    this.writeAtomically(join(this.directory, 'deliveries', `${delivery.docId}.json`), Buffer.from(JSON.stringify(delivery)));
    this.deliveries.set(delivery.docId, delivery);
  }

  private writeAtomically(path: string, bytes: Buffer): void {
    const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
    const descriptor = openSync(temporary, 'w');
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(descriptor, bytes, written, bytes.length - written);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  }
}
