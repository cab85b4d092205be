import type { AuthenticatedUser } from '../identity/auth/authenticated-user';

declare module 'express-serve-static-core' {
  interface Request {
    /** set by the logger middleware: one id per request, echoed in X-Request-Id */
    id?: string;
    /** set by the authentication guard */
    user?: AuthenticatedUser;
  }
}
