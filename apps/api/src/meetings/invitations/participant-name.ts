import type { MeetingParticipantDto } from '@app/contracts';

/** The name a participant line shows: the person, the unit, or the guest. */
export function participantName(participant: MeetingParticipantDto): string {
  return participant.user?.fullName ?? participant.unit?.name ?? participant.guestName ?? '';
}
