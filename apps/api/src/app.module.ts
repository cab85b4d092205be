import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppConfig } from './platform/config/app-config';
import { ConfigModule } from './platform/config/config.module';
import { DatabaseModule } from './platform/database/database.module';
import { AllExceptionsFilter } from './platform/errors/all-exceptions.filter';
import { HealthController } from './platform/health/health.controller';
import { RequestContextMiddleware } from './platform/http/request-context.middleware';
import { throttlerOptions } from './platform/http/throttling';
import { LoggingModule } from './platform/logging/logging.module';
import { QueueModule } from './platform/queue/queue.module';
import { StorageModule } from './platform/storage/storage.module';
import { AuditModule } from './audit/audit.module';
import { FilesModule } from './files/files.module';
import { AccessGuard } from './identity/auth/access.guard';
import { IdentityModule } from './identity/identity.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrgansModule } from './organs/organs.module';
import { AgencySetupModule } from './agency-setup/agency-setup.module';
import { ClockModule } from './platform/clock/clock';
import { CalendarModule } from './platform/calendar/calendar.module';
import { RegistersModule } from './registers/registers.module';
import { IncomingModule } from './incoming/incoming.module';
import { OutgoingModule } from './outgoing/outgoing.module';
import { SignaturesModule } from './signatures/signatures.module';
import { CaseFilesModule } from './case-files/case-files.module';
import { ExchangeModule } from './exchange/exchange.module';
import { MeetingsModule } from './meetings/meetings.module';
import { MeetingsLiveModule } from './meetings/live/meetings-live.module';
import { TasksModule } from './tasks/tasks.module';
import { DashboardModule } from './dashboard/dashboard.module';

/** Serves the built web app at / (client routes fall back to index.html), never under /api. */
function webApp(config: AppConfig): DynamicModule[] {
  const root = resolve(config.WEB_DIST_DIR);
  if (!existsSync(resolve(root, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: root,
      exclude: ['/api/{*path}'],
      serveStaticOptions: {
        index: 'index.html',
        // Built files carry a content hash in their name and never change: cache them for a year.
        // index.html and the translations keep their names across releases: always revalidate.
        setHeaders: (response, path) =>
          response.setHeader('Cache-Control', /[-.][0-9A-Z]{8}\.(js|css|woff2?|ttf)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      },
    }),
  ];
}

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule.forRoot(databaseUrl),
        QueueModule.forRoot(databaseUrl),
        StorageModule,
        ThrottlerModule.forRootAsync({ inject: [AppConfig], useFactory: throttlerOptions }),
        AuditModule,
        OrgansModule,
        IdentityModule,
        FilesModule,
        NotificationsModule,
        ClockModule,
        CalendarModule,
        RegistersModule,
        IncomingModule,
        OutgoingModule,
        SignaturesModule,
        CaseFilesModule,
        ExchangeModule,
        MeetingsModule,
        MeetingsLiveModule,
        TasksModule,
        DashboardModule,
        AgencySetupModule,
        ...webApp(config),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        // Order matters: rate limits first, then who you are and what you may do.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('{*path}');
  }
}
