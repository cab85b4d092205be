import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MeetingAccessService } from './access/meeting-access.service';
import { MeetingAgendaItem } from './entities/meeting-agenda-item.entity';
import { MeetingCheckIn } from './entities/meeting-check-in.entity';
import { MeetingEvent } from './entities/meeting-event.entity';
import { MeetingMaterial } from './entities/meeting-material.entity';
import { MeetingMaterialReader } from './entities/meeting-material-reader.entity';
import { MeetingMaterialVersion } from './entities/meeting-material-version.entity';
import { MeetingParticipant } from './entities/meeting-participant.entity';
import { MeetingRoom } from './entities/meeting-room.entity';
import { Meeting } from './entities/meeting.entity';
import { MeetingBroadcaster } from './events/meeting-broadcaster.gateway';
import { MeetingEventsService } from './events/meeting-events.service';

export const MEETING_ENTITIES = [MeetingRoom, Meeting, MeetingParticipant, MeetingCheckIn, MeetingAgendaItem, MeetingMaterial, MeetingMaterialReader, MeetingMaterialVersion, MeetingEvent];

/**
 * Paperless meetings (họp không giấy): rooms and the weekly schedule, participants and
 * invitations, agenda and materials, written consultations, check-in, speakers, polls,
 * conclusions and minutes. The live parts (annotations, presence, the meeting room's socket
 * gateway) build on MeetingAccessService and MeetingEventsService, exported here.
 */
@Module({
  imports: [TypeOrmModule.forFeature(MEETING_ENTITIES), AuditModule],
  providers: [MeetingAccessService, MeetingBroadcaster, MeetingEventsService],
  exports: [MeetingAccessService, MeetingEventsService],
})
export class MeetingsModule {}
