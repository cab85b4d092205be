import type { MeetingParticipantDto } from '@app/contracts';
import { answerTally, participantName } from './answer-tally';

const participant = (overrides: Partial<MeetingParticipantDto>): MeetingParticipantDto => ({
  id: 'p',
  kind: 'user',
  role: 'member',
  user: { id: 'u', fullName: 'Trần Văn Minh' },
  unit: null,
  guestName: null,
  guestEmail: null,
  answer: 'pending',
  answerNote: null,
  answeredAt: null,
  delegate: null,
  checkedInAt: null,
  ...overrides,
});

describe('the invitation tally', () => {
  it('counts each answer and who is present', () => {
    expect(
      answerTally([
        participant({ answer: 'attend', checkedInAt: '2026-12-07T01:00:00Z' }),
        participant({ answer: 'decline' }),
        participant({ answer: 'delegate', checkedInAt: '2026-12-07T01:05:00Z' }),
        participant({}),
      ]),
    ).toEqual({ attend: 1, decline: 1, delegate: 1, pending: 1, checkedIn: 2, total: 4 });
  });

  it('names a person, a unit or a guest', () => {
    expect(participantName(participant({}))).toBe('Trần Văn Minh');
    expect(participantName(participant({ kind: 'unit', user: null, unit: { id: 'x', name: 'Vụ Pháp chế' } }))).toBe('Vụ Pháp chế');
    expect(participantName(participant({ kind: 'guest', user: null, guestName: 'Ông An' }))).toBe('Ông An');
  });
});
