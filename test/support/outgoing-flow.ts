import { outgoingDraftPdf } from '../../apps/api/src/signatures/testing/sample-drafts';
import type { TestApp } from './test-app';

export interface OutgoingActors {
  token: Record<string, string>;
  userId: Record<string, string>;
}

export interface ReadyDraft {
  id: string;
  version: number;
}

/**
 * A draft by the officer (Vụ Pháp chế) for the leader to sign, taken through the shortest chain
 * Decree 30 allows — the clerk's check of form, then the signer's approval — so that it is
 * `form_checked` with its PDF to sign (a one-page decision signed by Phạm Quốc Hùng unless other
 * bytes are given). Real requests, as the UI makes them.
 */
export async function draftReadyToSign(system: TestApp, actors: OutgoingActors, overrides: Record<string, unknown> = {}, pdfBytes?: Buffer): Promise<ReadyDraft> {
  const as = (username: string) => ({ Authorization: `Bearer ${actors.token[username]}` });
  const pdf = pdfBytes ?? (await outgoingDraftPdf({ pages: 1 }));
  const fileId = (await system.http().post('/api/files').set(as('chuyenvien')).attach('file', pdf, 'Dự thảo.pdf').expect(201)).body.id;
  const created = (
    await system
      .http()
      .post('/api/outgoing-documents')
      .set(as('chuyenvien'))
      .send({
        documentType: 'decision',
        subject: 'Quyết định ban hành quy chế làm việc',
        urgency: 'normal',
        confidentiality: 'normal',
        signerId: actors.userId.lanhdao,
        mainFileId: fileId,
        ...overrides,
      })
      .expect(201)
  ).body;
  const steps = [
    { kind: 'form_check', reviewerId: actors.userId.vanthu },
    { kind: 'approve', reviewerId: actors.userId.lanhdao },
  ];
  await system.http().put(`/api/outgoing-documents/${created.id}/review-chain`).set(as('chuyenvien')).send({ steps, version: created.version }).expect(204);
  let version = created.version + 1;
  await system.http().post(`/api/outgoing-documents/${created.id}/submission`).set(as('chuyenvien')).send({ version }).expect(204);
  for (const username of ['vanthu', 'lanhdao']) {
    version = (await system.http().get(`/api/outgoing-documents/${created.id}`).set(as(username)).expect(200)).body.version;
    await system.http().post(`/api/outgoing-documents/${created.id}/decisions`).set(as(username)).send({ decision: 'approve', version }).expect(204);
  }
  const ready = (await system.http().get(`/api/outgoing-documents/${created.id}`).set(as('lanhdao')).expect(200)).body;
  if (ready.state !== 'form_checked') throw new Error(`draft not ready to sign: ${ready.state}`);
  return { id: ready.id, version: ready.version };
}
