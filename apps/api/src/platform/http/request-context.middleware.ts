import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext } from './request-context';

/** Opens the per-request context that the audit log reads the request id and address from. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    RequestContext.run(
      { requestId: typeof request.id === 'string' ? request.id : null, ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null },
      next,
    );
  }
}
