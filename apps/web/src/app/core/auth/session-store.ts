import { Injectable, computed, signal } from '@angular/core';
import { AuthSession, CurrentUser, Permission } from '@app/contracts';

/**
 * The signed-in session. The access token lives only here, in memory: never in storage, where any
 * script on the page could read it. A reload restores it through the httpOnly refresh cookie.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly token = signal<string | null>(null);
  private readonly currentUser = signal<CurrentUser | null>(null);

  readonly accessToken = this.token.asReadonly();
  readonly user = this.currentUser.asReadonly();
  readonly isAuthenticated = computed(() => this.token() !== null && this.currentUser() !== null);
  readonly permissions = computed<readonly Permission[]>(() => this.currentUser()?.permissions ?? []);

  start(session: AuthSession): void {
    this.token.set(session.accessToken);
    this.currentUser.set(session.user);
  }

  clear(): void {
    this.token.set(null);
    this.currentUser.set(null);
  }

  /** True when the user holds at least one of the permissions. */
  hasAny(...permissions: Permission[]): boolean {
    const granted = this.permissions();
    return permissions.some((permission) => granted.includes(permission));
  }
}
