import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../../platform/config/app-config';

export const REFRESH_COOKIE = 'eoffice_refresh';

/** httpOnly so scripts never see it; SameSite=Strict so other sites cannot make the browser send it. */
function cookieOptions(config: AppConfig, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.cookieSecure, path: '/api/auth', ...(expires ? { expires } : {}) };
}

export function setRefreshCookie(response: Response, config: AppConfig, token: string, expires: Date): void {
  response.cookie(REFRESH_COOKIE, token, cookieOptions(config, expires));
}

export function clearRefreshCookie(response: Response, config: AppConfig): void {
  response.clearCookie(REFRESH_COOKIE, cookieOptions(config));
}

export function readRefreshCookie(request: Request): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : undefined;
}
