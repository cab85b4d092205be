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
  // notifications go through the service; the gateway is exported for contexts that push other live events
  exports: [NotificationsGateway, NotificationsService],
})
export class NotificationsModule {}
