import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Permission } from '@app/contracts';
import type { AuthenticatedUser } from './authenticated-user';

export const ACCESS_KEY = 'access';

/**
 * Every route says who may call it; a route that says nothing is refused (deny by default).
 * - `@Public()`: anyone, logged in or not (login, health)
 * - `@Authenticated()`: anyone logged in
 * - `@RequirePermissions(...codes)`: logged in and holding every code
 */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permissions'; permissions: Permission[] };

export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
export const Authenticated = () => SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule);
export const RequirePermissions = (...permissions: Permission[]) =>
  SetMetadata(ACCESS_KEY, { kind: 'permissions', permissions } satisfies AccessRule);

/** The caller, as established by the authentication guard. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const request = context.switchToHttp().getRequest<Request>();
  return request.user as AuthenticatedUser;
});
