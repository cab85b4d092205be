import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiError, ErrorCode } from '@app/contracts';
import { AppException } from './app-exception';

/** What a status means when nothing more specific was said, in both languages. */
const GENERIC: Record<number, [string, string, string]> = {
  400: [ErrorCode.ValidationFailed, 'Yêu cầu không hợp lệ.', 'The request is not valid.'],
  401: [ErrorCode.Unauthenticated, 'Bạn cần đăng nhập.', 'You need to log in.'],
  403: [ErrorCode.Forbidden, 'Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'],
  404: [ErrorCode.NotFound, 'Không tìm thấy.', 'Not found.'],
  409: [ErrorCode.VersionConflict, 'Dữ liệu đã thay đổi, hãy tải lại.', 'The data has changed; reload it.'],
  413: [ErrorCode.PayloadTooLarge, 'Dữ liệu gửi lên quá lớn.', 'The request body is too large.'],
  415: [ErrorCode.FileTypeNotAllowed, 'Kiểu dữ liệu không được chấp nhận.', 'This media type is not accepted.'],
  429: [ErrorCode.RateLimited, 'Bạn thao tác quá nhanh, hãy thử lại sau ít phút.', 'Too many requests; try again in a few minutes.'],
};

/**
 * body-parser's failures (bad JSON, too large, bad charset) carry a `type`. Nest would turn them into
 * a bare 400, so an error middleware right after the parsers answers them with this.
 */
export function bodyParserErrorBody(exception: unknown): ApiError | null {
  const type = (exception as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed')
    return { statusCode: 400, code: ErrorCode.MalformedJson, message: 'Nội dung JSON gửi lên bị lỗi cú pháp.', messageEn: 'The JSON body is malformed.' };
  if (type === 'entity.too.large') return genericBody(413);
  if (type === 'charset.unsupported' || (typeof type === 'string' && type.startsWith('encoding.'))) return genericBody(415);
  return null;
}

function genericBody(status: number): ApiError {
  const [code, message, messageEn] = GENERIC[status] ?? [ErrorCode.InternalError, 'Lỗi.', 'Error.'];
  return { statusCode: status, code, message, messageEn };
}

/**
 * Turns every failure into the one error shape `{ statusCode, code, message, messageEn, details? }`.
 * Server faults are logged with the request id and answered without internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request>();
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId: request.id, path: request.path }, 'request failed');
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ApiError {
    if (exception instanceof AppException) return exception.toBody();
    if (exception instanceof ThrottlerException) return this.generic(HttpStatus.TOO_MANY_REQUESTS);

    const parserError = bodyParserErrorBody(exception);
    if (parserError) return parserError;

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const answer = exception.getResponse() as { code?: string; message?: string | string[] } | string;
      if (status === 404 && typeof answer === 'object' && String(answer.message ?? '').startsWith('Cannot '))
        return {
          statusCode: 404,
          code: ErrorCode.RouteNotFound,
          message: `Không có địa chỉ ${request.method} ${request.path}.`,
          messageEn: `There is no ${request.method} ${request.path}.`,
        };
      if (typeof answer === 'object' && answer.code && typeof answer.message === 'string')
        return { statusCode: status, code: answer.code, message: answer.message };
      return this.generic(status);
    }
    return {
      statusCode: 500,
      code: ErrorCode.InternalError,
      message: 'Hệ thống gặp lỗi. Hãy thử lại; nếu vẫn lỗi, báo quản trị kèm mã yêu cầu ' + (request.id ?? '') + '.',
      messageEn: 'Something went wrong on the server. Try again; if it persists, tell the administrator the request id ' + (request.id ?? '') + '.',
    };
  }

  private generic(status: number): ApiError {
    return genericBody(status);
  }
}
