import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiError, ErrorCode } from '@app/contracts';

/**
 * The one exception services throw for a failure a person should read: an HTTP status,
 * a stable English code, and the message in Vietnamese and English.
 */
export class AppException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode | string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super({ statusCode: status, code, message: messageVi, messageEn, details } satisfies ApiError, status);
  }

  toBody(): ApiError {
    const body: ApiError = { statusCode: this.getStatus(), code: this.code, message: this.messageVi, messageEn: this.messageEn };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export const notFound = (code: ErrorCode, vi: string, en: string) => new AppException(HttpStatus.NOT_FOUND, code, vi, en);
export const conflict = (code: ErrorCode, vi: string, en: string, details?: unknown) =>
  new AppException(HttpStatus.CONFLICT, code, vi, en, details);
export const badRequest = (code: ErrorCode, vi: string, en: string, details?: unknown) =>
  new AppException(HttpStatus.BAD_REQUEST, code, vi, en, details);
export const forbidden = (vi = 'Bạn không có quyền thực hiện thao tác này.', en = 'You are not allowed to do this.') =>
  new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, vi, en);

/** A lost optimistic-locking race: someone changed the row since the client read it. */
export const versionConflict = (what: string, whatEn: string) =>
  conflict(
    ErrorCode.VersionConflict,
    `${what} vừa được người khác thay đổi. Hãy tải lại rồi thử lại.`,
    `${whatEn} was changed by someone else. Reload and try again.`,
  );
