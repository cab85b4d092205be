import { ErrorCode } from '@app/contracts';
import { apiErrorCode } from '../../../core/errors/error-message';
import { Notifier } from '../../../core/errors/notifier';

/** A refused request, as the inline error block shows it: a lost race (409) offers a reload instead of the text. */
export interface Failure {
  message: string;
  conflict: boolean;
}

export function failureOf(error: unknown, notifier: Notifier): Failure {
  return { message: notifier.errorText(error), conflict: apiErrorCode(error) === ErrorCode.VersionConflict };
}
