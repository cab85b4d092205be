import type { ParticipantInput } from '@app/contracts';
import { checkParticipants, participantKey } from './participant-rules';

const chair: ParticipantInput = { kind: 'user', role: 'chair', userId: 'a' };

describe('participant list rules', () => {
  it('accepts one chair with members, units and guests', () => {
    expect(() =>
      checkParticipants([chair, { kind: 'user', role: 'member', userId: 'b' }, { kind: 'unit', role: 'member', unitId: 'u' }, { kind: 'guest', role: 'guest', guestName: 'Ông Nguyễn Văn A' }]),
    ).not.toThrow();
  });

  it('needs exactly one chair', () => {
    expect(() => checkParticipants([{ kind: 'user', role: 'member', userId: 'b' }])).toThrow(/chủ trì/);
    expect(() => checkParticipants([chair, { kind: 'user', role: 'chair', userId: 'b' }])).toThrow(/chủ trì/);
  });

  it('refuses the same person twice, a unit as chair and a guest with another role', () => {
    expect(() => checkParticipants([chair, { kind: 'user', role: 'member', userId: 'a' }])).toThrow(/hai lần/);
    expect(() => checkParticipants([chair, { kind: 'unit', role: 'secretary', unitId: 'u' }])).toThrow(/cán bộ cụ thể/);
    expect(() => checkParticipants([chair, { kind: 'guest', role: 'member', guestName: 'Bà B' }])).toThrow(/khách mời/);
  });

  it('treats guests named alike, whatever the case, as the same', () => {
    expect(participantKey({ kind: 'guest', guestName: 'Bà Lê Thị B' })).toBe(participantKey({ kind: 'guest', guestName: 'bà lê thị b' }));
  });
});
