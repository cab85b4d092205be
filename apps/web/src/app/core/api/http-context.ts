import { HttpContextToken } from '@angular/common/http';

/**
 * Marks the authentication calls themselves (login, refresh, logout, config): a 401 there means
 * "no session", not "token expired", so the auth interceptor must not try to refresh for them.
 */
export const AUTHENTICATION_CALL = new HttpContextToken<boolean>(() => false);

/** Requests that show their own progress (uploads) and must not also light the global activity bar. */
export const OWN_PROGRESS = new HttpContextToken<boolean>(() => false);
