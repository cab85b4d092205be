import { CanActivate, ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ErrorCode } from '@app/contracts';
import { AppException, forbidden } from '../../platform/errors/app-exception';
import { AuditService } from '../../audit/audit.service';
import { ACCESS_KEY, AccessRule } from './access.decorators';
import { AuthService } from './auth.service';

/** Reads `Authorization: Bearer <token>`. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

/**
 * The one guard on every HTTP route: authenticates the caller and checks the route's permission
 * codes. A route that declares no access rule is refused, so forgetting one fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request>();
    if (rule?.kind === 'public') return true;

    const token = bearerToken(request);
    if (!token)
      throw new AppException(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated, 'Bạn cần đăng nhập để dùng chức năng này.', 'You need to log in to use this.');
    const user = await this.auth.authenticate(token);
    request.user = user;

    if (!rule) {
      this.logger.error(`route ${request.method} ${request.route?.path ?? request.path} declares no access rule; refused`);
      throw forbidden();
    }
    if (rule.kind === 'authenticated') return true;
    const missing = rule.permissions.filter((permission) => !user.permissions.includes(permission));
    if (missing.length === 0) return true;
    await this.audit.record({
      action: 'permission.denied',
      actor: user,
      outcome: 'denied',
      details: { method: request.method, route: request.route?.path ?? request.path, missing },
    });
    throw forbidden();
  }
}
