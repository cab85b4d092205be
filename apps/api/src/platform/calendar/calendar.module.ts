import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { CalendarController } from './calendar.controller';
import { CalendarException } from './calendar-exception.entity';
import { CalendarRevision } from './calendar-revision.entity';
import { CalendarService } from './calendar.service';
import { WorkingCalendarService } from './working-calendar.service';

/** The working-day calendar: `/api/calendar`, and WorkingCalendarService for every deadline. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarException, CalendarRevision]), AuditModule],
  controllers: [CalendarController],
  providers: [CalendarService, WorkingCalendarService],
  exports: [WorkingCalendarService],
})
export class CalendarModule {}
