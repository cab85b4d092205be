import { rmSync } from 'node:fs';
import { ExchangeWorker } from '../../apps/api/src/exchange/exchange.worker';
import { InboxService } from '../../apps/api/src/exchange/inbox/inbox.service';
import { IncomingFlow } from './incoming-flow';
import { draftReadyToSign, OutgoingActors } from './outgoing-flow';
import { createTestApp, TestApp } from './test-app';
import { createTestDatabase } from './test-database';

const PASSPHRASE = 'KySo@2026';

/** Waits until `check` gives a value (not undefined/false); fails with `what` after a while. Never a timing assertion. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, seconds = 40): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface AgencyIdentity {
  organId: string;
  name: string;
  notation: string;
  secret: string;
}

/**
 * One agency running this system, connected to the axis: its own database (kept across a restart
 * of the API, as a real installation's is), its people, and the steps its clerks and leaders take.
 */
export class TestAgency {
  system!: TestApp;
  readonly actors: OutgoingActors = { token: {}, userId: {} };
  incoming!: IncomingFlow;
  private database!: { url: string; drop(): Promise<void> };
  private dataDir = '';

  constructor(
    readonly identity: AgencyIdentity,
    private readonly axisUrl: string,
  ) {}

  async start(): Promise<this> {
    if (!this.database) this.database = await createTestDatabase();
    const environment: Record<string, string> = {
      DATABASE_URL: this.database.url,
      ORGAN_ID: this.identity.organId,
      ORGAN_NAME: this.identity.name,
      ORGAN_NOTATION: this.identity.notation,
      AXIS_ENDPOINT: this.axisUrl,
      AXIS_SECRET: this.identity.secret,
      AXIS_RETRY_DELAY_SECONDS: '1',
    };
    if (this.dataDir) environment.DATA_DIR = this.dataDir;
    this.system = await createTestApp(environment);
    this.dataDir = this.system.dataDir;
    for (const username of ['vanthu', 'lanhdao', 'truongphong', 'chuyenvien']) this.actors.token[username] = await this.system.login(username);
    for (const row of await this.system.query(`SELECT id, username FROM "user"`)) this.actors.userId[row.username] = row.id;
    this.incoming = await new IncomingFlow(this.system).init(['vanthu', 'lanhdao', 'truongphong', 'chuyenvien']);
    return this;
  }

  /** The API goes away (its database and files stay); `start` brings it back. */
  async stop(): Promise<void> {
    await this.system.app.close();
  }

  async close(): Promise<void> {
    await this.system?.close();
    await this.database?.drop();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  as(username: string): { Authorization: string } {
    return { Authorization: `Bearer ${this.actors.token[username]}` };
  }

  http() {
    return this.system.http();
  }

  /** A document drafted, signed by the leader and issued by the clerk for the given agencies; dispatched. */
  async issueTo(organIds: string[], subject: string): Promise<{ id: string; numberAndNotation: string; issuedOn: string }> {
    const directoryIds: string[] = [];
    for (const organId of organIds) directoryIds.push((await this.system.query(`SELECT id FROM organ WHERE organ_id = $1`, [organId]))[0].id);
    const [register] = await this.system.query(`SELECT id FROM document_register WHERE direction = 'outgoing' AND code = 'DI'`);
    const ready = await draftReadyToSign(this.system, this.actors, { documentType: 'official_letter', subject, urgency: 'urgent', recipientOrganIds: directoryIds });
    const signed = (await this.http().post(`/api/outgoing-documents/${ready.id}/signature`).set(this.as('lanhdao')).send({ passphrase: PASSPHRASE, version: ready.version }).expect(201)).body;
    const issued = (await this.http().post(`/api/outgoing-documents/${ready.id}/issuance`).set(this.as('vanthu')).send({ registerId: register.id, passphrase: PASSPHRASE, version: signed.version }).expect(201)).body;
    await this.http().post(`/api/outgoing-documents/${ready.id}/dispatch`).set(this.as('vanthu')).send({ version: issued.version }).expect(201);
    return { id: ready.id, numberAndNotation: issued.issuance.numberAndNotation, issuedOn: issued.issuance.issuedOn };
  }

  /** What the minutely round does: queue what waits to be sent, then take what the axis holds. */
  async queueWaiting(): Promise<void> {
    await this.system.app.get(ExchangeWorker).queueWaiting();
  }

  async poll(): Promise<number> {
    return this.system.app.get(InboxService).poll();
  }

  async outboxOf(outgoingId: string): Promise<{ kind: string; status: string; attempts: number }[]> {
    return this.system.query(`SELECT kind, status, attempts FROM exchange_outbox WHERE outgoing_document_id = $1 ORDER BY created_at`, [outgoingId]);
  }

  async exchangeOf(outgoingId: string) {
    return (await this.http().get(`/api/outgoing-documents/${outgoingId}/exchange`).set(this.as('vanthu')).expect(200)).body;
  }

  /**
   * Polls — two pollers at once each time — until the document from that agency is here, and
   * returns every incoming document made of it. A poll that finds a message being processed by the
   * minutely round skips it, hence more than one round.
   */
  async pollUntilReceived(organId: string, numberAndNotation: string): Promise<{ id: string; state: string; version: number }[]> {
    return eventually(`${numberAndNotation} from ${organId}`, async () => {
      await Promise.all([this.poll(), this.poll()]);
      const received = await this.receivedFrom(organId, numberAndNotation);
      return received.length ? received : undefined;
    });
  }

  /** The incoming documents that came from an agency with this number and notation. */
  async receivedFrom(organId: string, numberAndNotation: string): Promise<{ id: string; state: string; version: number }[]> {
    const [number, notation] = [numberAndNotation.slice(0, numberAndNotation.indexOf('/')), numberAndNotation.slice(numberAndNotation.indexOf('/') + 1)];
    return this.system.query(`SELECT id, state, version FROM incoming_document WHERE issuer_organ_id = $1 AND code_number = $2 AND code_notation = $3`, [organId, number, notation]);
  }
}
