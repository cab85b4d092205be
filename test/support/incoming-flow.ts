import { samplePdf } from '../../apps/api/src/files/testing/sample-files';
import type { TestApp } from './test-app';

/**
 * Drives incoming documents through the HTTP API as people do — register, submit, direct,
 * delegate, complete — so list and export tests start from states the system itself produced.
 */
export class IncomingFlow {
  readonly token: Record<string, string> = {};
  readonly userId: Record<string, string> = {};
  readonly unitId: Record<string, string> = {};
  registers: Record<string, string> = {};

  constructor(private readonly system: TestApp) {}

  async init(usernames: string[]): Promise<this> {
    for (const username of usernames) this.token[username] = await this.system.login(username);
    for (const row of await this.system.query(`SELECT id, username FROM "user"`)) this.userId[row.username] = row.id;
    for (const row of await this.system.query(`SELECT id, code FROM unit`)) this.unitId[row.code] = row.id;
    const list = (await this.system.http().get('/api/document-registers?direction=incoming').set(this.as(usernames[0])).expect(200)).body;
    this.registers = Object.fromEntries(list.map((register: { code: string; id: string }) => [register.code, register.id]));
    return this;
  }

  as(username: string): { Authorization: string } {
    return { Authorization: `Bearer ${this.token[username]}` };
  }

  async upload(username = 'vanthu'): Promise<string> {
    return (await this.system.http().post('/api/files').set(this.as(username)).attach('file', samplePdf(), 'văn bản.pdf').expect(201)).body.id;
  }

  async register(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number; arrivalNumber: number }> {
    const response = await this.system
      .http()
      .post('/api/incoming-documents')
      .set(this.as('vanthu'))
      .send({
        registerId: this.registers.DEN,
        receivedVia: 'paper',
        issuerName: 'UBND Tỉnh Nghệ An',
        codeNumber: String(Math.floor(Math.random() * 100000)),
        codeNotation: 'UBND-VX',
        promulgatedOn: '2026-11-18',
        documentType: 'official_letter',
        subject: 'Về việc báo cáo tình hình y tế cơ sở',
        urgency: 'normal',
        confidentiality: 'normal',
        mainFileId: await this.upload(),
        ...overrides,
      })
      .expect(201);
    return response.body.document;
  }

  async submit(document: { id: string; version: number }, leader = 'lanhdao'): Promise<number> {
    await this.system.http().post(`/api/incoming-documents/${document.id}/submission`).set(this.as('vanthu')).send({ leaderId: this.userId[leader], version: document.version }).expect(204);
    return document.version + 1;
  }

  /** Submits to the leader, then directs; returns the assignments in the order given. */
  async direct(document: { id: string; version: number }, assignees: { role: string; unitId?: string; userId?: string }[], dueOn?: string): Promise<{ id: string }[]> {
    const version = await this.submit(document);
    return (
      await this.system
        .http()
        .post(`/api/incoming-documents/${document.id}/direction`)
        .set(this.as('lanhdao'))
        .send({ directive: 'Đề nghị các đơn vị xử lý theo quy định.', assignees, dueOn, version })
        .expect(201)
    ).body;
  }

  async delegate(assignmentId: string, head: string, officer: string): Promise<{ id: string }> {
    return (await this.system.http().post(`/api/assignments/${assignmentId}/delegation`).set(this.as(head)).send({ userId: this.userId[officer] }).expect(201)).body;
  }

  async complete(assignmentId: string, username: string): Promise<void> {
    await this.system.http().post(`/api/assignments/${assignmentId}/completion`).set(this.as(username)).send({ text: 'Đã xử lý xong.' }).expect(204);
  }
}
