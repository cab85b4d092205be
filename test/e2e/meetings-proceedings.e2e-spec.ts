import { MeetingDto, PollDto, SpeakerDto } from '@app/contracts';
import { openPdf } from '../../apps/api/src/files/pdf/pdfjs';
import { MeetingFigures } from '../../apps/api/src/meetings/minutes/meeting-figures';
import { createTestApp, TestApp } from '../support/test-app';
import { binary } from './meetings-http';

/** A Vietnam date some days from today, yyyy-mm-dd. */
const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 3600_000 + 7 * 3600_000).toISOString().slice(0, 10);

describe('Meetings in session: speakers, a secret poll, conclusions that give tasks, the minutes', () => {
  let system: TestApp;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  let unitId: string;
  let meeting: MeetingDto;
  let itemId: string;
  const as = (username: string) => ({ Authorization: `Bearer ${token[username]}` });
  const url = (path: string) => `/api/meetings/${meeting.id}${path}`;

  beforeAll(async () => {
    system = await createTestApp();
    for (const username of ['thuky', 'lanhdao', 'chuyenvien', 'truongphong', 'vanthu', 'admin']) {
      token[username] = await system.login(username);
      const [row] = await system.query('SELECT id, unit_id FROM "user" WHERE username = $1', [username]);
      userId[username] = row.id;
      if (username === 'chuyenvien') unitId = row.unit_id;
    }
    const start = new Date(Date.now() + 3600_000);
    meeting = (
      await system
        .http()
        .post('/api/meetings')
        .set(as('thuky'))
        .send({
          title: 'Họp thẩm định dự thảo Thông tư',
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
          place: 'Phòng họp số 1',
          participants: [
            { kind: 'user', role: 'chair', userId: userId.lanhdao },
            { kind: 'user', role: 'member', userId: userId.chuyenvien },
            { kind: 'user', role: 'member', userId: userId.truongphong },
            { kind: 'user', role: 'member', userId: userId.admin },
          ],
        })
        .expect(201)
    ).body;
    const agenda = (
      await system
        .http()
        .put(url('/agenda'))
        .set(as('thuky'))
        .send({ items: [{ title: 'Dự thảo Thông tư hướng dẫn khám sức khỏe', presenterId: userId.chuyenvien, durationMinutes: 30 }, { title: 'Các vấn đề khác', durationMinutes: 15 }] })
        .expect(200)
    ).body;
    itemId = agenda[0].id;
    await system.http().post(url('/invitations')).set(as('thuky')).expect(201);
    // the admin cannot come and sends the clerk instead
    await system.http().post(url('/answers')).set(as('admin')).send({ answer: 'delegate', delegateId: userId.vanthu }).expect(201);
    await system.http().post(url('/start')).set(as('lanhdao')).expect(201);
  });

  afterAll(async () => {
    await system?.close();
  });

  it('checks people in (themselves, or the secretary for them) and lists attendance', async () => {
    await system.http().post(url('/check-ins')).set(as('chuyenvien')).send({}).expect(201);
    const truongphong = meeting.participants.find((participant) => participant.user?.id === userId.truongphong)!;
    await system.http().post(url('/check-ins')).set(as('chuyenvien')).send({ participantId: truongphong.id }).expect(403);
    const after = (await system.http().post(url('/check-ins')).set(as('thuky')).send({ participantId: truongphong.id }).expect(201)).body as MeetingDto;
    expect(after.participants.filter((participant) => participant.checkedInAt).map((participant) => participant.user?.id)).toEqual([userId.chuyenvien, userId.truongphong]);
  });

  it('keeps the speaker queue in the chair’s order, one at a time, with the time spoken', async () => {
    await system.http().post(url('/speakers')).set(as('chuyenvien')).send({ agendaItemId: itemId }).expect(201);
    await system.http().post(url('/speakers')).set(as('truongphong')).send({ agendaItemId: itemId }).expect(201);
    await system.http().post(url('/speakers')).set(as('vanthu')).send({ agendaItemId: itemId, kind: 'question' }).expect(201);
    const twice = await system.http().post(url('/speakers')).set(as('chuyenvien')).send({ agendaItemId: itemId }).expect(409);
    expect(twice.body.message).toContain('đã đăng ký');
    let queue: SpeakerDto[] = (await system.http().get(url('/speakers')).set(as('truongphong')).expect(200)).body;
    expect(queue.map((speaker) => speaker.user.id)).toEqual([userId.chuyenvien, userId.truongphong, userId.vanthu]);

    // a member cannot reorder; the chair puts the question first
    await system.http().put(url('/speakers/order')).set(as('chuyenvien')).send({ speakerIds: queue.map((speaker) => speaker.id).reverse() }).expect(403);
    const [first, second, third] = queue;
    queue = (await system.http().put(url('/speakers/order')).set(as('lanhdao')).send({ speakerIds: [third.id, first.id, second.id] }).expect(200)).body;
    expect(queue.map((speaker) => speaker.user.id)).toEqual([userId.vanthu, userId.chuyenvien, userId.truongphong]);

    queue = (await system.http().post(url(`/speakers/${third.id}/start`)).set(as('lanhdao')).expect(201)).body;
    expect(queue[0]).toMatchObject({ id: third.id, state: 'speaking' });
    // starting the next stops the one speaking
    queue = (await system.http().post(url(`/speakers/${first.id}/start`)).set(as('lanhdao')).expect(201)).body;
    expect(queue.map((speaker) => [speaker.user.id, speaker.state])).toEqual([
      [userId.vanthu, 'done'],
      [userId.chuyenvien, 'speaking'],
      [userId.truongphong, 'waiting'],
    ]);
    queue = (await system.http().post(url(`/speakers/${first.id}/stop`)).set(as('lanhdao')).expect(201)).body;
    expect(queue.filter((speaker) => speaker.state === 'done').every((speaker) => typeof speaker.elapsedSeconds === 'number')).toBe(true);
  });

  it('runs a secret poll: one vote per member (a delegate for the absent one), results that add up, and no ballot naming a voter', async () => {
    await system.http().post(url('/polls')).set(as('chuyenvien')).send({ question: 'Thông qua?', secret: true }).expect(403);
    const poll: PollDto = (await system.http().post(url('/polls')).set(as('lanhdao')).send({ question: 'Thông qua dự thảo Thông tư', secret: true, agendaItemId: itemId }).expect(201)).body;
    expect(poll.options.map((option) => option.label)).toEqual(['Tán thành', 'Không tán thành', 'Không biểu quyết']);
    const [agree, disagree] = poll.options;
    const vote = (username: string, optionId: string) => system.http().post(url(`/polls/${poll.id}/votes`)).set(as(username)).send({ optionId });

    // a member sees no results while it is open
    const own = (await vote('chuyenvien', agree.id).expect(201)).body as PollDto;
    expect(own.results).toBeNull();
    expect(own.mayVoteFor).toEqual([]);
    await vote('chuyenvien', disagree.id).expect(409);
    await vote('truongphong', agree.id).expect(201);
    await vote('lanhdao', disagree.id).expect(201);
    // the admin sent a delegate: the admin has no vote, the clerk votes for them
    await vote('admin', agree.id).expect(403);
    await vote('vanthu', agree.id).expect(201);
    await vote('thuky', agree.id).expect(403);

    // the chair sees it live before closing
    const live = (await system.http().get(url('/polls')).set(as('lanhdao')).expect(200)).body[0] as PollDto;
    expect(live.results?.map((result) => result.votes)).toEqual([3, 1, 0]);

    const closed = (await system.http().post(url(`/polls/${poll.id}/close`)).set(as('lanhdao')).expect(201)).body as PollDto;
    expect(closed.state).toBe('closed');
    expect(closed.voted).toBe(4);
    expect(closed.eligible).toBe(4);
    expect(closed.votes).toBeNull();
    const seenByMember = (await system.http().get(url('/polls')).set(as('truongphong')).expect(200)).body[0] as PollDto;
    expect(seenByMember.results?.reduce((sum, result) => sum + result.votes, 0)).toBe(seenByMember.voted);
    await vote('admin', agree.id).expect(409);

    // who voted is known; what they voted is not stored anywhere with them
    const ballots = await system.query('SELECT participant_id, voted_by_id FROM meeting_poll_ballot WHERE poll_id = $1', [poll.id]);
    expect(ballots).toHaveLength(4);
    expect(ballots.every((ballot) => ballot.participant_id === null && ballot.voted_by_id === null)).toBe(true);
    expect(await system.query('SELECT COUNT(*)::int AS voters FROM meeting_poll_voter WHERE poll_id = $1', [poll.id])).toEqual([{ voters: 4 }]);
    const audit = await system.query(`SELECT details FROM audit_entry WHERE action = 'meeting.poll.vote' AND entity_id = $1`, [poll.id]);
    expect(audit.every((row) => !('optionId' in row.details))).toBe(true);
  });

  it('names who voted what in an open poll, once closed', async () => {
    const poll: PollDto = (await system.http().post(url('/polls')).set(as('lanhdao')).send({ question: 'Giao Vụ Pháp chế chủ trì hoàn thiện', secret: false, options: ['Đồng ý', 'Không đồng ý'] }).expect(201)).body;
    await system.http().post(url(`/polls/${poll.id}/votes`)).set(as('chuyenvien')).send({ optionId: poll.options[0].id }).expect(201);
    const closed = (await system.http().post(url(`/polls/${poll.id}/close`)).set(as('lanhdao')).expect(201)).body as PollDto;
    expect(closed.votes).toEqual([expect.objectContaining({ optionId: poll.options[0].id, name: expect.any(String) })]);
    const csv = await system.http().get(url(`/polls/${poll.id}/results.csv`)).set(as('truongphong')).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toContain('Đồng ý,1,100');
    expect(lines).toContain('Không đồng ý,0,0');
    expect(lines).toContain('Trần Văn Minh,Đồng ý');
  });

  it('turns an approved conclusion into tasks on the assignees’ desks', async () => {
    const written = (
      await system
        .http()
        .post(url('/conclusions'))
        .set(as('thuky'))
        .send({
          agendaItemId: itemId,
          text: 'Thống nhất thông qua dự thảo; Vụ Pháp chế hoàn thiện và trình ký.',
          tasks: [
            { title: 'Hoàn thiện dự thảo Thông tư theo ý kiến cuộc họp', assigneeUnitId: unitId, deadline: daysFromNow(14), priority: 'high' },
            { title: 'Gửi biên bản cho các đơn vị', assigneeUserId: userId.vanthu, deadline: daysFromNow(3) },
          ],
        })
        .expect(201)
    ).body;
    expect(written.state).toBe('draft');
    await system
      .http()
      .post(url('/conclusions'))
      .set(as('thuky'))
      .send({ text: 'Giao nhiệm vụ', tasks: [{ title: 'Việc không ai nhận', assigneeUserId: '00000000-0000-4000-8000-000000000000', deadline: daysFromNow(3) }] })
      .expect(400);
    await system.http().post(url(`/conclusions/${written.id}/approval`)).set(as('thuky')).send({ version: written.version }).expect(403);
    const approved = (await system.http().post(url(`/conclusions/${written.id}/approval`)).set(as('lanhdao')).send({ version: written.version }).expect(201)).body;
    expect(approved.state).toBe('approved');
    expect(approved.tasks.every((task: { taskId: string | null }) => task.taskId)).toBe(true);
    const tasks = await system.query(`SELECT title, source_kind, source_id, assignee_unit_id, assignee_user_id, priority FROM task WHERE source_id = $1 ORDER BY title`, [written.id]);
    expect(tasks).toEqual([
      { title: 'Gửi biên bản cho các đơn vị', source_kind: 'meeting_conclusion', source_id: written.id, assignee_unit_id: null, assignee_user_id: userId.vanthu, priority: 'normal' },
      { title: 'Hoàn thiện dự thảo Thông tư theo ý kiến cuộc họp', source_kind: 'meeting_conclusion', source_id: written.id, assignee_unit_id: unitId, assignee_user_id: null, priority: 'high' },
    ]);
    await system.http().patch(url(`/conclusions/${written.id}`)).set(as('thuky')).send({ text: 'Sửa lại', version: approved.version }).expect(409);
  });

  it('exports the minutes as a PDF holding the poll result, the speakers and the conclusions', async () => {
    await system.http().post(url('/end')).set(as('lanhdao')).expect(201);
    const response = await system.http().get(url('/minutes')).set(as('chuyenvien')).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await openPdf(new Uint8Array(response.body));
    let text = '';
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      text += (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
    }
    await pdf.destroy();
    expect(text).toContain('BIÊN BẢN CUỘC HỌP');
    expect(text).toContain('Thông qua dự thảo Thông tư (bỏ phiếu kín');
    expect(text).toContain('Tán thành: 3 phiếu (75%)');
    expect(text).toContain('Không tán thành: 1 phiếu (25%)');
    expect(text).toContain('Thống nhất thông qua dự thảo');
    expect(text).toContain('có mặt');

    const figures = (await system.http().get(url('/figures')).set(as('lanhdao')).expect(200)).body;
    expect(figures).toMatchObject({ plannedMinutes: 120, participants: 5, present: 2, attendanceRate: 0.4, materialPages: 0, pagesNotPrinted: 0 });
    expect(typeof figures.actualMinutes).toBe('number');
    await system.http().get(url('/minutes')).set(as('vanthu')).expect(200);
    // the dashboard reads the same figures for a period
    const period = await system.app.get(MeetingFigures).forPeriod(new Date(Date.now() - 24 * 3600_000), new Date(Date.now() + 24 * 3600_000));
    expect(period).toEqual([figures]);
  });
});
