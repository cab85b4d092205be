import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { RegistersModule } from '../registers/registers.module';
import { IncomingAttachment } from './incoming-attachment.entity';
import { IncomingController } from './incoming.controller';
import { IncomingFilesController } from './incoming-files.controller';
import { IncomingDocument } from './incoming-document.entity';
import { IncomingHistoryEntry } from './incoming-history-entry.entity';
import { IncomingService } from './incoming.service';
import { InternalReceiptService } from './internal-receipt.service';
import { IncomingDocumentText } from './incoming-document-text.entity';
import { IncomingPreparationQueue } from './preparation/incoming-preparation.queue';
import { IncomingPreparationService } from './preparation/incoming-preparation.service';
import { IncomingPreparationWorker } from './preparation/incoming-preparation.worker';
import { IncomingSearchController } from './search/incoming-search.controller';
import { IncomingSearchService } from './search/incoming-search.service';
import { Assignment } from './assignment.entity';
import { AssignmentProgress } from './assignment-progress.entity';
import { DirectionController } from './direction.controller';
import { DirectionService } from './direction.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { CalendarModule } from '../platform/calendar/calendar.module';
import { IncomingListService } from './incoming-list.service';
import { IncomingListsController } from './incoming-lists.controller';
import { RegisterExportService } from './register-export/register-export.service';
import { UnitWorkloadService } from './unit-workload.service';
import { DeadlineReminders } from './reminders/deadline-reminders';

@Module({
  imports: [
    TypeOrmModule.forFeature([IncomingDocument, IncomingAttachment, IncomingHistoryEntry, Assignment, AssignmentProgress, IncomingDocumentText]),
    AuditModule,
    FilesModule,
    IdentityModule,
    RegistersModule,
    NotificationsModule,
    CalendarModule,
  ],
  // IncomingListsController first: its /counts, /workload, /register-export must win over /:id
  controllers: [IncomingSearchController, IncomingListsController, IncomingController, IncomingFilesController, DirectionController],
  providers: [IncomingPreparationQueue, IncomingPreparationService, IncomingPreparationWorker, IncomingSearchService, IncomingService, IncomingListService, UnitWorkloadService, RegisterExportService, DirectionService, DeadlineReminders, InternalReceiptService],
  exports: [IncomingService, InternalReceiptService],
})
export class IncomingModule {}
