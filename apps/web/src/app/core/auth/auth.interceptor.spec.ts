import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApiError, AuthSession, CurrentUser, ErrorCode } from '@app/contracts';
import { ApiClient } from '../api/api-client';
import { authInterceptor } from './auth.interceptor';
import { SessionStore } from './session-store';

const user: CurrentUser = {
  id: 'u-1',
  username: 'vanthu',
  fullName: 'Nguyễn Thị Lan',
  position: 'Văn thư',
  unitId: null,
  unitName: null,
  roles: ['clerk'],
  permissions: ['desk.view'],
  organ: { id: 'o-1', organId: '000.00.00.G10', name: 'Bộ Y tế' },
};

function session(accessToken: string): AuthSession {
  return { accessToken, expiresIn: 900, user };
}

function apiError(code: string): ApiError {
  return { statusCode: 401, code, message: 'Phiên đăng nhập đã hết hạn.', messageEn: 'The session has expired.' };
}

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: SessionStore;
  let navigate: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    store.start(session('old-token'));
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls only', () => {
    http.get('/api/units').subscribe();
    http.get('https://example.org/api/units').subscribe();
    expect(backend.expectOne('/api/units').request.headers.get('Authorization')).toBe('Bearer old-token');
    expect(backend.expectOne('https://example.org/api/units').request.headers.has('Authorization')).toBe(false);
  });

  it('refreshes once on TOKEN_EXPIRED and repeats the request with the new token', () => {
    let answer: unknown;
    http.get('/api/units').subscribe((body) => (answer = body));

    backend.expectOne('/api/units').flush(apiError(ErrorCode.TokenExpired), UNAUTHORIZED);
    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.withCredentials).toBe(true);
    refresh.flush(session('new-token'));

    const repeated = backend.expectOne('/api/units');
    expect(repeated.request.headers.get('Authorization')).toBe('Bearer new-token');
    repeated.flush([{ id: 'unit-1' }]);

    expect(answer).toEqual([{ id: 'unit-1' }]);
    expect(store.accessToken()).toBe('new-token');
  });

  it('shares one refresh between requests that expire together', () => {
    const answers: unknown[] = [];
    http.get('/api/units').subscribe((body) => answers.push(body));
    http.get('/api/organs').subscribe((body) => answers.push(body));

    backend.expectOne('/api/units').flush(apiError(ErrorCode.TokenExpired), UNAUTHORIZED);
    backend.expectOne('/api/organs').flush(apiError(ErrorCode.TokenExpired), UNAUTHORIZED);
    backend.expectOne('/api/auth/refresh').flush(session('new-token'));

    backend.expectOne('/api/units').flush('units');
    backend.expectOne('/api/organs').flush('organs');
    expect(answers.sort()).toEqual(['organs', 'units']);
  });

  it('does not refresh a second time when the repeated request is refused again', () => {
    let failure: HttpErrorResponse | undefined;
    http.get('/api/units').subscribe({ error: (error: HttpErrorResponse) => (failure = error) });

    backend.expectOne('/api/units').flush(apiError(ErrorCode.TokenExpired), UNAUTHORIZED);
    backend.expectOne('/api/auth/refresh').flush(session('new-token'));
    backend.expectOne('/api/units').flush(apiError(ErrorCode.TokenExpired), UNAUTHORIZED);

    backend.expectNone('/api/auth/refresh');
    expect(failure?.status).toBe(401);
  });

  it('ends the session and goes to the login page when the refresh fails', () => {
    let failure: HttpErrorResponse | undefined;
    http.get('/api/units').subscribe({ error: (error: HttpErrorResponse) => (failure = error) });

    backend.expectOne('/api/units').flush(apiError(ErrorCode.TokenExpired), UNAUTHORIZED);
    backend.expectOne('/api/auth/refresh').flush(apiError(ErrorCode.RefreshTokenInvalid), UNAUTHORIZED);

    backend.expectNone('/api/units');
    expect(failure?.status).toBe(401);
    expect(store.isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('does not refresh for other 401 codes: the session is over', () => {
    http.get('/api/units').subscribe({ error: () => undefined });
    backend.expectOne('/api/units').flush(apiError(ErrorCode.TokenInvalid), UNAUTHORIZED);

    backend.expectNone('/api/auth/refresh');
    expect(store.isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('leaves a failed login alone: a wrong password is not an expired token', () => {
    let failure: HttpErrorResponse | undefined;
    TestBed.inject(ApiClient)
      .login({ username: 'vanthu', password: 'wrong' })
      .subscribe({ error: (error: HttpErrorResponse) => (failure = error) });
    backend.expectOne('/api/auth/login').flush(apiError(ErrorCode.TokenExpired), UNAUTHORIZED);

    backend.expectNone('/api/auth/refresh');
    expect(failure?.status).toBe(401);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('passes other failures through untouched', () => {
    let failure: HttpErrorResponse | undefined;
    http.get('/api/units').subscribe({ error: (error: HttpErrorResponse) => (failure = error) });
    backend.expectOne('/api/units').flush({ statusCode: 403, code: 'FORBIDDEN', message: 'Không có quyền.' }, { status: 403, statusText: 'Forbidden' });

    expect(failure?.status).toBe(403);
    expect(store.isAuthenticated()).toBe(true);
  });
});
