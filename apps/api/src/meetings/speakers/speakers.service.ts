import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ErrorCode, MeetingState, SpeakerDto } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { Clock } from '../../platform/clock/clock';
import { AppException, badRequest, conflict } from '../../platform/errors/app-exception';
import { isUniqueViolation } from '../../platform/database/database-errors';
import { MeetingAccessService } from '../access/meeting-access.service';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingSpeaker } from '../entities/meeting-speaker.entity';
import { MeetingEventsService } from '../events/meeting-events.service';
import { assertNotOver, agendaItemNotFound, meetingWrongState, notChair } from '../meeting-errors';
import type { OrderSpeakersDto, RequestToSpeakDto } from '../dto/meeting-requests.dto';
import { MeetingPeople } from '../schedule/meeting-views';

const speakerNotFound = () => new AppException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, 'Không tìm thấy lượt đăng ký phát biểu.', 'Request to speak not found.');

/**
 * The speaker queue (đăng ký phát biểu): a participant asks to speak (on an agenda item or the
 * meeting), once per kind while waiting; the chair (or a secretary) orders the waiting requests,
 * starts one (the one speaking before is stopped) and stops it; the time spoken is kept. Every
 * change goes to the meeting's room as `speakers.changed` with the whole queue.
 */
@Injectable()
export class SpeakersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
    private readonly people: MeetingPeople,
    private readonly clock: Clock,
  ) {}

  async list(meetingId: string, user: AuthenticatedUser): Promise<SpeakerDto[]> {
    await this.access.requireParticipant(meetingId, user);
    return this.queue(this.dataSource.manager, meetingId);
  }

  async request(meetingId: string, body: RequestToSpeakDto, user: AuthenticatedUser): Promise<SpeakerDto[]> {
    try {
      return await this.change(meetingId, user, false, async (manager) => {
        if (body.agendaItemId && !(await manager.getRepository(MeetingAgendaItem).existsBy({ id: body.agendaItemId, meetingId }))) throw agendaItemNotFound();
        const [last] = await manager.query('SELECT COALESCE(MAX(position), 0) AS position FROM meeting_speaker WHERE meeting_id = $1', [meetingId]);
        await manager.insert(MeetingSpeaker, {
          meetingId,
          agendaItemId: body.agendaItemId ?? null,
          userId: user.id,
          kind: body.kind ?? 'contribution',
          position: Number(last.position) + 1,
          state: 'waiting',
          requestedAt: this.clock.now(),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'meeting_speaker_open'))
        throw conflict(ErrorCode.InvalidState, 'Bạn đã đăng ký phát biểu nội dung này và đang chờ đến lượt.', 'You have already asked to speak on this and are waiting for your turn.');
      throw error;
    }
  }

  /** The speaker withdraws their own waiting request (or the chair removes one). */
  async withdraw(meetingId: string, speakerId: string, user: AuthenticatedUser): Promise<SpeakerDto[]> {
    return this.change(meetingId, user, false, async (manager, chairs) => {
      const speaker = await this.speaker(manager, meetingId, speakerId);
      if (speaker.userId !== user.id && !chairs) throw notChair();
      if (speaker.state !== 'waiting') throw conflict(ErrorCode.InvalidState, 'Chỉ rút được lượt đang chờ.', 'Only a waiting request can be withdrawn.');
      await manager.update(MeetingSpeaker, { id: speakerId }, { state: 'withdrawn' });
    });
  }

  /** The chair's order of the waiting requests: exactly those, each once. */
  async order(meetingId: string, body: OrderSpeakersDto, user: AuthenticatedUser): Promise<SpeakerDto[]> {
    return this.change(meetingId, user, true, async (manager) => {
      const waiting = await manager.getRepository(MeetingSpeaker).findBy({ meetingId, state: 'waiting' });
      const ids = new Set(body.speakerIds);
      if (ids.size !== body.speakerIds.length || ids.size !== waiting.length || waiting.some((speaker) => !ids.has(speaker.id)))
        throw badRequest(ErrorCode.ValidationFailed, 'Danh sách phải gồm đúng các lượt đang chờ, mỗi lượt một lần.', 'The list must hold exactly the waiting requests, each once.', [{ field: 'speakerIds' }]);
      const [first] = await manager.query('SELECT COALESCE(MAX(position), 0) AS position FROM meeting_speaker WHERE meeting_id = $1', [meetingId]);
      for (const [index, id] of body.speakerIds.entries()) await manager.update(MeetingSpeaker, { id }, { position: Number(first.position) + index + 1 });
    });
  }

  /** The chair gives the floor: whoever was speaking is stopped first. */
  async start(meetingId: string, speakerId: string, user: AuthenticatedUser): Promise<SpeakerDto[]> {
    return this.change(meetingId, user, true, async (manager, _chairs, state) => {
      if (state !== 'in_progress') throw meetingWrongState(state);
      const speaker = await this.speaker(manager, meetingId, speakerId);
      if (speaker.state !== 'waiting') throw conflict(ErrorCode.InvalidState, 'Lượt này không ở trạng thái chờ.', 'This request is not waiting.');
      const now = this.clock.now();
      await manager.update(MeetingSpeaker, { meetingId, state: 'speaking' }, { state: 'done', stoppedAt: now });
      await manager.update(MeetingSpeaker, { id: speakerId }, { state: 'speaking', startedAt: now });
    });
  }

  async stop(meetingId: string, speakerId: string, user: AuthenticatedUser): Promise<SpeakerDto[]> {
    return this.change(meetingId, user, true, async (manager) => {
      const speaker = await this.speaker(manager, meetingId, speakerId);
      if (speaker.state !== 'speaking') throw conflict(ErrorCode.InvalidState, 'Người này không đang phát biểu.', 'This person is not speaking.');
      await manager.update(MeetingSpeaker, { id: speakerId }, { state: 'done', stoppedAt: this.clock.now() });
    });
  }

  /** Every speaker of a meeting in order of speaking, with time spoken (for the minutes). */
  async spoken(meetingId: string): Promise<SpeakerDto[]> {
    return (await this.queue(this.dataSource.manager, meetingId)).filter((speaker) => speaker.startedAt);
  }

  private async change(
    meetingId: string,
    user: AuthenticatedUser,
    chairOnly: boolean,
    work: (manager: EntityManager, chairs: boolean, state: MeetingState) => Promise<void>,
  ): Promise<SpeakerDto[]> {
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.access.requireParticipant(meetingId, user, manager, { lock: true });
      const { meeting } = membership;
      assertNotOver(meeting);
      const chairs = membership.chairs || membership.manages;
      if (chairOnly && !chairs) throw notChair();
      await work(manager, chairs, meeting.state);
      const queue = await this.queue(manager, meetingId);
      await this.audit.record({ action: 'meeting.speakers', actor: user, entityType: 'meeting', entityId: meetingId }, manager);
      await this.events.publish(meetingId, 'speakers.changed', { speakers: queue }, { manager });
      return queue;
    });
  }

  private async speaker(manager: EntityManager, meetingId: string, id: string): Promise<MeetingSpeaker> {
    const speaker = await manager.getRepository(MeetingSpeaker).findOneBy({ id, meetingId });
    if (!speaker) throw speakerNotFound();
    return speaker;
  }

  /** The queue: those speaking and waiting in order, then those who spoke, by when they started. */
  private async queue(manager: EntityManager, meetingId: string): Promise<SpeakerDto[]> {
    const rows = await manager.getRepository(MeetingSpeaker).find({ where: { meetingId, state: In(['waiting', 'speaking', 'done']) }, order: { position: 'ASC' } });
    const names = await this.people.byIds(rows.map((row) => row.userId));
    const now = this.clock.now().getTime();
    const rank = (row: MeetingSpeaker) => (row.state === 'done' ? 0 : row.state === 'speaking' ? 1 : 2);
    return rows
      .sort((a, b) => rank(a) - rank(b) || (a.state === 'done' ? a.startedAt!.getTime() - b.startedAt!.getTime() : a.position - b.position))
      .map((row) => ({
        id: row.id,
        agendaItemId: row.agendaItemId,
        user: names.get(row.userId) ?? { id: row.userId, fullName: '' },
        kind: row.kind,
        position: row.position,
        state: row.state,
        requestedAt: row.requestedAt.toISOString(),
        startedAt: row.startedAt?.toISOString() ?? null,
        stoppedAt: row.stoppedAt?.toISOString() ?? null,
        elapsedSeconds: row.startedAt ? Math.round(((row.stoppedAt?.getTime() ?? now) - row.startedAt.getTime()) / 1000) : null,
      }));
  }
}
