import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';

/**
 * The Content-Security-Policy the built web app satisfies: nothing inline but styles (Angular
 * Material sets style attributes), no third-party origins, workers from blobs (pdf.js).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

export function applySecurity(app: INestApplication, config: AppConfig): void {
  const strict = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}) } },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  // Swagger UI runs an inline bootstrap script; its pages get the same headers but may run it.
  const docs = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, scriptSrc: ["'self'", "'unsafe-inline'"] } },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });
  app.use((request: { path: string }, response: unknown, next: () => void) =>
    (request.path.startsWith('/api/docs') ? docs : strict)(request as never, response as never, next),
  );
  if (config.CORS_ORIGINS.length > 0) app.enableCors({ origin: config.CORS_ORIGINS, credentials: true, maxAge: 600 });
}
