import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsGateway } from './notifications.gateway';
import { NotificationsPurge } from './notifications-purge';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([Notification])],
  controllers: [NotificationsController],
  providers: [NotificationsGateway, NotificationsService, NotificationsPurge],
  // the gateway stays exported for session ends (endSessions); notifications go through the service
  exports: [NotificationsGateway, NotificationsService],
})
export class NotificationsModule {}
