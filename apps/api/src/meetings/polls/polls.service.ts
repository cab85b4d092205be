import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { ErrorCode, PollDto, PollResultDto } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { Clock } from '../../platform/clock/clock';
import { AppException, badRequest, conflict } from '../../platform/errors/app-exception';
import { isUniqueViolation } from '../../platform/database/database-errors';
import { MeetingAccessService } from '../access/meeting-access.service';
import type { MeetingMembership } from '../access/meeting-membership';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingParticipant } from '../entities/meeting-participant.entity';
import { MeetingPoll, MeetingPollBallot, MeetingPollOption, MeetingPollVoter } from '../entities/meeting-poll.entity';
import { MeetingEventsService } from '../events/meeting-events.service';
import { agendaItemNotFound, meetingWrongState, notChair } from '../meeting-errors';
import type { CreatePollDto, VoteDto } from '../dto/meeting-requests.dto';
import { MeetingViews } from '../schedule/meeting-views';

export const DEFAULT_POLL_OPTIONS = ['Tán thành', 'Không tán thành', 'Không biểu quyết'];
const pollNotFound = () => new AppException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, 'Không tìm thấy biểu quyết.', 'Poll not found.');

/** Who votes: the chair and the members (the secretaries keep the record, guests have no vote). */
const VOTING_ROLES = ['chair', 'member'] as const;

/**
 * Votes (biểu quyết). The chair opens a question with options, open or secret, on the meeting or an
 * agenda item; each participant votes once — their delegate for them when they sent one, any member
 * for a unit. Who voted is in `meeting_poll_voter`, what was voted in `meeting_poll_ballot`; a
 * secret ballot carries neither the participant nor the voter, so nothing links the two. The chair
 * and secretaries see the results live (`poll.results`, to them only); when the chair closes the
 * poll the results go to everyone (`poll.closed`).
 */
@Injectable()
export class PollsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
    private readonly views: MeetingViews,
    private readonly clock: Clock,
  ) {}

  async open(meetingId: string, body: CreatePollDto, user: AuthenticatedUser): Promise<PollDto> {
    const options = body.options?.map((option) => option.normalize('NFC').trim()) ?? DEFAULT_POLL_OPTIONS;
    if (new Set(options.map((option) => option.toLocaleLowerCase('vi'))).size !== options.length || options.some((option) => !option))
      throw badRequest(ErrorCode.ValidationFailed, 'Các phương án phải khác nhau và không để trống.', 'Options must be distinct and not blank.', [{ field: 'options' }]);
    const pollId = await this.dataSource.transaction(async (manager) => {
      const membership = await this.access.requireParticipant(meetingId, user, manager, { lock: true });
      if (!membership.chairs && !membership.manages) throw notChair();
      const { meeting } = membership;
      if (meeting.state !== 'in_progress' && meeting.state !== 'invited') throw meetingWrongState(meeting.state);
      if (body.agendaItemId && !(await manager.getRepository(MeetingAgendaItem).existsBy({ id: body.agendaItemId, meetingId }))) throw agendaItemNotFound();
      const poll = await manager.save(
        manager.create(MeetingPoll, { meetingId, agendaItemId: body.agendaItemId ?? null, question: body.question, secret: body.secret, state: 'open', openedById: user.id, openedAt: this.clock.now() }),
      );
      await manager.insert(MeetingPollOption, options.map((label, index) => ({ pollId: poll.id, position: index + 1, label })));
      await this.audit.record({ action: 'meeting.poll.open', actor: user, entityType: 'meeting_poll', entityId: poll.id, details: { meetingId, secret: poll.secret, options } }, manager);
      await this.events.publish(meetingId, 'poll.opened', { pollId: poll.id, question: poll.question, secret: poll.secret, agendaItemId: poll.agendaItemId, options }, { manager });
      return poll.id;
    });
    return this.get(meetingId, pollId, user);
  }

  async vote(meetingId: string, pollId: string, body: VoteDto, user: AuthenticatedUser): Promise<PollDto> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const membership = await this.access.requireParticipant(meetingId, user, manager);
        const poll = await this.poll(manager, meetingId, pollId, true);
        if (poll.state !== 'open') throw conflict(ErrorCode.InvalidState, 'Biểu quyết đã kết thúc.', 'The poll is closed.');
        if (!(await manager.getRepository(MeetingPollOption).existsBy({ id: body.optionId, pollId }))) throw badRequest(ErrorCode.ValidationFailed, 'Phương án không thuộc biểu quyết này.', 'The option is not one of this poll.', [{ field: 'optionId' }]);
        const rows = votableRows(membership);
        const participant = body.participantId ? rows.find((row) => row.id === body.participantId) : (rows.find((row) => row.userId === user.id) ?? rows[0]);
        if (!participant) throw new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, 'Bạn không có quyền biểu quyết (hoặc đã cử người dự thay).', 'You have no vote here (or you sent a delegate).');
        await manager.insert(MeetingPollVoter, { pollId, participantId: participant.id, votedById: user.id });
        await manager.insert(MeetingPollBallot, poll.secret ? { pollId, optionId: body.optionId, participantId: null, votedById: null } : { pollId, optionId: body.optionId, participantId: participant.id, votedById: user.id });
        // the audit names who voted, never what in a secret poll
        await this.audit.record({ action: 'meeting.poll.vote', actor: user, entityType: 'meeting_poll', entityId: pollId, details: poll.secret ? { participantId: participant.id } : { participantId: participant.id, optionId: body.optionId } }, manager);
        const results = await this.results(manager, pollId);
        await this.events.publish(meetingId, 'poll.results', { pollId, results, voted: sum(results) }, { manager, audience: await this.chairIds(manager, meetingId) });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(ErrorCode.InvalidState, 'Thành phần này đã biểu quyết.', 'This participant has already voted.');
      throw error;
    }
    return this.get(meetingId, pollId, user);
  }

  async close(meetingId: string, pollId: string, user: AuthenticatedUser): Promise<PollDto> {
    await this.dataSource.transaction(async (manager) => {
      const membership = await this.access.requireParticipant(meetingId, user, manager, { lock: true });
      if (!membership.chairs && !membership.manages) throw notChair();
      const poll = await this.poll(manager, meetingId, pollId, true);
      if (poll.state !== 'open') throw conflict(ErrorCode.InvalidState, 'Biểu quyết đã kết thúc.', 'The poll is closed.');
      await manager.update(MeetingPoll, { id: pollId }, { state: 'closed', closedAt: this.clock.now() });
      const results = await this.results(manager, pollId);
      await this.audit.record({ action: 'meeting.poll.close', actor: user, entityType: 'meeting_poll', entityId: pollId, details: { results } }, manager);
      await this.events.publish(meetingId, 'poll.closed', { pollId, results, voted: sum(results) }, { manager });
    });
    return this.get(meetingId, pollId, user);
  }

  async list(meetingId: string, user: AuthenticatedUser): Promise<PollDto[]> {
    const membership = await this.access.requireParticipant(meetingId, user);
    const polls = await this.dataSource.getRepository(MeetingPoll).find({ where: { meetingId }, order: { openedAt: 'ASC' } });
    return Promise.all(polls.map((poll) => this.dto(poll, membership)));
  }

  async get(meetingId: string, pollId: string, user: AuthenticatedUser): Promise<PollDto> {
    const membership = await this.access.requireParticipant(meetingId, user);
    return this.dto(await this.poll(this.dataSource.manager, meetingId, pollId, false), membership);
  }

  /**
   * The results as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese):
   * each option with its votes and share, then for an open poll who voted what. For anyone once
   * closed; before, for the chair and secretaries (as the live results).
   */
  async csv(meetingId: string, pollId: string, user: AuthenticatedUser): Promise<{ text: string; fileName: string }> {
    const poll = await this.get(meetingId, pollId, user);
    if (!poll.results) throw conflict(ErrorCode.InvalidState, 'Kết quả biểu quyết chỉ có khi đã kết thúc.', 'The results are available once the poll is closed.');
    const total = poll.results.reduce((sum, result) => sum + result.votes, 0);
    const rows: (string | number)[][] = [
      ['Câu hỏi', poll.question],
      ['Hình thức', poll.secret ? 'Bỏ phiếu kín' : 'Biểu quyết công khai'],
      ['Số thành viên có quyền biểu quyết', poll.eligible],
      ['Số phiếu', total],
      [],
      ['Phương án', 'Số phiếu', 'Tỷ lệ (%)'],
      ...poll.results.map((result) => [result.label, result.votes, total ? Math.round((result.votes / total) * 1000) / 10 : 0]),
    ];
    if (poll.votes?.length) {
      const labels = new Map(poll.options.map((option) => [option.id, option.label]));
      rows.push([], ['Thành viên', 'Phương án'], ...poll.votes.map((vote) => [vote.name, labels.get(vote.optionId) ?? '']));
    }
    await this.audit.record({ action: 'meeting.poll.export', actor: user, entityType: 'meeting_poll', entityId: pollId });
    return { text: '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n', fileName: `bieu-quyet-${pollId.slice(0, 8)}.csv` };
  }

  /** The closed polls of a meeting with their results, for the minutes. */
  async closedResults(meetingId: string): Promise<{ poll: MeetingPoll; results: PollResultDto[] }[]> {
    const polls = await this.dataSource.getRepository(MeetingPoll).find({ where: { meetingId, state: 'closed' }, order: { openedAt: 'ASC' } });
    return Promise.all(polls.map(async (poll) => ({ poll, results: await this.results(this.dataSource.manager, poll.id) })));
  }

  private async dto(poll: MeetingPoll, membership: MeetingMembership): Promise<PollDto> {
    const manager = this.dataSource.manager;
    const options = await manager.getRepository(MeetingPollOption).find({ where: { pollId: poll.id }, order: { position: 'ASC' } });
    const results = await this.results(manager, poll.id);
    const eligible = await manager.getRepository(MeetingParticipant).countBy({ meetingId: poll.meetingId, role: In([...VOTING_ROLES]) });
    const seesResults = poll.state === 'closed' || membership.chairs || membership.manages;
    const voters = await manager.getRepository(MeetingPollVoter).findBy({ pollId: poll.id });
    const done = new Set(voters.map((voter) => voter.participantId));
    let votes: PollDto['votes'] = null;
    if (!poll.secret && seesResults) {
      const ballots = await manager.getRepository(MeetingPollBallot).findBy({ pollId: poll.id, participantId: Not(IsNull()) });
      const participants = await this.views.participants(poll.meetingId);
      votes = ballots
        .filter((ballot) => ballot.participantId)
        .map((ballot) => {
          const participant = participants.find((row) => row.id === ballot.participantId);
          return { participantId: ballot.participantId as string, name: participant?.user?.fullName ?? participant?.unit?.name ?? participant?.guestName ?? '', optionId: ballot.optionId };
        });
    }
    return {
      id: poll.id,
      meetingId: poll.meetingId,
      agendaItemId: poll.agendaItemId,
      question: poll.question,
      secret: poll.secret,
      state: poll.state,
      options: options.map((option) => ({ id: option.id, label: option.label })),
      openedAt: poll.openedAt.toISOString(),
      closedAt: poll.closedAt?.toISOString() ?? null,
      eligible,
      voted: sum(results),
      results: seesResults ? results : null,
      votes,
      mayVoteFor: poll.state === 'open' ? votableRows(membership).filter((row) => !done.has(row.id)).map((row) => row.id) : [],
    };
  }

  private async poll(manager: EntityManager, meetingId: string, pollId: string, lock: boolean): Promise<MeetingPoll> {
    const poll = await manager.findOne(MeetingPoll, { where: { id: pollId, meetingId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!poll) throw pollNotFound();
    return poll;
  }

  private async results(manager: EntityManager, pollId: string): Promise<PollResultDto[]> {
    const rows: { id: string; label: string; votes: string }[] = await manager.query(
      `SELECT option.id, option.label, COUNT(ballot.id) AS votes
         FROM meeting_poll_option option LEFT JOIN meeting_poll_ballot ballot ON ballot.option_id = option.id
        WHERE option.poll_id = $1 GROUP BY option.id, option.label, option.position ORDER BY option.position`,
      [pollId],
    );
    return rows.map((row) => ({ optionId: row.id, label: row.label, votes: Number(row.votes) }));
  }

  private async chairIds(manager: EntityManager, meetingId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT user_id AS id FROM meeting_participant WHERE meeting_id = $1 AND role IN ('chair', 'secretary') AND user_id IS NOT NULL`,
      [meetingId],
    );
    return rows.map((row) => row.id);
  }
}

/** The rows a member votes for: their own unless they sent a delegate, those they represent as a delegate, their unit's. */
function votableRows(membership: MeetingMembership): MeetingParticipant[] {
  return membership.participants.filter(
    (row) =>
      (VOTING_ROLES as readonly string[]).includes(row.role) &&
      ((row.userId === membership.userId && row.answer !== 'delegate') || (row.answer === 'delegate' && row.delegateId === membership.userId) || row.kind === 'unit'),
  );
}

/** A CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180); a leading formula sign is defused. */
function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const sum = (results: PollResultDto[]) => results.reduce((total, result) => total + result.votes, 0);
