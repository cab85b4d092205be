import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { AuthSession, LoginRequest } from '@app/contracts';
import { Observable, catchError, finalize, firstValueFrom, of, shareReplay, tap, throwError } from 'rxjs';
import { ApiClient } from '../api/api-client';
import { SessionStore } from './session-store';

/** Starts, renews and ends sessions; the state itself is in SessionStore. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(ApiClient);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  /** The refresh under way, shared so that requests failing together trigger a single refresh. */
  private refreshInFlight: Observable<AuthSession> | null = null;

  login(request: LoginRequest): Observable<AuthSession> {
    return this.api.login(request).pipe(tap((session) => this.session.start(session)));
  }

  /** On start: a refresh cookie left from an earlier visit gives the session back without a login. */
  async restoreSession(): Promise<void> {
    await firstValueFrom(this.refresh().pipe(catchError(() => of(null))));
  }

  refresh(): Observable<AuthSession> {
    this.refreshInFlight ??= this.api.refresh().pipe(
      tap((session) => this.session.start(session)),
      catchError((error: unknown) => {
        this.session.clear();
        return throwError(() => error);
      }),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  async logout(): Promise<void> {
    // the server revokes the refresh token and clears its cookie; leave even if it is unreachable
    await firstValueFrom(this.api.logout().pipe(catchError(() => of(undefined))));
    this.session.clear();
    await this.router.navigateByUrl('/login');
  }

  /** The session is gone (revoked, expired beyond refresh): back to the login page, then back here. */
  async sessionLost(): Promise<void> {
    this.session.clear();
    const returnUrl = this.router.url;
    await this.router.navigate(['/login'], { queryParams: returnUrl && returnUrl !== '/login' && !returnUrl.startsWith('/login?') ? { returnUrl } : {} });
  }
}
