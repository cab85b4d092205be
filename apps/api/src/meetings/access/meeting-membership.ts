import type { ParticipantRole } from '@app/contracts';
import type { Meeting } from '../entities/meeting.entity';
import type { MeetingParticipant } from '../entities/meeting-participant.entity';

/** How strong a role is, to pick the caller's strongest among the rows they act for. */
const ROLE_RANK: Record<ParticipantRole, number> = { chair: 4, secretary: 3, member: 2, guest: 1 };

/**
 * The caller's place in one meeting: the participant rows they act for (their own, their unit's,
 * those who sent them as a delegate), their strongest role, and whether they may manage it.
 */
export interface MeetingMembership {
  meeting: Meeting;
  userId: string;
  participants: MeetingParticipant[];
  role: ParticipantRole | null;
  /** chair, secretary or the organiser: changes the meeting, agenda, materials; sends invitations */
  manages: boolean;
  chairs: boolean;
}

export function membershipOf(meeting: Meeting, userId: string, participants: MeetingParticipant[]): MeetingMembership {
  let role: ParticipantRole | null = null;
  for (const participant of participants) if (!role || ROLE_RANK[participant.role] > ROLE_RANK[role]) role = participant.role;
  const chairs = role === 'chair';
  return { meeting, userId, participants, role, chairs, manages: chairs || role === 'secretary' || meeting.organiserId === userId };
}

/**
 * The participant rows a user acts for. A participant who sent a delegate keeps reading (the row
 * is still theirs) but the delegate acts for it too; a unit's row belongs to each of its members.
 */
export function rowsActedFor(all: MeetingParticipant[], user: { id: string; unitId: string | null }): MeetingParticipant[] {
  return all.filter(
    (participant) =>
      participant.userId === user.id || participant.delegateId === user.id || (participant.kind === 'unit' && user.unitId !== null && participant.unitId === user.unitId),
  );
}
