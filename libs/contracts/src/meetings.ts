/**
 * Paperless meetings (họp không giấy): rooms, meetings, participants and their answers, the
 * agenda, materials and their immutable versions, and the live event log of a meeting.
 * Shared by the core (scheduling, materials, speakers, polls, minutes) and the live parts
 * (annotations, presence, the viewer): add to it, don't rewrite it.
 */

/** draft (being prepared) → invited (invitations sent) → in_progress → ended; cancelled at any time before the end. */
export const MEETING_STATES = ['draft', 'invited', 'in_progress', 'ended', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_STATE_LABELS: Record<MeetingState, { vi: string; en: string }> = {
  draft: { vi: 'Đang chuẩn bị', en: 'Being prepared' },
  invited: { vi: 'Đã gửi giấy mời', en: 'Invitations sent' },
  in_progress: { vi: 'Đang họp', en: 'In progress' },
  ended: { vi: 'Đã kết thúc', en: 'Ended' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** chair: chủ trì; secretary: thư ký; member: thành viên; guest: khách mời. */
export const PARTICIPANT_ROLES = ['chair', 'secretary', 'member', 'guest'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, { vi: string; en: string }> = {
  chair: { vi: 'Chủ trì', en: 'Chair' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
  member: { vi: 'Thành viên', en: 'Member' },
  guest: { vi: 'Khách mời', en: 'Guest' },
};

/** A participant is a user, a whole unit (any of its members may come for it), or a guest named by text. */
export const PARTICIPANT_KINDS = ['user', 'unit', 'guest'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** The answer to the invitation: not yet, will attend, declines, sends a delegate (cử người dự thay). */
export const INVITATION_ANSWERS = ['pending', 'attend', 'decline', 'delegate'] as const;
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number];

/** Who may read a material: every participant, or only the users named on it (with the chair and secretaries). */
export const MATERIAL_ACCESS = ['all_participants', 'named'] as const;
export type MaterialAccess = (typeof MATERIAL_ACCESS)[number];

export const MeetingErrorCode = {
  MeetingNotFound: 'MEETING_NOT_FOUND',
  RoomNotFound: 'MEETING_ROOM_NOT_FOUND',
  RoomDoubleBooked: 'MEETING_ROOM_DOUBLE_BOOKED',
  ParticipantNotFound: 'MEETING_PARTICIPANT_NOT_FOUND',
  NotAParticipant: 'NOT_A_MEETING_PARTICIPANT',
  AgendaItemNotFound: 'AGENDA_ITEM_NOT_FOUND',
  MaterialNotFound: 'MEETING_MATERIAL_NOT_FOUND',
  MaterialVersionNotFound: 'MEETING_MATERIAL_VERSION_NOT_FOUND',
  MaterialNotConvertible: 'MEETING_MATERIAL_NOT_CONVERTIBLE',
} as const;
export type MeetingErrorCode = (typeof MeetingErrorCode)[keyof typeof MeetingErrorCode];

export interface MeetingRoomDto {
  id: string;
  name: string;
  location: string | null;
  capacity: number | null;
  active: boolean;
}

export interface MeetingPersonDto {
  id: string;
  fullName: string;
}

export interface MeetingParticipantDto {
  id: string;
  kind: ParticipantKind;
  role: ParticipantRole;
  user: MeetingPersonDto | null;
  unit: { id: string; name: string } | null;
  guestName: string | null;
  guestEmail: string | null;
  answer: InvitationAnswer;
  answerNote: string | null;
  answeredAt: string | null;
  delegate: MeetingPersonDto | null;
  checkedInAt: string | null;
}

/** What a meeting says to the one who reads it: their own place in it. */
export interface MeetingMembershipDto {
  /** the participant rows the caller acts for: their own, their unit's, the ones they are a delegate for */
  participantIds: string[];
  /** the strongest role among them; null for an organiser or reader who is not a participant */
  role: ParticipantRole | null;
  /** may change the meeting, its agenda and materials, and send the invitations */
  manages: boolean;
  /** is (or represents) the chair */
  chairs: boolean;
}

export interface MeetingSummaryDto {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  room: MeetingRoomDto | null;
  place: string | null;
  onlineLink: string | null;
  confidential: boolean;
  state: MeetingState;
  chair: MeetingPersonDto | null;
}

export interface AgendaItemDto {
  id: string;
  position: number;
  title: string;
  description: string | null;
  presenter: MeetingPersonDto | null;
  presenterName: string | null;
  durationMinutes: number;
  startedAt: string | null;
  endedAt: string | null;
}

export interface MaterialVersionDto {
  id: string;
  materialId: string;
  number: number;
  fileId: string;
  sha256: string;
  pageCount: number;
  /** the DOCX/XLSX/PPTX it was converted from, when it was not uploaded as a PDF */
  sourceFileId: string | null;
  uploadedAt: string;
  uploadedBy: MeetingPersonDto | null;
  /** when it is to be published (scheduled) */
  publishAt: string | null;
  /** when participants could first read it; null while only the organisers see it */
  publishedAt: string | null;
}

export interface MaterialDto {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  title: string;
  access: MaterialAccess;
  /** the users named on it when access is `named` */
  readers: MeetingPersonDto[];
  /** the versions the caller may see, newest first */
  versions: MaterialVersionDto[];
}

export interface MeetingDto extends MeetingSummaryDto {
  description: string | null;
  organiser: MeetingPersonDto | null;
  startedAt: string | null;
  endedAt: string | null;
  invitedAt: string | null;
  /** the outgoing document (Giấy mời) drafted from the meeting, if any (POST /api/meetings/:id/invitation-letter) */
  invitationDocumentId: string | null;
  version: number;
  participants: MeetingParticipantDto[];
  agenda: AgendaItemDto[];
  materials: MaterialDto[];
  me: MeetingMembershipDto;
  /** the sequence of the last live event: a client listens from here on */
  lastEventSequence: number;
}

/** The names of the events of a meeting's live log (socket event `meeting:event`, room `meeting:<id>`). */
export const MEETING_EVENT_NAMES = [
  'meeting.changed',
  'participants.changed',
  'participant.answered',
  'participant.checked_in',
  'agenda.changed',
  'material.published',
  'materials.changed',
  'speakers.changed',
  'poll.opened',
  'poll.results',
  'poll.closed',
  'conclusions.changed',
] as const;
export type MeetingEventName = (typeof MEETING_EVENT_NAMES)[number];

/**
 * One entry of a meeting's live log as sent over socket.io and replayed to a reconnecting client:
 * `sequence` grows by one per meeting, so a client that saw 41 asks for everything after 41.
 * Events with an audience (e.g. live poll results for the chair) go only to those users.
 */
export interface MeetingEventEnvelope<P = unknown> {
  meetingId: string;
  sequence: number;
  name: MeetingEventName | string;
  payload: P;
  at: string;
}

/** The socket event carrying a MeetingEventEnvelope. */
export const MEETING_EVENT = 'meeting:event';
/** The socket.io room of a meeting. */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;

export interface ParticipantAnsweredPayload {
  participantId: string;
  answer: InvitationAnswer;
  answerNote: string | null;
  delegate: MeetingPersonDto | null;
  answeredAt: string;
}

export interface ParticipantCheckedInPayload {
  participantId: string;
  userId: string | null;
  checkedInAt: string;
  byId: string | null;
}

export interface MaterialPublishedPayload {
  materialId: string;
  versionId: string;
  number: number;
  publishedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Meetings — live: annotations on material versions, presence, follow-the-chair (socket.io).
// Rooms: `meeting:<meetingId>` (presence, meeting events, page-follow), `material:<versionId>`
// (shared annotations of that version), `user:<id>` (private annotations, only to their author).
// ---------------------------------------------------------------------------------------------

export type AnnotationVisibility = 'private' | 'shared';
export const ANNOTATION_KINDS = ['highlight', 'ink', 'rectangle', 'note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** A rectangle in PDF user space (points, origin at the page's bottom-left corner, y upwards). */
export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface PdfPoint {
  x: number;
  y: number;
}

/** Where and what on the page, in PDF user-space coordinates (independent of zoom and screen). */
export type AnnotationShape =
  /** selected text: one rectangle per line, and the text itself so it can be found again */
  | { kind: 'highlight'; rects: PdfRect[]; quote: string }
  /** pen strokes, each a list of points */
  | { kind: 'ink'; strokes: PdfPoint[][]; width: number }
  | { kind: 'rectangle'; rect: PdfRect; width: number }
  /** a sticky note pinned at a point; its text is the annotation's comment */
  | { kind: 'note'; at: PdfPoint };

export interface AnnotationDto {
  id: string;
  materialVersionId: string;
  /** the SHA-256 of the PDF it was made on (the version is immutable) */
  materialSha256: string;
  /** 0-based */
  pageIndex: number;
  shape: AnnotationShape;
  /** `#rrggbb` */
  color: string;
  comment: string | null;
  visibility: AnnotationVisibility;
  author: { id: string; fullName: string };
  /** optimistic concurrency: an update or delete names the version it saw */
  version: number;
  /** position in the version's change feed; a reconnecting viewer asks for changes after the last one it saw */
  change: string;
  createdAt: string;
  updatedAt: string;
}

/** An annotation that left a viewer's sight: deleted, or made private by its author. */
export interface AnnotationRemovedEvent {
  id: string;
  materialVersionId: string;
  change: string;
}

export interface CreateAnnotationCommand {
  materialVersionId: string;
  pageIndex: number;
  shape: AnnotationShape;
  color: string;
  comment?: string | null;
  visibility: AnnotationVisibility;
}
export interface UpdateAnnotationCommand {
  id: string;
  version: number;
  shape?: AnnotationShape;
  color?: string;
  comment?: string | null;
  visibility?: AnnotationVisibility;
}
export interface DeleteAnnotationCommand {
  id: string;
  version: number;
}

/** The acknowledgement of every live command: the result, or the same error shape as HTTP. */
export type LiveAck<T> = { ok: true; data: T } | { ok: false; error: import('./errors').ApiError };

/** One open viewer in a meeting (a person may have several: tablet and phone). */
export interface PresenceEntry {
  socketId: string;
  userId: string;
  fullName: string;
  role: ParticipantRole | null;
  materialVersionId: string | null;
  pageIndex: number | null;
  /** this viewer turns with the chair */
  following: boolean;
  /** this viewer leads the page the followers see (the chair or a presenter, presenting) */
  presenting: boolean;
}

export interface JoinMeetingCommand {
  meetingId: string;
  /** the last meeting event sequence this client saw; the missed ones come back in the answer */
  afterSequence?: number | null;
}
export interface JoinMeetingResult {
  meetingId: string;
  presence: PresenceEntry[];
  /** meeting events after `afterSequence`, oldest first */
  missed: MeetingEventEnvelope[];
  /** more were missed than are replayed: reload the meeting over HTTP */
  reloadNeeded: boolean;
  /** the newest sequence of the meeting's log */
  lastSequence: number;
  /** the caller may drive follow-the-chair (chair, or a presenter of an agenda item) */
  mayLead: boolean;
}
export interface JoinMaterialCommand {
  meetingId: string;
  materialVersionId: string;
  /** the last annotation change seen on this version; without it every visible annotation comes */
  afterChange?: string | null;
}
export interface JoinMaterialResult {
  materialVersionId: string;
  /** the visible annotations (changed after `afterChange` when given) */
  annotations: AnnotationDto[];
  /** with `afterChange`: the annotations seen before that are gone since (deleted or made private) */
  removed: AnnotationRemovedEvent[];
  lastChange: string;
}
export interface PresenceCommand {
  meetingId: string;
  materialVersionId: string | null;
  pageIndex: number | null;
  following: boolean;
  /** a leader stops presenting (`follow:page` starts it) */
  presenting?: boolean;
}
/** The page the chair (or presenter) shows; volatile: a follower that misses one takes the next. */
export interface FollowPageEvent {
  meetingId: string;
  materialVersionId: string;
  pageIndex: number;
  by: { id: string; fullName: string };
}

export interface MeetingsLiveServerEvents {
  'annotation:changed': (annotation: AnnotationDto) => void;
  'annotation:removed': (removed: AnnotationRemovedEvent) => void;
  'presence:joined': (entry: PresenceEntry) => void;
  'presence:updated': (entry: PresenceEntry) => void;
  'presence:left': (left: { meetingId: string; socketId: string }) => void;
  'follow:page': (event: FollowPageEvent) => void;
}

export interface MeetingsLiveClientCommands {
  'meeting:join': (command: JoinMeetingCommand, ack: (answer: LiveAck<JoinMeetingResult>) => void) => void;
  'meeting:leave': (command: { meetingId: string }, ack: (answer: LiveAck<null>) => void) => void;
  'material:join': (command: JoinMaterialCommand, ack: (answer: LiveAck<JoinMaterialResult>) => void) => void;
  'material:leave': (command: { materialVersionId: string }, ack: (answer: LiveAck<null>) => void) => void;
  'annotation:create': (command: CreateAnnotationCommand, ack: (answer: LiveAck<AnnotationDto>) => void) => void;
  'annotation:update': (command: UpdateAnnotationCommand, ack: (answer: LiveAck<AnnotationDto>) => void) => void;
  'annotation:delete': (command: DeleteAnnotationCommand, ack: (answer: LiveAck<AnnotationRemovedEvent>) => void) => void;
  'presence:update': (command: PresenceCommand, ack: (answer: LiveAck<null>) => void) => void;
  'follow:page': (command: Omit<FollowPageEvent, 'by'>, ack: (answer: LiveAck<null>) => void) => void;
}

export const AnnotationErrorCode = {
  AnnotationNotFound: 'ANNOTATION_NOT_FOUND',
  InvalidAnnotation: 'INVALID_ANNOTATION',
  NotTheLeader: 'NOT_THE_LEADER',
} as const;

// ---------------------------------------------------------------------------------------------
// Meetings — core: requests and answers of the HTTP API (schedule, invitations, agenda,
// materials, check-in, speakers, polls, conclusions, figures) and written consultations.
// ---------------------------------------------------------------------------------------------

export interface CreateMeetingRoomRequest {
  name: string;
  location?: string | null;
  capacity?: number | null;
}
export interface UpdateMeetingRoomRequest extends Partial<CreateMeetingRoomRequest> {
  active?: boolean;
}

export interface ParticipantInput {
  kind: ParticipantKind;
  role: ParticipantRole;
  userId?: string | null;
  unitId?: string | null;
  guestName?: string | null;
  guestEmail?: string | null;
}

export interface CreateMeetingRequest {
  title: string;
  description?: string | null;
  startsAt: string;
  endsAt: string;
  roomId?: string | null;
  place?: string | null;
  onlineLink?: string | null;
  confidential?: boolean;
  /** at least the chair; the organiser is added as a secretary when not listed */
  participants: ParticipantInput[];
}
export interface UpdateMeetingRequest extends Partial<CreateMeetingRequest> {
  version: number;
}

/** GET /api/meetings?from=&to=&roomId= — the weekly schedule (lịch công tác tuần) or a room's bookings. */
export interface MeetingScheduleQuery {
  from: string;
  to: string;
  roomId?: string;
}

export interface AnswerInvitationRequest {
  /** the participant row answered for; by default the caller's own (or their unit's) */
  participantId?: string;
  answer: Exclude<InvitationAnswer, 'pending'>;
  delegateId?: string | null;
  note?: string | null;
}

export interface AgendaItemInput {
  /** an existing item keeps its id (and its materials, speakers, conclusions) */
  id?: string;
  title: string;
  description?: string | null;
  presenterId?: string | null;
  presenterName?: string | null;
  durationMinutes: number;
}
export interface SetAgendaRequest {
  items: AgendaItemInput[];
}

export interface CreateMaterialRequest {
  title: string;
  agendaItemId?: string | null;
  access?: MaterialAccess;
  readerIds?: string[];
  /** uploaded with POST /api/files: PDF, or DOCX/XLSX/PPTX converted to PDF where LibreOffice is installed */
  fileId: string;
  /** publish at once, or at this time; neither: kept for the organisers until published */
  publishNow?: boolean;
  publishAt?: string | null;
}
export interface AddMaterialVersionRequest {
  fileId: string;
  publishNow?: boolean;
  publishAt?: string | null;
}
export interface PublishMaterialVersionRequest {
  /** null or absent: now */
  at?: string | null;
}

export interface CheckInRequest {
  /** the participant checked in by a secretary; absent: the caller checks themselves in */
  participantId?: string;
}

export const SPEAKER_KINDS = ['contribution', 'point_of_order', 'question', 'reply'] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];
export const SPEAKER_STATES = ['waiting', 'speaking', 'done', 'withdrawn'] as const;
export type SpeakerState = (typeof SPEAKER_STATES)[number];

export interface SpeakerDto {
  id: string;
  agendaItemId: string | null;
  user: MeetingPersonDto;
  kind: SpeakerKind;
  position: number;
  state: SpeakerState;
  requestedAt: string;
  startedAt: string | null;
  stoppedAt: string | null;
  /** seconds spoken (so far, while speaking) */
  elapsedSeconds: number | null;
}
export interface RequestToSpeakRequest {
  agendaItemId?: string | null;
  kind?: SpeakerKind;
}
export interface OrderSpeakersRequest {
  /** the waiting requests in the order they will speak */
  speakerIds: string[];
}

/** open → closed (results published to all). */
export const POLL_STATES = ['open', 'closed'] as const;
export type PollState = (typeof POLL_STATES)[number];

export interface CreatePollRequest {
  question: string;
  agendaItemId?: string | null;
  secret: boolean;
  /** default: Tán thành / Không tán thành / Không biểu quyết (agree / disagree / abstain) */
  options?: string[];
}
export interface VoteRequest {
  optionId: string;
  /** the participant voted for: a delegate votes for the absent member they represent; by default the caller's own */
  participantId?: string;
}
export interface PollResultDto {
  optionId: string;
  label: string;
  votes: number;
}
export interface PollDto {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  question: string;
  secret: boolean;
  state: PollState;
  options: { id: string; label: string }[];
  openedAt: string;
  closedAt: string | null;
  /** participants entitled to vote */
  eligible: number;
  /** ballots cast */
  voted: number;
  /** for the chair and secretaries while open, for everyone once closed; null otherwise */
  results: PollResultDto[] | null;
  /** who voted what: open polls only, once closed (or for the chair) */
  votes: { participantId: string; name: string; optionId: string }[] | null;
  /** the participant rows the caller may still vote for */
  mayVoteFor: string[];
}

export const CONCLUSION_STATES = ['draft', 'approved'] as const;
export type ConclusionState = (typeof CONCLUSION_STATES)[number];
export type TaskPriorityInput = 'normal' | 'high' | 'urgent';

export interface ConclusionTaskInput {
  title: string;
  assigneeUnitId?: string | null;
  assigneeUserId?: string | null;
  /** yyyy-mm-dd */
  deadline: string;
  priority?: TaskPriorityInput;
}
export interface WriteConclusionRequest {
  agendaItemId?: string | null;
  text: string;
  tasks?: ConclusionTaskInput[];
}
export interface UpdateConclusionRequest extends WriteConclusionRequest {
  version: number;
}
export interface ConclusionDto {
  id: string;
  agendaItemId: string | null;
  text: string;
  state: ConclusionState;
  writtenBy: MeetingPersonDto | null;
  writtenAt: string;
  approvedBy: MeetingPersonDto | null;
  approvedAt: string | null;
  version: number;
  tasks: (ConclusionTaskInput & { id: string; taskId: string | null })[];
}

/** Figures per meeting for leaders (GET /api/meetings/:id/figures). */
export interface MeetingFiguresDto {
  meetingId: string;
  plannedMinutes: number;
  /** from start to end as run; null until it has started and ended */
  actualMinutes: number | null;
  participants: number;
  present: number;
  /** present / participants, 0..1 */
  attendanceRate: number;
  materialPages: number;
  /** pages of paper not printed: the pages of the published materials × the participants */
  pagesNotPrinted: number;
}

export const CONSULTATION_STATES = ['draft', 'sent', 'closed'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];
export const CONSULTATION_ANSWERS = ['agree', 'disagree', 'comment'] as const;
export type ConsultationAnswer = (typeof CONSULTATION_ANSWERS)[number];

export interface CreateConsultationRequest {
  question: string;
  description?: string | null;
  deadline: string;
  recipientIds: string[];
  draftFileIds?: string[];
}
export interface UpdateConsultationRequest extends Partial<CreateConsultationRequest> {
  version: number;
}
export interface AnswerConsultationRequest {
  answer: ConsultationAnswer;
  comment?: string | null;
}
export interface CloseConsultationRequest {
  summary: string;
  version: number;
}
export interface ConsultationDto {
  id: string;
  question: string;
  description: string | null;
  deadline: string;
  state: ConsultationState;
  createdBy: MeetingPersonDto | null;
  createdAt: string;
  sentAt: string | null;
  closedAt: string | null;
  summary: string | null;
  version: number;
  drafts: { fileId: string; name: string; size: number }[];
  recipients: { user: MeetingPersonDto; answer: ConsultationAnswer | null; comment: string | null; answeredAt: string | null }[];
  /** counts of answers so far */
  tally: Record<ConsultationAnswer | 'unanswered', number>;
  /** the caller's own answer row, when they are asked */
  mine: { answer: ConsultationAnswer | null; comment: string | null } | null;
  manages: boolean;
  overdue: boolean;
}
