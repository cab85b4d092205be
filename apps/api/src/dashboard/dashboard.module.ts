import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../platform/calendar/calendar.module';
import { DashboardController } from './dashboard.controller';
import { DashboardGateway } from './dashboard.gateway';
import { DashboardRefresh } from './dashboard-refresh';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [AuditModule, CalendarModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRefresh, DashboardGateway],
})
export class DashboardModule {}
