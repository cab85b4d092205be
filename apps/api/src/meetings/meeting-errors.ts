import { HttpStatus } from '@nestjs/common';
import { ErrorCode, MEETING_STATE_LABELS, MeetingErrorCode, MeetingState } from '@app/contracts';
import { AppException } from '../platform/errors/app-exception';

export const meetingNotFound = () => new AppException(HttpStatus.NOT_FOUND, MeetingErrorCode.MeetingNotFound, 'Không tìm thấy cuộc họp.', 'Meeting not found.');

export const materialVersionNotFound = () =>
  new AppException(HttpStatus.NOT_FOUND, MeetingErrorCode.MaterialVersionNotFound, 'Không tìm thấy phiên bản tài liệu họp.', 'Meeting material version not found.');

export const materialNotFound = () => new AppException(HttpStatus.NOT_FOUND, MeetingErrorCode.MaterialNotFound, 'Không tìm thấy tài liệu họp.', 'Meeting material not found.');

export const agendaItemNotFound = () =>
  new AppException(HttpStatus.NOT_FOUND, MeetingErrorCode.AgendaItemNotFound, 'Không tìm thấy nội dung này trong chương trình họp.', 'Agenda item not found.');

export const participantNotFound = () =>
  new AppException(HttpStatus.NOT_FOUND, MeetingErrorCode.ParticipantNotFound, 'Không tìm thấy thành phần này của cuộc họp.', 'Meeting participant not found.');

export const roomNotFound = () => new AppException(HttpStatus.NOT_FOUND, MeetingErrorCode.RoomNotFound, 'Không tìm thấy phòng họp.', 'Meeting room not found.');

export const notAParticipant = () =>
  new AppException(HttpStatus.FORBIDDEN, MeetingErrorCode.NotAParticipant, 'Bạn không phải thành phần của cuộc họp này.', 'You are not a participant of this meeting.');

export const meetingWrongState = (state: MeetingState) =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.InvalidState,
    `Cuộc họp đang ở trạng thái "${MEETING_STATE_LABELS[state].vi}", không thực hiện được thao tác này.`,
    `The meeting is "${MEETING_STATE_LABELS[state].en}"; this cannot be done now.`,
  );

export const notManager = () =>
  new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, 'Chỉ chủ trì, thư ký hoặc người tổ chức cuộc họp mới làm được việc này.', 'Only the chair, a secretary or the organiser of the meeting can do this.');

export const notChair = () => new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, 'Chỉ người chủ trì cuộc họp mới làm được việc này.', 'Only the chair of the meeting can do this.');

export const materialNotForYou = () =>
  new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, 'Tài liệu này chưa được phát hành hoặc không dành cho bạn.', 'This material is not published yet or not meant for you.');

/** Refuses a change to a meeting that has ended or was cancelled (409 naming its state). */
export function assertNotOver(meeting: { state: MeetingState }): void {
  if (meeting.state === 'ended' || meeting.state === 'cancelled') throw meetingWrongState(meeting.state);
}
