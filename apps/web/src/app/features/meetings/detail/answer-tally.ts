import type { InvitationAnswer, MeetingParticipantDto } from '@app/contracts';

export interface AnswerTally {
  attend: number;
  decline: number;
  delegate: number;
  pending: number;
  checkedIn: number;
  total: number;
}

/** How the invitation stands: answers per kind and who is present, for the secretary's summary line. */
export function answerTally(participants: readonly MeetingParticipantDto[]): AnswerTally {
  const tally: AnswerTally = { attend: 0, decline: 0, delegate: 0, pending: 0, checkedIn: 0, total: participants.length };
  for (const participant of participants) {
    tally[participant.answer as InvitationAnswer] += 1;
    if (participant.checkedInAt) tally.checkedIn += 1;
  }
  return tally;
}

/** The name a participant line shows: the person, the unit, or the guest. */
export function participantName(participant: MeetingParticipantDto): string {
  return participant.user?.fullName ?? participant.unit?.name ?? participant.guestName ?? '';
}
