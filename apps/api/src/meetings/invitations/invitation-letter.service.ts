import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ErrorCode, Permission } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { FilesService } from '../../files/files.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { OutgoingDraftsService } from '../../outgoing/outgoing-drafts.service';
import { AppConfig } from '../../platform/config/app-config';
import { AppException, conflict, forbidden } from '../../platform/errors/app-exception';
import { MeetingAccessService } from '../access/meeting-access.service';
import { Meeting } from '../entities/meeting.entity';
import { MeetingEventsService } from '../events/meeting-events.service';
import { assertNotOver } from '../meeting-errors';
import { renderMinutes } from '../minutes/minutes-document';
import { MeetingViews } from '../schedule/meeting-views';
import { participantName } from './participant-name';

const WHEN = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' });

/**
 * Issues the invitation as an outgoing document (Giấy mời): a PDF written from the meeting (who is
 * invited, when, where, the agenda) becomes the first version of an outgoing draft of type
 * `invitation`, drafted by the secretary, to be signed by the chair, addressed to the units invited;
 * from there the outgoing flow reviews, signs, numbers and dispatches it. One per meeting.
 */
@Injectable()
export class InvitationLetterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly views: MeetingViews,
    private readonly files: FilesService,
    private readonly outgoing: OutgoingDraftsService,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async draft(meetingId: string, user: AuthenticatedUser): Promise<{ outgoingDocumentId: string }> {
    const { meeting } = await this.access.requireManager(meetingId, user);
    assertNotOver(meeting);
    if (!user.permissions.includes(Permission.OutgoingDraft)) throw forbidden('Bạn không có quyền soạn văn bản đi.', 'You may not draft outgoing documents.');
    if (meeting.invitationDocumentId) throw conflict(ErrorCode.InvalidState, 'Giấy mời của cuộc họp này đã được soạn.', 'The invitation letter of this meeting has already been drafted.', { outgoingDocumentId: meeting.invitationDocumentId });
    const participants = await this.views.participants(meetingId);
    const chair = participants.find((participant) => participant.role === 'chair')?.user;
    if (!chair) throw new AppException(HttpStatus.CONFLICT, ErrorCode.InvalidState, 'Cuộc họp chưa có người chủ trì để ký giấy mời.', 'The meeting has no chair to sign the invitation.');
    const [summary] = await this.views.summaries([meeting]);
    const place = summary.room ? `${summary.room.name}${summary.room.location ? `, ${summary.room.location}` : ''}` : meeting.place;
    const pdf = await this.letter(meeting, place, participants.map(participantName), chair.fullName);
    const file = await this.files.store(Readable.from([Buffer.from(pdf)]), { originalName: 'giay-moi.pdf', declaredType: 'application/pdf', uploadedBy: user });
    const units = participants.filter((participant) => participant.kind === 'unit').map((participant) => participant.unit!.id);
    const people = participants.filter((participant) => participant.kind !== 'unit').map(participantName);
    const draft = await this.outgoing.create(
      {
        documentType: 'invitation',
        subject: `Mời dự cuộc họp: ${meeting.title}`.slice(0, 500),
        urgency: 'normal',
        confidentiality: meeting.confidential ? 'confidential' : 'normal',
        signerId: chair.id,
        recipientUnitIds: units,
        recipientsText: people.length ? `- ${people.join(';\n- ')};\n- Lưu: VT.` : '- Lưu: VT.',
        mainFileId: file.id,
      },
      user,
    );
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Meeting, { id: meetingId }, { invitationDocumentId: draft.id });
      await this.audit.record({ action: 'meeting.invitation_letter', actor: user, entityType: 'meeting', entityId: meetingId, details: { outgoingDocumentId: draft.id } }, manager);
      await this.events.publish(meetingId, 'meeting.changed', { invitationDocumentId: draft.id }, { manager });
    });
    return { outgoingDocumentId: draft.id };
  }

  private letter(meeting: Meeting, place: string | null, invited: string[], chair: string): Promise<Uint8Array> {
    return renderMinutes(`Giấy mời — ${meeting.title}`, [
      { kind: 'title', text: this.config.ORGAN_NAME.toUpperCase() },
      { kind: 'title', text: 'GIẤY MỜI' },
      { kind: 'paragraph', text: `${this.config.ORGAN_NAME} trân trọng kính mời dự cuộc họp: ${meeting.title}.` },
      { kind: 'paragraph', text: `Thời gian: ${WHEN.format(meeting.startsAt)}.` },
      { kind: 'paragraph', text: `Địa điểm: ${place ?? '—'}${meeting.onlineLink ? `; họp trực tuyến: ${meeting.onlineLink}` : ''}.` },
      { kind: 'paragraph', text: `Chủ trì: ${chair}.` },
      ...(meeting.description ? [{ kind: 'paragraph' as const, text: `Nội dung: ${meeting.description}` }] : []),
      { kind: 'heading', text: 'Thành phần' },
      ...invited.map((name) => ({ kind: 'paragraph' as const, text: `- ${name};`, indent: 12 })),
      { kind: 'paragraph', text: 'Tài liệu họp được phát hành trên Hệ thống quản lý văn bản và điều hành; đề nghị các đại biểu trả lời tham dự trên hệ thống.' },
    ]);
  }
}
