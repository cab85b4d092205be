import { HttpErrorResponse } from '@angular/common/http';
import { ErrorCode, SignatureErrorCode } from '@app/contracts';
import { isApiError } from '../../../core/errors/error-message';
import { Notifier } from '../../../core/errors/notifier';

/**
 * Why a signature (the signer's, or the organisation's at issuance) was refused, as the form shows
 * it: a wrong passphrase keeps the form open to type it again; a key locked after repeated wrong
 * passphrases says until when and holds the button; a lost race offers a reload.
 */
export interface SigningFailure {
  kind: 'wrong_passphrase' | 'locked' | 'conflict' | 'other';
  message: string;
  /** when a locked key may be tried again */
  lockedUntil: Date | null;
}

export function signingFailureKind(code: string | null): SigningFailure['kind'] {
  if (code === SignatureErrorCode.WrongPassphrase) return 'wrong_passphrase';
  if (code === SignatureErrorCode.CredentialLocked) return 'locked';
  if (code === ErrorCode.VersionConflict) return 'conflict';
  return 'other';
}

/** The lock's end from the error's details (`{ lockedUntil }`), if it is a readable time. */
export function lockedUntilOf(details: unknown): Date | null {
  const value = typeof details === 'object' && details !== null ? (details as { lockedUntil?: unknown }).lockedUntil : undefined;
  if (typeof value !== 'string') return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time;
}

export function signingFailureOf(error: unknown, notifier: Notifier): SigningFailure {
  const body = error instanceof HttpErrorResponse && isApiError(error.error) ? error.error : null;
  const kind = signingFailureKind(body?.code ?? null);
  return { kind, message: notifier.errorText(error), lockedUntil: kind === 'locked' ? lockedUntilOf(body?.details) : null };
}

/** Whether the key is still locked at `now`: the button waits, the message says until when. */
export function stillLocked(failure: SigningFailure | null, now: Date): boolean {
  return failure?.kind === 'locked' && (failure.lockedUntil === null || failure.lockedUntil.getTime() > now.getTime());
}
