import type { ConsultationDto } from '@app/contracts';
import { samplePdf } from '../../apps/api/src/files/testing/sample-files';
import { ConsultationsService } from '../../apps/api/src/meetings/consultations/consultations.service';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { createTestApp, TestApp } from '../support/test-app';

describe('Written consultations (phiếu lấy ý kiến): drafts, deadline, answers, reminders, summary', () => {
  let system: TestApp;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  let consultation: ConsultationDto;
  const as = (username: string) => ({ Authorization: `Bearer ${token[username]}` });
  const deadline = new Date(Date.now() + 3 * 24 * 3600_000);

  beforeAll(async () => {
    system = await createTestApp();
    for (const username of ['thuky', 'lanhdao', 'chuyenvien', 'truongphong', 'vanthu']) {
      token[username] = await system.login(username);
      userId[username] = (await system.query('SELECT id FROM "user" WHERE username = $1', [username]))[0].id;
    }
  });

  afterAll(async () => {
    await system?.close();
  });

  it('drafts a consultation with its attached draft, and sends it to the members', async () => {
    await system.http().post('/api/consultations').set(as('chuyenvien')).send({ question: 'Xin ý kiến', deadline: deadline.toISOString(), recipientIds: [userId.lanhdao] }).expect(403);
    await system.http().post('/api/consultations').set(as('thuky')).send({ question: 'Xin ý kiến về dự thảo', deadline: '2020-01-01T00:00:00Z', recipientIds: [userId.lanhdao] }).expect(400);
    const fileId = (await system.http().post('/api/files').set(as('thuky')).attach('file', samplePdf('Du thao Quy che'), 'du-thao-quy-che.pdf').expect(201)).body.id;
    consultation = (
      await system
        .http()
        .post('/api/consultations')
        .set(as('thuky'))
        .send({
          question: 'Xin ý kiến về dự thảo Quy chế làm việc của Bộ',
          description: 'Đề nghị các đồng chí cho ý kiến trước hạn.',
          deadline: deadline.toISOString(),
          recipientIds: [userId.lanhdao, userId.truongphong, userId.chuyenvien],
          draftFileIds: [fileId],
        })
        .expect(201)
    ).body;
    expect(consultation).toMatchObject({ state: 'draft', manages: true, tally: { agree: 0, disagree: 0, comment: 0, unanswered: 3 } });
    expect(consultation.drafts.map((draft) => draft.name)).toEqual(['du-thao-quy-che.pdf']);
    // a draft is not shown to the recipients yet
    await system.http().get(`/api/consultations/${consultation.id}`).set(as('lanhdao')).expect(403);
    consultation = (await system.http().post(`/api/consultations/${consultation.id}/sending`).set(as('thuky')).send({ version: consultation.version }).expect(201)).body;
    expect(consultation.state).toBe('sent');
    const notified = await system.query(`SELECT u.username FROM notification n JOIN "user" u ON u.id = n.user_id WHERE n.kind = 'consultation.sent' ORDER BY 1`);
    expect(notified.map((row) => row.username)).toEqual(['chuyenvien', 'lanhdao', 'truongphong']);
    await system.http().get(`/api/consultations/${consultation.id}/drafts/${fileId}/content`).set(as('lanhdao')).expect(200);
    await system.http().get(`/api/consultations/${consultation.id}/drafts/${fileId}/content`).set(as('vanthu')).expect(403);
  });

  it('takes each member’s answer — agree, disagree, or a comment — and shows the sender the tally', async () => {
    await system.http().post(`/api/consultations/${consultation.id}/answers`).set(as('lanhdao')).send({ answer: 'agree' }).expect(201);
    await system.http().post(`/api/consultations/${consultation.id}/answers`).set(as('truongphong')).send({ answer: 'comment' }).expect(400);
    const own = (await system.http().post(`/api/consultations/${consultation.id}/answers`).set(as('truongphong')).send({ answer: 'comment', comment: 'Đề nghị bổ sung Điều 5 về họp trực tuyến.' }).expect(201)).body;
    expect(own.recipients).toHaveLength(1);
    expect(own.mine).toEqual({ answer: 'comment', comment: 'Đề nghị bổ sung Điều 5 về họp trực tuyến.' });
    await system.http().post(`/api/consultations/${consultation.id}/answers`).set(as('vanthu')).send({ answer: 'agree' }).expect(403);
    const seen = (await system.http().get(`/api/consultations/${consultation.id}`).set(as('thuky')).expect(200)).body as ConsultationDto;
    expect(seen.tally).toEqual({ agree: 1, disagree: 0, comment: 1, unanswered: 1 });
    const toAnswer = (await system.http().get('/api/consultations').query({ view: 'to_answer' }).set(as('chuyenvien')).expect(200)).body;
    expect(toAnswer.map((item: ConsultationDto) => item.id)).toEqual([consultation.id]);
  });

  it('reminds the ones who have not answered on the last day, and tells the sender once the deadline has passed', async () => {
    const clock = system.app.get(Clock);
    const reminders = system.app.get(ConsultationsService);
    clock.now = () => new Date(deadline.getTime() - 2 * 3600_000);
    expect(await reminders.remindDue()).toEqual({ reminded: 1, overdue: 0 });
    expect(await reminders.remindDue()).toEqual({ reminded: 0, overdue: 0 });
    const reminded = await system.query(`SELECT u.username FROM notification n JOIN "user" u ON u.id = n.user_id WHERE n.kind = 'consultation.reminder'`);
    expect(reminded).toEqual([{ username: 'chuyenvien' }]);

    clock.now = () => new Date(deadline.getTime() + 60_000);
    expect(await reminders.remindDue()).toEqual({ reminded: 0, overdue: 1 });
    expect(await reminders.remindDue()).toEqual({ reminded: 0, overdue: 0 });
    const late = await system.http().post(`/api/consultations/${consultation.id}/answers`).set(as('chuyenvien')).send({ answer: 'agree' }).expect(409);
    expect(late.body.message).toContain('quá hạn');
    clock.now = () => new Date();
  });

  it('closes with the summary of the opinions, told to every member', async () => {
    const current = (await system.http().get(`/api/consultations/${consultation.id}`).set(as('thuky')).expect(200)).body as ConsultationDto;
    await system.http().post(`/api/consultations/${consultation.id}/closing`).set(as('lanhdao')).send({ summary: 'Tổng hợp', version: current.version }).expect(403);
    const closed = (
      await system.http().post(`/api/consultations/${consultation.id}/closing`).set(as('thuky')).send({ summary: '1 đồng ý, 1 góp ý bổ sung Điều 5; 1 không trả lời.', version: current.version }).expect(201)
    ).body as ConsultationDto;
    expect(closed).toMatchObject({ state: 'closed', summary: '1 đồng ý, 1 góp ý bổ sung Điều 5; 1 không trả lời.' });
    expect((await system.http().get(`/api/consultations/${consultation.id}`).set(as('chuyenvien')).expect(200)).body.summary).toContain('Điều 5');
  });
});
