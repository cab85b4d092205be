import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ErrorCode, MeetingDto, MeetingErrorCode, MeetingSummaryDto, ParticipantInput } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { Unit } from '../../identity/unit.entity';
import { User } from '../../identity/user.entity';
import { NotificationsService } from '../../notifications/notifications.service';
import { Clock } from '../../platform/clock/clock';
import { AppException, badRequest, versionConflict } from '../../platform/errors/app-exception';
import { MeetingAccessService } from '../access/meeting-access.service';
import { MeetingParticipant } from '../entities/meeting-participant.entity';
import { MeetingRoom } from '../entities/meeting-room.entity';
import { Meeting } from '../entities/meeting.entity';
import { MeetingEventsService } from '../events/meeting-events.service';
import { assertNotOver, meetingWrongState, roomNotFound } from '../meeting-errors';
import type { CreateMeetingDto, MeetingScheduleQueryDto, UpdateMeetingDto } from '../dto/meeting-requests.dto';
import { checkParticipants, participantKey } from './participant-rules';
import { MeetingViews } from './meeting-views';
import { vietnamDayRange } from './vietnam-days';

const MAX_SCHEDULE_DAYS = 62;
const TIME_FORMAT = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

/**
 * Scheduling meetings: the meeting itself, its room (a resource no two live meetings hold at once),
 * its participants, the weekly schedule (lịch công tác tuần) and a room's bookings, cancelling,
 * starting and ending it. Every change is one transaction with its audit row and its live event.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly views: MeetingViews,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async create(body: CreateMeetingDto, user: AuthenticatedUser): Promise<MeetingDto> {
    const { startsAt, endsAt } = times(body.startsAt, body.endsAt);
    const participants = withOrganiser(body.participants, user);
    checkParticipants(participants);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkPeople(manager, participants);
      if (body.roomId) await this.holdRoom(manager, body.roomId, startsAt, endsAt, null);
      const now = this.clock.now();
      const meeting = await manager.save(
        manager.create(Meeting, {
          title: body.title,
          description: body.description ?? null,
          startsAt,
          endsAt,
          roomId: body.roomId ?? null,
          place: body.place ?? null,
          onlineLink: body.onlineLink ?? null,
          confidential: body.confidential ?? false,
          state: 'draft',
          organiserId: user.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.replaceParticipants(manager, meeting.id, participants);
      await this.audit.record({ action: 'meeting.create', actor: user, entityType: 'meeting', entityId: meeting.id, details: { title: meeting.title, roomId: meeting.roomId } }, manager);
      return meeting.id;
    });
    return this.get(id, user);
  }

  async update(id: string, body: UpdateMeetingDto, user: AuthenticatedUser): Promise<MeetingDto> {
    await this.dataSource.transaction(async (manager) => {
      const { meeting } = await this.access.requireManager(id, user, manager, { lock: true });
      if (meeting.version !== body.version) throw versionConflict('Cuộc họp', 'The meeting');
      assertNotOver(meeting);
      const { startsAt, endsAt } = times(body.startsAt ?? meeting.startsAt.toISOString(), body.endsAt ?? meeting.endsAt.toISOString());
      const roomId = body.roomId === undefined ? meeting.roomId : body.roomId;
      if (roomId) await this.holdRoom(manager, roomId, startsAt, endsAt, meeting.id);
      if (body.participants) {
        const participants = withOrganiser(body.participants, user);
        checkParticipants(participants);
        await this.checkPeople(manager, participants);
        await this.replaceParticipants(manager, meeting.id, participants);
      }
      await manager.update(Meeting, { id }, {
        title: body.title ?? meeting.title,
        description: body.description === undefined ? meeting.description : body.description,
        startsAt,
        endsAt,
        roomId,
        place: body.place === undefined ? meeting.place : body.place,
        onlineLink: body.onlineLink === undefined ? meeting.onlineLink : body.onlineLink,
        confidential: body.confidential ?? meeting.confidential,
        version: meeting.version + 1,
        updatedAt: this.clock.now(),
      });
      await this.audit.record({ action: 'meeting.update', actor: user, entityType: 'meeting', entityId: id, details: { fields: Object.keys(body).filter((key) => key !== 'version') } }, manager);
      await this.events.publish(id, 'meeting.changed', { version: meeting.version + 1 }, { manager });
      if (body.participants) await this.events.publish(id, 'participants.changed', {}, { manager });
    });
    return this.get(id, user);
  }

  /** Cancels a meeting that has not ended; its room is free again, its participants told. */
  async cancel(id: string, version: number, user: AuthenticatedUser): Promise<MeetingDto> {
    const invited = await this.dataSource.transaction(async (manager) => {
      const { meeting } = await this.access.requireManager(id, user, manager, { lock: true });
      if (meeting.version !== version) throw versionConflict('Cuộc họp', 'The meeting');
      assertNotOver(meeting);
      await manager.update(Meeting, { id }, { state: 'cancelled', version: meeting.version + 1, updatedAt: this.clock.now() });
      await this.audit.record({ action: 'meeting.cancel', actor: user, entityType: 'meeting', entityId: id }, manager);
      await this.events.publish(id, 'meeting.changed', { state: 'cancelled' }, { manager });
      return meeting.invitedAt ? { title: meeting.title, users: await this.participantUserIds(manager, id) } : null;
    });
    if (invited)
      await this.notifications.notifyAfterCommit(
        invited.users.filter((userId) => userId !== user.id),
        { kind: 'meeting.cancelled', title: `Cuộc họp "${invited.title}" đã bị hủy`, link: `/meetings/${id}` },
      );
    return this.get(id, user);
  }

  /** The chair or a secretary opens the meeting (its actual start) and closes it (its actual end). */
  async start(id: string, user: AuthenticatedUser): Promise<MeetingDto> {
    await this.transition(id, user, ['draft', 'invited'], 'in_progress', 'meeting.start', { startedAt: this.clock.now() });
    return this.get(id, user);
  }

  async end(id: string, user: AuthenticatedUser): Promise<MeetingDto> {
    await this.transition(id, user, ['in_progress'], 'ended', 'meeting.end', { endedAt: this.clock.now() });
    return this.get(id, user);
  }

  async get(id: string, user: AuthenticatedUser): Promise<MeetingDto> {
    const membership = await this.access.canReadMeeting(id, user);
    return this.views.meeting(membership, user);
  }

  /**
   * The meetings of the days from..to (Vietnam time), all rooms or one: every ordinary meeting
   * (the agency's weekly schedule is open to its staff), confidential ones only to their participants.
   */
  async schedule(query: MeetingScheduleQueryDto, user: AuthenticatedUser): Promise<MeetingSummaryDto[]> {
    const { start, end, days } = vietnamDayRange(query.from, query.to);
    if (days < 1 || days > MAX_SCHEDULE_DAYS)
      throw badRequest(ErrorCode.ValidationFailed, `Khoảng ngày phải từ 1 đến ${MAX_SCHEDULE_DAYS} ngày.`, `The range must be 1 to ${MAX_SCHEDULE_DAYS} days.`, [{ field: 'to' }]);
    const builder = this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('meeting')
      .where('meeting.startsAt < :end AND meeting.endsAt > :start', { start, end })
      .andWhere(
        `(NOT meeting.confidential OR meeting.organiserId = :userId OR EXISTS (
           SELECT 1 FROM meeting_participant participant WHERE participant.meeting_id = meeting.id
              AND (participant.user_id = :userId OR participant.delegate_id = :userId OR participant.unit_id = :unitId)))`,
        { userId: user.id, unitId: user.unitId ?? '00000000-0000-0000-0000-000000000000' },
      )
      .orderBy('meeting.startsAt', 'ASC')
      .limit(1000);
    if (query.roomId) builder.andWhere('meeting.roomId = :roomId', { roomId: query.roomId });
    return this.views.summaries(await builder.getMany());
  }

  /** The user ids a meeting's news goes to: its people, the members of its units, their delegates. */
  async participantUserIds(manager: EntityManager, meetingId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT participant.user_id AS id FROM meeting_participant participant WHERE participant.meeting_id = $1 AND participant.user_id IS NOT NULL
       UNION SELECT participant.delegate_id FROM meeting_participant participant WHERE participant.meeting_id = $1 AND participant.delegate_id IS NOT NULL
       UNION SELECT member.id FROM meeting_participant participant JOIN "user" member ON member.unit_id = participant.unit_id AND member.active
        WHERE participant.meeting_id = $1`,
      [meetingId],
    );
    return rows.map((row) => row.id);
  }

  private async transition(id: string, user: AuthenticatedUser, from: Meeting['state'][], to: Meeting['state'], action: string, changes: Partial<Meeting>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { meeting } = await this.access.requireManager(id, user, manager, { lock: true });
      if (!from.includes(meeting.state)) throw meetingWrongState(meeting.state);
      await manager.update(Meeting, { id }, { ...changes, state: to, version: meeting.version + 1, updatedAt: this.clock.now() });
      await this.audit.record({ action, actor: user, entityType: 'meeting', entityId: id }, manager);
      await this.events.publish(id, 'meeting.changed', { state: to }, { manager });
    });
  }

  /**
   * Takes the room for [startsAt, endsAt): under the room's row lock (two bookings of one room take
   * turns), refused with 409 when another meeting not cancelled holds it at an overlapping time.
   */
  private async holdRoom(manager: EntityManager, roomId: string, startsAt: Date, endsAt: Date, meetingId: string | null): Promise<void> {
    const room = await manager.getRepository(MeetingRoom).createQueryBuilder('room').where('room.id = :roomId', { roomId }).setLock('pessimistic_write').getOne();
    if (!room) throw roomNotFound();
    if (!room.active) throw badRequest(ErrorCode.ValidationFailed, `Phòng "${room.name}" đã ngừng sử dụng.`, `Room "${room.name}" is no longer in use.`, [{ field: 'roomId' }]);
    const clash = await manager
      .getRepository(Meeting)
      .createQueryBuilder('meeting')
      .where('meeting.roomId = :roomId', { roomId })
      .andWhere("meeting.state <> 'cancelled'")
      .andWhere('meeting.startsAt < :endsAt AND meeting.endsAt > :startsAt', { startsAt, endsAt })
      .andWhere(meetingId ? 'meeting.id <> :meetingId' : 'TRUE', { meetingId })
      .orderBy('meeting.startsAt', 'ASC')
      .getOne();
    if (clash) {
      const when = `${TIME_FORMAT.format(clash.startsAt)} – ${TIME_FORMAT.format(clash.endsAt)}`;
      throw new AppException(
        HttpStatus.CONFLICT,
        MeetingErrorCode.RoomDoubleBooked,
        `Phòng "${room.name}" đã được đặt cho cuộc họp "${clash.title}" (${when}). Hãy chọn phòng hoặc giờ khác.`,
        `Room "${room.name}" is already booked for "${clash.title}" (${clash.startsAt.toISOString()} – ${clash.endsAt.toISOString()}). Choose another room or time.`,
        { field: 'roomId', meetingId: clash.id, startsAt: clash.startsAt.toISOString(), endsAt: clash.endsAt.toISOString() },
      );
    }
  }

  private async checkPeople(manager: EntityManager, participants: readonly ParticipantInput[]): Promise<void> {
    const userIds = participants.filter((participant) => participant.userId).map((participant) => participant.userId as string);
    const unitIds = participants.filter((participant) => participant.unitId).map((participant) => participant.unitId as string);
    const users = userIds.length ? await manager.getRepository(User).countBy({ id: In(userIds), active: true }) : 0;
    if (users !== new Set(userIds).size) throw badRequest(ErrorCode.UserNotFound, 'Có cán bộ được mời không tồn tại hoặc đã nghỉ.', 'A participant user does not exist or is inactive.', [{ field: 'participants' }]);
    const units = unitIds.length ? await manager.getRepository(Unit).countBy({ id: In(unitIds) }) : 0;
    if (units !== new Set(unitIds).size) throw badRequest(ErrorCode.UnitNotFound, 'Có đơn vị được mời không tồn tại.', 'A participant unit does not exist.', [{ field: 'participants' }]);
  }

  /** Writes the list; people who stay keep their answer (and check-in), people removed lose theirs. */
  private async replaceParticipants(manager: EntityManager, meetingId: string, participants: readonly ParticipantInput[]): Promise<void> {
    const existing = await manager.getRepository(MeetingParticipant).findBy({ meetingId });
    const kept = new Map(existing.map((row) => [participantKey(row), row]));
    const wanted = new Set(participants.map(participantKey));
    const removed = existing.filter((row) => !wanted.has(participantKey(row)));
    if (removed.length) await manager.delete(MeetingParticipant, { id: In(removed.map((row) => row.id)) });
    for (const [position, input] of participants.entries()) {
      const row = kept.get(participantKey(input));
      const values = {
        meetingId,
        kind: input.kind,
        role: input.role,
        userId: input.kind === 'user' ? (input.userId ?? null) : null,
        unitId: input.kind === 'unit' ? (input.unitId ?? null) : null,
        guestName: input.kind === 'guest' ? (input.guestName ?? null) : null,
        guestEmail: input.kind === 'guest' ? (input.guestEmail ?? null) : null,
        position,
      };
      if (row) await manager.update(MeetingParticipant, { id: row.id }, values);
      else await manager.insert(MeetingParticipant, values);
    }
  }
}

function times(startsAtText: string, endsAtText: string): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(startsAtText);
  const endsAt = new Date(endsAtText);
  if (!(endsAt > startsAt)) throw badRequest(ErrorCode.ValidationFailed, 'Giờ kết thúc phải sau giờ bắt đầu.', 'The end must be after the start.', [{ field: 'endsAt' }]);
  if (endsAt.getTime() - startsAt.getTime() > 7 * 24 * 3600_000)
    throw badRequest(ErrorCode.ValidationFailed, 'Một cuộc họp không kéo dài quá 7 ngày.', 'A meeting lasts at most 7 days.', [{ field: 'endsAt' }]);
  return { startsAt, endsAt };
}

/** The organiser prepares the meeting: listed as a secretary unless the list names them already. */
function withOrganiser(participants: readonly ParticipantInput[], user: AuthenticatedUser): ParticipantInput[] {
  if (participants.some((participant) => participant.kind === 'user' && participant.userId === user.id)) return [...participants];
  return [...participants, { kind: 'user', role: 'secretary', userId: user.id }];
}
