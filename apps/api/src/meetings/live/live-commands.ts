import type { FollowPageEvent, JoinMaterialCommand, PresenceCommand } from '@app/contracts';
import { checkedInput as checked } from './live-errors';
import { commandBody as body, uuid } from './annotations/annotation-command';
import { ShapeProblem } from './annotations/annotation-shape';

function pageIndex(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000) throw new ShapeProblem('Số trang không hợp lệ.', 'The page index is not valid.');
  return value;
}

function optionalCursor(value: unknown, pattern: RegExp): string | null {
  if (value === undefined || value === null) return null;
  if ((typeof value !== 'string' && typeof value !== 'number') || !pattern.test(String(value)))
    throw new ShapeProblem('Mốc đồng bộ không hợp lệ.', 'The sync cursor is not valid.');
  return String(value);
}

const CURSOR = /^\d{1,15}$/;

/** The socket commands' bodies, checked before anything runs (a socket has no ValidationPipe). */
export const liveCommand = {
  /** `afterChange` of a version's change feed, or null for everything */
  changeCursor: (input: unknown) => checked(() => optionalCursor(input, CURSOR)),
  meeting: (input: unknown) => checked(() => ({ meetingId: uuid(body(input).meetingId, 'cuộc họp') })),
  material: (input: unknown) => checked(() => ({ materialVersionId: uuid(body(input).materialVersionId, 'phiên bản tài liệu') })),
  joinMeeting: (input: unknown) =>
    checked(() => {
      const command = body(input);
      const after = optionalCursor(command.afterSequence, CURSOR);
      return { meetingId: uuid(command.meetingId, 'cuộc họp'), afterSequence: after === null ? null : Number(after) };
    }),
  joinMaterial: (input: unknown): Required<JoinMaterialCommand> =>
    checked(() => {
      const command = body(input);
      return { meetingId: uuid(command.meetingId, 'cuộc họp'), materialVersionId: uuid(command.materialVersionId, 'phiên bản tài liệu'), afterChange: optionalCursor(command.afterChange, CURSOR) };
    }),
  presence: (input: unknown): PresenceCommand =>
    checked(() => {
      const command = body(input);
      const onMaterial = command.materialVersionId !== null && command.materialVersionId !== undefined;
      return {
        meetingId: uuid(command.meetingId, 'cuộc họp'),
        materialVersionId: onMaterial ? uuid(command.materialVersionId, 'phiên bản tài liệu') : null,
        pageIndex: onMaterial && command.pageIndex !== null && command.pageIndex !== undefined ? pageIndex(command.pageIndex) : null,
        following: command.following === true,
        presenting: command.presenting === true,
      };
    }),
  followPage: (input: unknown): Omit<FollowPageEvent, 'by'> =>
    checked(() => {
      const command = body(input);
      return { meetingId: uuid(command.meetingId, 'cuộc họp'), materialVersionId: uuid(command.materialVersionId, 'phiên bản tài liệu'), pageIndex: pageIndex(command.pageIndex) };
    }),
};
