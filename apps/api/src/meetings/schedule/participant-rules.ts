import { HttpStatus } from '@nestjs/common';
import { ErrorCode, ParticipantInput } from '@app/contracts';
import { AppException, badRequest } from '../../platform/errors/app-exception';

const invalid = (vi: string, en: string, index?: number) => badRequest(ErrorCode.ValidationFailed, vi, en, index === undefined ? [{ field: 'participants' }] : [{ field: `participants.${index}` }]);

/** The key that says two input lines name the same participant. */
export function participantKey(input: Pick<ParticipantInput, 'kind' | 'userId' | 'unitId' | 'guestName'>): string {
  if (input.kind === 'user') return `user:${input.userId}`;
  if (input.kind === 'unit') return `unit:${input.unitId}`;
  return `guest:${(input.guestName ?? '').toLocaleLowerCase('vi')}`;
}

/**
 * Checks the shape of a participant list (pure): each line names exactly what its kind needs,
 * nobody twice, one chair who is a person, guests only as guests.
 */
export function checkParticipants(participants: readonly ParticipantInput[]): void {
  const seen = new Set<string>();
  participants.forEach((participant, index) => {
    if (participant.kind === 'user' && !participant.userId) throw invalid('Thành phần là cán bộ cần chọn người.', 'A user participant needs a user.', index);
    if (participant.kind === 'unit' && !participant.unitId) throw invalid('Thành phần là đơn vị cần chọn đơn vị.', 'A unit participant needs a unit.', index);
    if (participant.kind === 'guest' && !participant.guestName) throw invalid('Khách mời cần có họ tên.', 'A guest needs a name.', index);
    if (participant.kind === 'guest' && participant.role !== 'guest') throw invalid('Khách mời bên ngoài chỉ có vai trò khách mời.', 'A guest from outside can only have the guest role.', index);
    if (participant.kind !== 'user' && (participant.role === 'chair' || participant.role === 'secretary'))
      throw invalid('Chủ trì và thư ký phải là một cán bộ cụ thể.', 'The chair and secretaries must be named people.', index);
    const key = participantKey(participant);
    if (seen.has(key)) throw invalid('Một thành phần được mời hai lần.', 'A participant is listed twice.', index);
    seen.add(key);
  });
  const chairs = participants.filter((participant) => participant.role === 'chair').length;
  if (chairs !== 1)
    throw new AppException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'Cuộc họp cần đúng một người chủ trì.', 'A meeting needs exactly one chair.', [{ field: 'participants' }]);
}
