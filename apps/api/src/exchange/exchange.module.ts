import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FilesModule } from '../files/files.module';
import { IncomingModule } from '../incoming/incoming.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgansModule } from '../organs/organs.module';
import { OutgoingModule } from '../outgoing/outgoing.module';
import { AxisConnection } from './axis/axis-connection';
import { ChangeAnswersService } from './change-answers.service';
import { DirectorySyncService } from './directory-sync.service';
import { ExchangeController } from './exchange.controller';
import { ExchangeInboxMessage, ExchangeReceivedDocument, ExchangeReceivedStatus, ExchangeSentDocument, ExchangeStatusOutboxEntry } from './exchange.entities';
import { ExchangeViewsService } from './exchange-views.service';
import { ExchangeWorker } from './exchange.worker';
import { InboxService } from './inbox/inbox.service';
import { DocumentOutboxService } from './outbox/document-outbox.service';
import { IncomingStatusSubscriber } from './outbox/incoming-status-subscriber';
import { StatusOutboxService } from './outbox/status-outbox.service';

/**
 * The interconnection with the national document exchange axis (trục liên thông văn bản quốc gia):
 * outgoing documents leave as edXML messages, other agencies' documents arrive as incoming ones,
 * and the statuses of both travel back. See README, "The national axis".
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ExchangeSentDocument, ExchangeInboxMessage, ExchangeReceivedDocument, ExchangeStatusOutboxEntry, ExchangeReceivedStatus]),
    AuditModule,
    FilesModule,
    IncomingModule,
    NotificationsModule,
    OrgansModule,
    OutgoingModule,
  ],
  controllers: [ExchangeController],
  providers: [AxisConnection, DocumentOutboxService, StatusOutboxService, InboxService, IncomingStatusSubscriber, ChangeAnswersService, ExchangeViewsService, DirectorySyncService, ExchangeWorker],
  exports: [InboxService, ExchangeWorker, DocumentOutboxService],
})
export class ExchangeModule {}
