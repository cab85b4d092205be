import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MEETING_STATE_LABELS, MeetingFiguresDto, PARTICIPANT_ROLE_LABELS, SPEAKER_KINDS } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { MeetingAccessService } from '../access/meeting-access.service';
import { ConclusionsService } from '../conclusions/conclusions.service';
import { PollsService } from '../polls/polls.service';
import { MeetingViews } from '../schedule/meeting-views';
import { SpeakersService } from '../speakers/speakers.service';
import { MeetingFigures } from './meeting-figures';
import { participantName } from '../invitations/participant-name';
import { MinutesBlock, renderMinutes } from './minutes-document';

const TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
const ANSWERS = { pending: 'chưa trả lời', attend: 'tham dự', decline: 'vắng', delegate: 'cử người dự thay' } as const;
const SPEAKER_KIND_LABELS: Record<(typeof SPEAKER_KINDS)[number], string> = { contribution: 'phát biểu', point_of_order: 'ý kiến về thủ tục', question: 'câu hỏi', reply: 'trả lời' };

/**
 * The minutes (biên bản) of a meeting as one PDF: the meeting, participants and attendance, the
 * agenda, who spoke and how long, the poll results, the conclusions with their tasks, and the figures.
 */
@Injectable()
export class MinutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly views: MeetingViews,
    private readonly speakers: SpeakersService,
    private readonly polls: PollsService,
    private readonly conclusions: ConclusionsService,
    private readonly figures: MeetingFigures,
    private readonly audit: AuditService,
  ) {}

  async pdf(meetingId: string, user: AuthenticatedUser): Promise<{ bytes: Uint8Array; fileName: string }> {
    const membership = await this.access.requireParticipant(meetingId, user);
    const { meeting } = membership;
    const [summary] = await this.views.summaries([meeting]);
    const participants = await this.views.participants(meetingId);
    const agenda = await this.views.agenda(meetingId);
    const spoken = await this.speakers.spoken(meetingId);
    const polls = await this.polls.closedResults(meetingId);
    const conclusions = await this.conclusions.conclusions(this.dataSource.manager, meetingId);
    const figures = await this.figures.of(meetingId);
    const itemTitle = (id: string | null) => (id ? (agenda.find((item) => item.id === id)?.title ?? '') : 'Chung');

    const blocks: MinutesBlock[] = [
      { kind: 'title', text: 'BIÊN BẢN CUỘC HỌP' },
      { kind: 'title', text: meeting.title },
      { kind: 'paragraph', text: `Thời gian: ${TIME.format(meeting.startsAt)} – ${TIME.format(meeting.endsAt)}${meeting.startedAt ? ` (thực tế ${TIME.format(meeting.startedAt)}${meeting.endedAt ? ` – ${TIME.format(meeting.endedAt)}` : ''})` : ''}` },
      { kind: 'paragraph', text: `Địa điểm: ${summary.room?.name ?? meeting.place ?? '—'}${meeting.onlineLink ? ` · Trực tuyến: ${meeting.onlineLink}` : ''}` },
      { kind: 'paragraph', text: `Chủ trì: ${summary.chair?.fullName ?? '—'} · Trạng thái: ${MEETING_STATE_LABELS[meeting.state].vi}` },
      { kind: 'heading', text: `I. Thành phần và điểm danh (có mặt ${figures.present}/${figures.participants})` },
      ...participants.map((participant, index): MinutesBlock => {
        const name = participantName(participant);
        const delegate = participant.delegate ? ` (${participant.delegate.fullName} dự thay)` : '';
        const present = participant.checkedInAt ? `có mặt lúc ${TIME.format(new Date(participant.checkedInAt))}` : 'vắng mặt';
        return { kind: 'paragraph', indent: 12, text: `${index + 1}. ${name}${delegate} — ${PARTICIPANT_ROLE_LABELS[participant.role].vi}; trả lời: ${ANSWERS[participant.answer]}; ${present}` };
      }),
      { kind: 'heading', text: 'II. Chương trình họp' },
      ...agenda.map((item): MinutesBlock => ({ kind: 'paragraph', indent: 12, text: `${item.position}. ${item.title} — trình bày: ${item.presenter?.fullName ?? item.presenterName ?? '—'}; ${item.durationMinutes} phút` })),
      { kind: 'heading', text: 'III. Phát biểu' },
      ...(spoken.length
        ? spoken.map((speaker, index): MinutesBlock => ({
            kind: 'paragraph',
            indent: 12,
            text: `${index + 1}. ${speaker.user.fullName} (${SPEAKER_KIND_LABELS[speaker.kind]}, nội dung: ${itemTitle(speaker.agendaItemId)}) — ${formatDuration(speaker.elapsedSeconds ?? 0)}`,
          }))
        : [{ kind: 'paragraph', indent: 12, text: 'Không có lượt phát biểu nào được ghi.' } as MinutesBlock]),
      { kind: 'heading', text: 'IV. Kết quả biểu quyết' },
      ...(polls.length
        ? polls.flatMap(({ poll, results }): MinutesBlock[] => {
            const total = results.reduce((sum, result) => sum + result.votes, 0);
            return [
              { kind: 'paragraph', indent: 12, text: `${poll.question} (${poll.secret ? 'bỏ phiếu kín' : 'biểu quyết công khai'}; nội dung: ${itemTitle(poll.agendaItemId)}) — ${total} phiếu` },
              ...results.map((result): MinutesBlock => ({ kind: 'paragraph', indent: 28, text: `${result.label}: ${result.votes} phiếu${total ? ` (${Math.round((result.votes / total) * 1000) / 10}%)` : ''}` })),
            ];
          })
        : [{ kind: 'paragraph', indent: 12, text: 'Không có biểu quyết nào.' } as MinutesBlock]),
      { kind: 'heading', text: 'V. Kết luận' },
      ...(conclusions.length
        ? conclusions.flatMap((conclusion): MinutesBlock[] => [
            { kind: 'paragraph', indent: 12, text: `${itemTitle(conclusion.agendaItemId)}: ${conclusion.text}${conclusion.state === 'approved' ? ` (đã duyệt bởi ${conclusion.approvedBy?.fullName ?? ''})` : ' (dự thảo)'}` },
            ...conclusion.tasks.map((task): MinutesBlock => ({ kind: 'paragraph', indent: 28, text: `Nhiệm vụ: ${task.title} — hạn ${task.deadline}` })),
          ])
        : [{ kind: 'paragraph', indent: 12, text: 'Chưa có kết luận.' } as MinutesBlock]),
      { kind: 'heading', text: 'VI. Số liệu' },
      {
        kind: 'paragraph',
        indent: 12,
        text: `Thời lượng dự kiến ${figures.plannedMinutes} phút${figures.actualMinutes !== null ? `, thực tế ${figures.actualMinutes} phút` : ''}; tỷ lệ tham dự ${Math.round(figures.attendanceRate * 100)}%; tiết kiệm ${figures.pagesNotPrinted} trang giấy in (${figures.materialPages} trang tài liệu × ${figures.participants} thành phần).`,
      },
    ];
    const bytes = await renderMinutes(`Biên bản — ${meeting.title}`, blocks);
    await this.audit.record({ action: 'meeting.minutes.export', actor: user, entityType: 'meeting', entityId: meetingId });
    return { bytes, fileName: `bien-ban-${meeting.startsAt.toISOString().slice(0, 10)}.pdf` };
  }

  async figuresFor(meetingId: string, user: AuthenticatedUser): Promise<MeetingFiguresDto> {
    await this.access.canReadMeeting(meetingId, user);
    return this.figures.of(meetingId);
  }
}

function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes ? `${minutes} phút ${seconds % 60} giây` : `${seconds} giây`;
}
