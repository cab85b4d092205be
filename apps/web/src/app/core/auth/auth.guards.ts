import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { Permission } from '@app/contracts';
import { SessionStore } from './session-store';

/** Pages behind the login: without a session, go to /login and come back afterwards. */
export const authenticatedGuard: CanActivateFn = (_route, state) => {
  if (inject(SessionStore).isAuthenticated()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** The login page is pointless with a session: go to the desk. */
export const anonymousGuard: CanActivateFn = () => (inject(SessionStore).isAuthenticated() ? inject(Router).createUrlTree(['/desk']) : true);

/**
 * A route only for users with one of these permissions. The API checks again on every call; this only
 * keeps people away from pages that would show nothing but "forbidden".
 */
export function permissionGuard(...anyOf: Permission[]): CanMatchFn {
  return () => (inject(SessionStore).hasAny(...anyOf) ? true : inject(Router).createUrlTree(['/desk']));
}
