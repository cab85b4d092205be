import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { FilesModule } from '../files/files.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutgoingModule } from '../outgoing/outgoing.module';
import { DocumentConverter } from '../outgoing/conversion/document-converter';
import { TasksModule } from '../tasks/tasks.module';
import { MeetingAccessService } from './access/meeting-access.service';
import { AgendaService } from './agenda/agenda.service';
import { ConclusionsService } from './conclusions/conclusions.service';
import { MeetingAgendaItem } from './entities/meeting-agenda-item.entity';
import { MeetingCheckIn } from './entities/meeting-check-in.entity';
import { MeetingConclusion, MeetingConclusionTask } from './entities/meeting-conclusion.entity';
import { MeetingEvent } from './entities/meeting-event.entity';
import { MeetingMaterial } from './entities/meeting-material.entity';
import { MeetingMaterialReader } from './entities/meeting-material-reader.entity';
import { MeetingMaterialVersion } from './entities/meeting-material-version.entity';
import { MeetingParticipant } from './entities/meeting-participant.entity';
import { MeetingPoll, MeetingPollBallot, MeetingPollOption, MeetingPollVoter } from './entities/meeting-poll.entity';
import { MeetingRoom } from './entities/meeting-room.entity';
import { MeetingSpeaker } from './entities/meeting-speaker.entity';
import { Meeting } from './entities/meeting.entity';
import { Consultation, ConsultationDraft, ConsultationRecipient } from './entities/consultation.entity';
import { ConsultationsController } from './consultations/consultations.controller';
import { ConsultationsService } from './consultations/consultations.service';
import { MeetingsDemo } from './demo/meetings-demo';
import { MeetingBroadcaster } from './events/meeting-broadcaster.gateway';
import { MeetingEventsService } from './events/meeting-events.service';
import { InvitationLetterService } from './invitations/invitation-letter.service';
import { InvitationMailer } from './invitations/invitation-mailer';
import { InvitationsService } from './invitations/invitations.service';
import { MeetingMaterialsController } from './meeting-materials.controller';
import { MeetingProceedingsController } from './meeting-proceedings.controller';
import { MeetingRoomsController, MeetingsController } from './meetings.controller';
import { MaterialPdf } from './materials/material-pdf';
import { MaterialsService } from './materials/materials.service';
import { MeetingFigures } from './minutes/meeting-figures';
import { MinutesService } from './minutes/minutes.service';
import { PollsService } from './polls/polls.service';
import { MeetingRoomsService } from './rooms/meeting-rooms.service';
import { MeetingPeople, MeetingViews } from './schedule/meeting-views';
import { MeetingsService } from './schedule/meetings.service';
import { SpeakersService } from './speakers/speakers.service';

export const MEETING_ENTITIES = [
  MeetingRoom,
  Meeting,
  MeetingParticipant,
  MeetingCheckIn,
  MeetingAgendaItem,
  MeetingMaterial,
  MeetingMaterialReader,
  MeetingMaterialVersion,
  MeetingEvent,
  MeetingSpeaker,
  MeetingPoll,
  MeetingPollOption,
  MeetingPollVoter,
  MeetingPollBallot,
  MeetingConclusion,
  MeetingConclusionTask,
  Consultation,
  ConsultationDraft,
  ConsultationRecipient,
];

/**
 * Paperless meetings (họp không giấy): rooms and the weekly schedule, participants and
 * invitations, agenda and materials, written consultations, check-in, speakers, polls,
 * conclusions and minutes. The live parts (annotations, presence, the meeting room's socket
 * gateway) build on MeetingAccessService and MeetingEventsService, exported here.
 * DocumentConverter is the outgoing context's LibreOffice converter, provided here too (it is a
 * stateless wrapper around `soffice`).
 */
@Module({
  imports: [TypeOrmModule.forFeature(MEETING_ENTITIES), AuditModule, FilesModule, NotificationsModule, OutgoingModule, TasksModule],
  controllers: [MeetingRoomsController, MeetingsController, MeetingMaterialsController, MeetingProceedingsController, ConsultationsController],
  providers: [
    MeetingAccessService,
    MeetingBroadcaster,
    MeetingEventsService,
    MeetingPeople,
    MeetingViews,
    MeetingRoomsService,
    MeetingsService,
    InvitationMailer,
    InvitationLetterService,
    InvitationsService,
    AgendaService,
    DocumentConverter,
    MaterialPdf,
    MaterialsService,
    SpeakersService,
    PollsService,
    ConclusionsService,
    MeetingFigures,
    MinutesService,
    ConsultationsService,
    MeetingsDemo,
  ],
  exports: [MeetingAccessService, MeetingEventsService, MeetingFigures, MeetingsDemo],
})
export class MeetingsModule {}
