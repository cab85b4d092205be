import { ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';

const LOGIN_THROTTLE = 'login-throttle';

/** Marks routes that take credentials: they get the tighter per-client limit. */
export const LoginThrottle = () => SetMetadata(LOGIN_THROTTLE, true);

const isLoginRoute = (context: ExecutionContext) => Reflect.getMetadata(LOGIN_THROTTLE, context.getHandler()) === true;

/**
 * Two limits per client address and minute: a generous one for the whole API, a tight one on
 * login and refresh against password guessing. Counters live in memory per replica.
 */
export function throttlerOptions(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'api', ttl: 60_000, limit: config.API_RATE_LIMIT_PER_MINUTE },
      { name: 'login', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT_PER_MINUTE, skipIf: (context) => !isLoginRoute(context) },
    ],
  };
}
