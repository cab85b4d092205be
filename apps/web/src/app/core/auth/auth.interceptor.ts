import { HttpErrorResponse, HttpEvent, HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { ErrorCode } from '@app/contracts';
import { Observable, catchError, from, switchMap, throwError } from 'rxjs';
import { API_ROOT } from '../api/api-client';
import { AUTHENTICATION_CALL } from '../api/http-context';
import { apiErrorCode } from '../errors/error-message';
import { AuthService } from './auth.service';
import { SessionStore } from './session-store';

function isApiRequest(request: HttpRequest<unknown>): boolean {
  // only our own relative /api URLs: the token must never travel to another host
  return request.url === API_ROOT || request.url.startsWith(`${API_ROOT}/`);
}

function withToken(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * A failed download (responseType 'blob') carries the API's JSON error as a Blob; read it so that
 * error codes and messages look the same for every request.
 */
function readBlobError(error: unknown): Observable<never> {
  if (error instanceof HttpErrorResponse && error.error instanceof Blob && error.error.type.includes('json')) {
    return from(error.error.text()).pipe(
      switchMap((text) => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON after all: keep the text
        }
        return throwError(
          () => new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined }),
        );
      }),
    );
  }
  return throwError(() => error);
}

/**
 * Adds the bearer token to API calls. When the API says the token expired, renews it once through the
 * refresh cookie and repeats the request; when that fails, the session is over and the user goes to
 * the login page. Other failures pass through untouched.
 */
export const authInterceptor: HttpInterceptorFn = (request: HttpRequest<unknown>, next: HttpHandlerFn): Observable<HttpEvent<unknown>> => {
  if (!isApiRequest(request)) return next(request);
  const session = inject(SessionStore);
  const auth = inject(AuthService);
  const sent = next(withToken(request, session.accessToken())).pipe(catchError(readBlobError));
  if (request.context.get(AUTHENTICATION_CALL)) return sent;

  return sent.pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) return throwError(() => error);
      if (apiErrorCode(error) !== ErrorCode.TokenExpired) {
        // revoked or invalid: no refresh can help
        void auth.sessionLost();
        return throwError(() => error);
      }
      return auth.refresh().pipe(
        catchError(() => {
          void auth.sessionLost();
          return throwError(() => error);
        }),
        // the repeat goes straight to `next`: a second 401 is final, so there is never a loop
        switchMap((renewed) => next(withToken(request, renewed.accessToken)).pipe(catchError(readBlobError))),
      );
    }),
  );
};
