import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { IncomingModule } from '../incoming/incoming.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutgoingModule } from '../outgoing/outgoing.module';
import { CalendarModule } from '../platform/calendar/calendar.module';
import { Task } from './task.entity';
import { TaskEvent, TaskEventFile } from './task-event.entity';
import { TaskExtension } from './task-extension.entity';
import { TaskRecurrence } from './task-recurrence.entity';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { TaskListService } from './task-list.service';
import { TaskRecurrencesService } from './recurrence/task-recurrences.service';
import { OverdueEscalation } from './escalation/overdue-escalation';
import { TaskRecurrencesController } from './recurrence/task-recurrences.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Task, TaskEvent, TaskEventFile, TaskExtension, TaskRecurrence]), AuditModule, FilesModule, IdentityModule, IncomingModule, OutgoingModule, NotificationsModule, CalendarModule],
  controllers: [TaskRecurrencesController, TasksController],
  providers: [TasksService, TaskListService, TaskRecurrencesService, OverdueEscalation],
  exports: [TasksService],
})
export class TasksModule {}
