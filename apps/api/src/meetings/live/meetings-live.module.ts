import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '../meetings.module';
import { AnnotationsController } from './annotations/annotations.controller';
import { AnnotationsService } from './annotations/annotations.service';
import { MeetingAnnotation } from './annotations/meeting-annotation.entity';
import { MeetingAnnotationRevision } from './annotations/meeting-annotation-revision.entity';
import { MeetingsLiveGateway } from './meetings-live.gateway';
import { PresenterLookup } from './presence/presenter-lookup';

/**
 * The live side of a meeting: the socket room (joins checked, missed events replayed), annotations
 * on material versions, presence and follow-the-chair. Builds on MeetingsModule's access rules and
 * event log; imported by the application beside it.
 */
@Module({
  imports: [MeetingsModule, TypeOrmModule.forFeature([MeetingAnnotation, MeetingAnnotationRevision])],
  controllers: [AnnotationsController],
  providers: [AnnotationsService, MeetingsLiveGateway, PresenterLookup],
  exports: [AnnotationsService],
})
export class MeetingsLiveModule {}
