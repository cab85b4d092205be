import { HttpErrorResponse } from '@angular/common/http';
import { ApiError } from '@app/contracts';
import { Language } from '../i18n/language';

/**
 * What to tell the user about a failure: either the server's own sentence (`text`, already in the
 * user's language) or a translation key for failures the server never answered (network, timeouts).
 */
export type ErrorDescription =
  | { kind: 'text'; text: string; code: string | null }
  | { kind: 'translation'; translationKey: string; code: string | null };

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ApiError>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

/** The stable error code the API sent (e.g. `VERSION_CONFLICT`), or null when there is none. */
export function apiErrorCode(error: unknown): string | null {
  return error instanceof HttpErrorResponse && isApiError(error.error) ? error.error.code : null;
}

const BY_STATUS: Record<number, string> = {
  0: 'errors.network',
  401: 'errors.unauthenticated',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  413: 'errors.tooLarge',
  429: 'errors.rateLimited',
  502: 'errors.unavailable',
  503: 'errors.unavailable',
  504: 'errors.unavailable',
};

/**
 * Picks the message for an error. The API's `message` is Vietnamese and `messageEn` English; an
 * English interface falls back to the Vietnamese sentence when the server gave no translation,
 * because a precise message in the other language beats a vague one.
 */
export function describeError(error: unknown, language: Language): ErrorDescription {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (isApiError(body)) {
      const text = language === 'en' && body.messageEn ? body.messageEn : body.message;
      return { kind: 'text', text, code: body.code };
    }
    const translationKey = BY_STATUS[error.status] ?? (error.status >= 500 ? 'errors.server' : 'errors.unexpected');
    return { kind: 'translation', translationKey, code: null };
  }
  return { kind: 'translation', translationKey: 'errors.unexpected', code: null };
}
