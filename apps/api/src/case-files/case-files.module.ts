import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FilesModule } from '../files/files.module';
import { IdentityModule } from '../identity/identity.module';
import { IncomingModule } from '../incoming/incoming.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutgoingModule } from '../outgoing/outgoing.module';
import { ArchiveController } from './archive/archive.controller';
import { ArchiveBorrowRequest, ArchiveHandover } from './archive/archive.entities';
import { ArchivePackageService } from './archive/archive-package.service';
import { BorrowingService } from './archive/borrowing.service';
import { HandoverReminders } from './archive/handover-reminders';
import { HandoverService } from './archive/handover.service';
import { CaseFileClosingService } from './case-file-closing.service';
import { CaseFileDocument } from './case-file-document.entity';
import { CaseFileDocumentsService } from './case-file-documents.service';
import { CaseFileHistoryEntry, CaseFileNote, CaseFileShare } from './case-file-note.entity';
import { CaseFileRecords } from './case-file-records';
import { CaseFileViews } from './case-file-views';
import { CaseFile } from './case-file.entity';
import { CaseFileFiguresController, CaseFilesController } from './case-files.controller';
import { CaseFilesService } from './case-files.service';
import { CaseFileFiguresService } from './figures/case-file-figures.service';
import { LinkedDocuments } from './linked-documents';
import { FilePlanController } from './plan/file-plan.controller';
import { FilePlan, FilePlanEntry, FilePlanHeading } from './plan/file-plan.entity';
import { FilePlanService } from './plan/file-plan.service';

/**
 * Case files (hồ sơ công việc) and the archive: the yearly file plan, case files with linked
 * documents, closing, handover to the archive with its package, borrowing, and the online share.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([FilePlan, FilePlanHeading, FilePlanEntry, CaseFile, CaseFileDocument, CaseFileNote, CaseFileShare, CaseFileHistoryEntry, ArchiveHandover, ArchiveBorrowRequest]),
    AuditModule,
    FilesModule,
    IdentityModule,
    IncomingModule,
    OutgoingModule,
    NotificationsModule,
  ],
  // CaseFileFiguresController first: its /online-share must win over /:id
  controllers: [CaseFileFiguresController, CaseFilesController, FilePlanController, ArchiveController],
  providers: [
    CaseFileRecords,
    CaseFileViews,
    LinkedDocuments,
    FilePlanService,
    CaseFilesService,
    CaseFileDocumentsService,
    CaseFileClosingService,
    HandoverService,
    ArchivePackageService,
    BorrowingService,
    HandoverReminders,
    CaseFileFiguresService,
  ],
  exports: [CaseFileFiguresService],
})
export class CaseFilesModule {}
