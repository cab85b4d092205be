import type { Socket } from 'socket.io';
import type { ApiError, LiveAck, ParticipantRole } from '@app/contracts';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { AppException } from '../../platform/errors/app-exception';

/** Where one socket is in one meeting: kept on the socket, so every replica can list a room's presence. */
export interface MeetingSeat {
  role: ParticipantRole | null;
  /** chair or presenter: may send the page everyone following turns to */
  mayLead: boolean;
  materialVersionId: string | null;
  pageIndex: number | null;
  following: boolean;
  /** leads the followers' page now (set by follow:page, cleared by presence:update) */
  presenting: boolean;
}

export interface LiveSocketData {
  user: AuthenticatedUser;
  /** by meeting id */
  seats?: Record<string, MeetingSeat>;
}

export type LiveSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, LiveSocketData>;

export const materialRoom = (materialVersionId: string) => `material:${materialVersionId}`;

/**
 * Runs a command and answers its acknowledgement: the result, or the error in the same shape as
 * HTTP (a Vietnamese message and an English code). An unexpected failure is not described.
 */
export async function answer<T>(work: () => Promise<T>, onUnexpected: (error: unknown) => void): Promise<LiveAck<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof AppException) return { ok: false, error: error.toBody() };
    onUnexpected(error);
    const failure: ApiError = { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Hệ thống gặp lỗi. Hãy thử lại.', messageEn: 'Something went wrong on the server. Try again.' };
    return { ok: false, error: failure };
  }
}
