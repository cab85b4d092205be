import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { AppConfig } from './config/app-config';
import { createValidationPipe } from './errors/validation';
import { bodyParserErrorBody } from './errors/all-exceptions.filter';
import type { NextFunction, Request, Response } from 'express';
import { RealtimeAdapter } from './realtime/realtime.adapter';
import { applySecurity } from './http/security';

/**
 * Builds the whole API application (used by main.ts and by the tests, so both run the same thing).
 * The database schema must already be migrated.
 */
export async function createApplication(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  applySecurity(app, config);
  app.use(cookieParser());
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    const body = bodyParserErrorBody(error);
    if (body) response.status(body.statusCode).json(body);
    else next(error);
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useWebSocketAdapter(new RealtimeAdapter(app, config, databaseUrl));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('E-office API')
      .setDescription('Văn bản, liên thông, hồ sơ công việc, họp không giấy — the agency intranet API. Errors: { statusCode, code, message (vi), messageEn }.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
