import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ErrorCode, MeetingDto, ParticipantAnsweredPayload, ParticipantCheckedInPayload } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { User } from '../../identity/user.entity';
import { NotificationsService } from '../../notifications/notifications.service';
import { Clock } from '../../platform/clock/clock';
import { AppException, badRequest } from '../../platform/errors/app-exception';
import { MeetingAccessService } from '../access/meeting-access.service';
import type { MeetingMembership } from '../access/meeting-membership';
import { MeetingCheckIn } from '../entities/meeting-check-in.entity';
import { MeetingParticipant } from '../entities/meeting-participant.entity';
import { Meeting } from '../entities/meeting.entity';
import { MeetingEventsService } from '../events/meeting-events.service';
import { assertNotOver, meetingWrongState, notManager, participantNotFound } from '../meeting-errors';
import type { AnswerInvitationDto, CheckInDto } from '../dto/meeting-requests.dto';
import { MeetingsService } from '../schedule/meetings.service';
import { InvitationMailer, MailRecipient } from './invitation-mailer';

const WHEN = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' });

/**
 * The invitation (giấy mời) and what follows it: sending it to every participant (a notification;
 * an e-mail where SMTP is configured), each participant's answer — attend, decline, or send a
 * delegate — seen live by the secretaries, and check-in (điểm danh) on the day.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly meetings: MeetingsService,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly mailer: InvitationMailer,
    private readonly clock: Clock,
  ) {}

  /** Sends (or sends again, after changes) the invitation to every participant. */
  async send(meetingId: string, user: AuthenticatedUser): Promise<MeetingDto> {
    const { meeting, recipients } = await this.dataSource.transaction(async (manager) => {
      const { meeting } = await this.access.requireManager(meetingId, user, manager, { lock: true });
      if (meeting.state !== 'draft' && meeting.state !== 'invited' && meeting.state !== 'in_progress') throw meetingWrongState(meeting.state);
      const now = this.clock.now();
      await manager.update(Meeting, { id: meetingId }, { state: meeting.state === 'draft' ? 'invited' : meeting.state, invitedAt: now, version: meeting.version + 1, updatedAt: now });
      await this.audit.record({ action: 'meeting.invite', actor: user, entityType: 'meeting', entityId: meetingId }, manager);
      await this.events.publish(meetingId, 'meeting.changed', { state: 'invited' }, { manager });
      return { meeting, recipients: await this.meetings.participantUserIds(manager, meetingId) };
    });
    await this.notifications.notifyAfterCommit(
      recipients.filter((id) => id !== user.id),
      { kind: 'meeting.invitation', title: `Giấy mời họp: ${meeting.title} — ${WHEN.format(meeting.startsAt)}`, link: `/meetings/${meetingId}`, dedupeKey: `meeting.invitation:${meetingId}:${meeting.version}` },
    );
    const invited = await this.meetings.get(meetingId, user);
    if (this.mailer.enabled) await this.mail(invited, recipients.filter((id) => id !== user.id));
    return invited;
  }

  /** The invitation by e-mail to every participant with an address: people, members of the units invited, guests. */
  private async mail(meeting: MeetingDto, userIds: readonly string[]): Promise<void> {
    const people = userIds.length ? await this.dataSource.getRepository(User).find({ where: { id: In([...userIds]), active: true }, select: { id: true, fullName: true, email: true } }) : [];
    const recipients: MailRecipient[] = [
      ...people.filter((person) => person.email).map((person) => ({ name: person.fullName, email: person.email as string })),
      ...meeting.participants.filter((participant) => participant.guestEmail).map((participant) => ({ name: participant.guestName ?? '', email: participant.guestEmail as string })),
    ];
    await this.mailer.send(
      {
        title: meeting.title,
        startsAt: new Date(meeting.startsAt),
        endsAt: new Date(meeting.endsAt),
        place: meeting.room ? `${meeting.room.name}${meeting.room.location ? `, ${meeting.room.location}` : ''}` : meeting.place,
        onlineLink: meeting.onlineLink,
        chair: meeting.chair?.fullName ?? null,
        organiser: meeting.organiser?.fullName ?? null,
        description: meeting.description,
      },
      recipients,
    );
  }

  /** A participant's answer; a unit's answer by any of its members; seen live by the secretaries. */
  async answer(meetingId: string, body: AnswerInvitationDto, user: AuthenticatedUser): Promise<MeetingDto> {
    const { meeting, payload, managers } = await this.dataSource.transaction(async (manager) => {
      const membership = await this.access.requireParticipant(meetingId, user, manager, { lock: true });
      const { meeting } = membership;
      assertNotOver(meeting);
      const participant = ownRow(membership, body.participantId);
      let delegate: { id: string; fullName: string } | null = null;
      if (body.answer === 'delegate') {
        if (!body.delegateId) throw badRequest(ErrorCode.ValidationFailed, 'Hãy chọn người dự họp thay.', 'Choose who attends instead.', [{ field: 'delegateId' }]);
        if (body.delegateId === user.id && participant.userId === user.id) throw badRequest(ErrorCode.ValidationFailed, 'Không thể cử chính mình dự thay.', 'You cannot send yourself as a delegate.', [{ field: 'delegateId' }]);
        const found = await manager.getRepository(User).findOne({ where: { id: body.delegateId, active: true }, select: { id: true, fullName: true } });
        if (!found) throw badRequest(ErrorCode.UserNotFound, 'Người được cử dự thay không tồn tại.', 'The delegate does not exist.', [{ field: 'delegateId' }]);
        delegate = found;
      }
      const answeredAt = this.clock.now();
      await manager.update(MeetingParticipant, { id: participant.id }, { answer: body.answer, answerNote: body.note ?? null, answeredAt, answeredById: user.id, delegateId: delegate?.id ?? null });
      await this.audit.record({ action: 'meeting.answer', actor: user, entityType: 'meeting', entityId: meetingId, details: { participantId: participant.id, answer: body.answer, delegateId: delegate?.id ?? null } }, manager);
      const payload: ParticipantAnsweredPayload = {
        participantId: participant.id,
        answer: body.answer,
        answerNote: body.note ?? null,
        delegate: delegate ? { id: delegate.id, fullName: delegate.fullName } : null,
        answeredAt: answeredAt.toISOString(),
      };
      await this.events.publish(meetingId, 'participant.answered', payload, { manager });
      const managers = await manager.getRepository(MeetingParticipant).find({ where: { meetingId, role: 'secretary' }, select: { userId: true } });
      return { meeting, payload, managers: [...managers.map((row) => row.userId as string), meeting.organiserId].filter((id): id is string => Boolean(id) && id !== user.id) };
    });
    const said = { attend: 'sẽ dự', decline: 'xin vắng', delegate: `cử ${payload.delegate?.fullName ?? ''} dự thay` }[body.answer];
    await this.notifications.notifyAfterCommit(managers, { kind: 'meeting.answer', title: `${user.fullName} ${said}: ${meeting.title}`, link: `/meetings/${meetingId}` });
    if (payload.delegate && payload.delegate.id !== user.id)
      await this.notifications.notifyAfterCommit([payload.delegate.id], { kind: 'meeting.delegated', title: `Bạn được cử dự họp thay ${user.fullName}: ${meeting.title}`, link: `/meetings/${meetingId}` });
    return this.meetings.get(meetingId, user);
  }

  /** Check-in: the participant (or their delegate, or a member of their unit) themselves, or a secretary for anyone. */
  async checkIn(meetingId: string, body: CheckInDto, user: AuthenticatedUser): Promise<MeetingDto> {
    await this.dataSource.transaction(async (manager) => {
      const membership = await this.access.requireParticipant(meetingId, user, manager, { lock: true });
      const { meeting } = membership;
      if (meeting.state === 'ended' || meeting.state === 'cancelled' || meeting.state === 'draft') throw meetingWrongState(meeting.state);
      let participant: MeetingParticipant;
      let present: string | null = user.id;
      const mine = membership.participants.find((row) => row.id === body.participantId);
      if (body.participantId && !mine) {
        if (!membership.manages) throw notManager();
        const found = await manager.getRepository(MeetingParticipant).findOneBy({ id: body.participantId, meetingId });
        if (!found) throw participantNotFound();
        participant = found;
        present = found.answer === 'delegate' ? found.delegateId : found.userId;
      } else participant = ownRow(membership, body.participantId);
      if (await manager.getRepository(MeetingCheckIn).existsBy({ participantId: participant.id })) return;
      const checkedInAt = this.clock.now();
      await manager.insert(MeetingCheckIn, { meetingId, participantId: participant.id, userId: present, checkedInAt, checkedInById: user.id });
      await this.audit.record({ action: 'meeting.check_in', actor: user, entityType: 'meeting', entityId: meetingId, details: { participantId: participant.id } }, manager);
      const payload: ParticipantCheckedInPayload = { participantId: participant.id, userId: present, checkedInAt: checkedInAt.toISOString(), byId: user.id };
      await this.events.publish(meetingId, 'participant.checked_in', payload, { manager });
    });
    return this.meetings.get(meetingId, user);
  }
}

/** The row the caller answers or checks in for: the one named (theirs to act for), else their own, their unit's, the one they represent. */
function ownRow(membership: MeetingMembership, participantId: string | undefined): MeetingParticipant {
  const rows = membership.participants;
  if (participantId) {
    const named = rows.find((row) => row.id === participantId);
    if (!named) throw new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, 'Bạn không trả lời thay được thành phần này.', 'You cannot act for this participant.');
    return named;
  }
  const own = rows.find((row) => row.userId === membership.userId) ?? rows.find((row) => row.kind === 'unit') ?? rows.find((row) => row.delegateId === membership.userId);
  if (!own) throw new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, 'Bạn không có tên trong thành phần cuộc họp.', 'You are not on the list of participants.');
  return own;
}
