import { HttpErrorResponse } from '@angular/common/http';
import { ApiError, ErrorCode } from '@app/contracts';
import { apiErrorCode, describeError } from './error-message';

function httpError(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body, url: '/api/units' });
}

const conflict: ApiError = {
  statusCode: 409,
  code: ErrorCode.VersionConflict,
  message: 'Dữ liệu đã thay đổi, hãy tải lại.',
  messageEn: 'The data has changed; reload it.',
};

describe('describeError', () => {
  it('shows the Vietnamese message in Vietnamese', () => {
    expect(describeError(httpError(409, conflict), 'vi')).toEqual({ kind: 'text', text: conflict.message, code: 'VERSION_CONFLICT' });
  });

  it('shows messageEn in English', () => {
    expect(describeError(httpError(409, conflict), 'en')).toEqual({ kind: 'text', text: conflict.messageEn, code: 'VERSION_CONFLICT' });
  });

  it('falls back to the Vietnamese message when the server sent no English', () => {
    const body: ApiError = { statusCode: 400, code: ErrorCode.DuplicateUsername, message: 'Tên đăng nhập đã có người dùng.' };
    expect(describeError(httpError(400, body), 'en')).toEqual({ kind: 'text', text: body.message, code: 'DUPLICATE_USERNAME' });
  });

  it('names the network when the server was not reached', () => {
    expect(describeError(httpError(0, new ProgressEvent('error')), 'vi')).toEqual({ kind: 'translation', translationKey: 'errors.network', code: null });
  });

  it('uses a message by status when the body is not the API error shape (e.g. a proxy page)', () => {
    expect(describeError(httpError(502, '<html>Bad gateway</html>'), 'en')).toMatchObject({ translationKey: 'errors.unavailable' });
    expect(describeError(httpError(500, null), 'en')).toMatchObject({ translationKey: 'errors.server' });
    expect(describeError(httpError(418, null), 'en')).toMatchObject({ translationKey: 'errors.unexpected' });
  });

  it('handles failures that are not HTTP errors', () => {
    expect(describeError(new Error('boom'), 'vi')).toEqual({ kind: 'translation', translationKey: 'errors.unexpected', code: null });
  });
});

describe('apiErrorCode', () => {
  it('reads the code of an API error and nothing else', () => {
    expect(apiErrorCode(httpError(409, conflict))).toBe('VERSION_CONFLICT');
    expect(apiErrorCode(httpError(500, 'text'))).toBeNull();
    expect(apiErrorCode(new Error('x'))).toBeNull();
  });
});
