import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { FilesModule } from '../../files/files.module';
import { MeetingsModule } from '../meetings.module';
import { AnnotationsController } from './annotations/annotations.controller';
import { AnnotationsService } from './annotations/annotations.service';
import { MeetingAnnotation } from './annotations/meeting-annotation.entity';
import { MeetingAnnotationRevision } from './annotations/meeting-annotation-revision.entity';
import { AnnotatedExportService } from './export/annotated-export.service';
import { MeetingsLiveGateway } from './meetings-live.gateway';
import { PresenterLookup } from './presence/presenter-lookup';

/**
 * The live side of a meeting: the socket room (joins checked, missed events replayed), annotations
 * on material versions and a member's copy with them drawn in, presence and follow-the-chair. Builds on MeetingsModule's access rules and
 * event log; imported by the application beside it.
 */
@Module({
  imports: [MeetingsModule, AuditModule, FilesModule, TypeOrmModule.forFeature([MeetingAnnotation, MeetingAnnotationRevision])],
  controllers: [AnnotationsController],
  providers: [AnnotationsService, AnnotatedExportService, MeetingsLiveGateway, PresenterLookup],
  exports: [AnnotationsService],
})
export class MeetingsLiveModule {}
