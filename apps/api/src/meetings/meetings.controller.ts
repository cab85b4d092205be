import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgendaItemDto, MeetingDto, MeetingRoomDto as RoomDto, MeetingSummaryDto, Permission } from '@app/contracts';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { AgendaService } from './agenda/agenda.service';
import { AnswerInvitationDto, CheckInDto, CreateMeetingDto, MeetingRoomDto, MeetingScheduleQueryDto, SetAgendaDto, UpdateMeetingDto, UpdateMeetingRoomDto, VersionDto } from './dto/meeting-requests.dto';
import { InvitationLetterService } from './invitations/invitation-letter.service';
import { InvitationsService } from './invitations/invitations.service';
import { MeetingRoomsService } from './rooms/meeting-rooms.service';
import { MeetingsService } from './schedule/meetings.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meeting-rooms')
export class MeetingRoomsController {
  constructor(private readonly rooms: MeetingRoomsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Phòng họp / The meeting rooms' })
  list(): Promise<RoomDto[]> {
    return this.rooms.list();
  }

  @Post()
  @RequirePermissions(Permission.MeetingRoomsManage)
  @ApiOperation({ summary: 'Thêm phòng họp / Add a meeting room' })
  create(@Body() body: MeetingRoomDto, @CurrentUser() user: AuthenticatedUser): Promise<RoomDto> {
    return this.rooms.create(body, user);
  }

  @Patch(':id')
  @RequirePermissions(Permission.MeetingRoomsManage)
  @ApiOperation({ summary: 'Sửa phòng họp / Change a meeting room (or stop using it)' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateMeetingRoomDto, @CurrentUser() user: AuthenticatedUser): Promise<RoomDto> {
    return this.rooms.update(id, body, user);
  }
}

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly invitations: InvitationsService,
    private readonly agenda: AgendaService,
    private readonly letters: InvitationLetterService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Lịch họp / The schedule of the days from..to (the weekly schedule, lịch công tác tuần), all rooms or one' })
  schedule(@Query() query: MeetingScheduleQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<MeetingSummaryDto[]> {
    return this.meetings.schedule(query, user);
  }

  @Post()
  @RequirePermissions(Permission.MeetingsOrganise)
  @ApiOperation({ summary: 'Tạo cuộc họp / Schedule a meeting (a room booked twice is refused with 409)' })
  create(@Body() body: CreateMeetingDto, @CurrentUser() user: AuthenticatedUser): Promise<MeetingDto> {
    return this.meetings.create(body, user);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Xem cuộc họp / The meeting with participants and answers, agenda and the materials the caller may read' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<MeetingDto> {
    return this.meetings.get(id, user);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Sửa cuộc họp / Change the meeting (chair, secretaries, organiser)' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateMeetingDto, @CurrentUser() user: AuthenticatedUser): Promise<MeetingDto> {
    return this.meetings.update(id, body, user);
  }

  @Post(':id/cancellation')
  @Authenticated()
  @ApiOperation({ summary: 'Hủy cuộc họp / Cancel the meeting; its room is free again' })
  cancel(@Param('id', ParseIdPipe) id: string, @Body() body: VersionDto, @CurrentUser() user: AuthenticatedUser): Promise<MeetingDto> {
    return this.meetings.cancel(id, body.version, user);
  }

  @Post(':id/start')
  @Authenticated()
  @ApiOperation({ summary: 'Khai mạc / Open the meeting (its actual start)' })
  start(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<MeetingDto> {
    return this.meetings.start(id, user);
  }

  @Post(':id/end')
  @Authenticated()
  @ApiOperation({ summary: 'Bế mạc / Close the meeting (its actual end)' })
  end(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<MeetingDto> {
    return this.meetings.end(id, user);
  }

  @Post(':id/invitations')
  @Authenticated()
  @ApiOperation({ summary: 'Gửi giấy mời / Send the invitation to every participant' })
  invite(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<MeetingDto> {
    return this.invitations.send(id, user);
  }

  @Post(':id/invitation-letter')
  @RequirePermissions(Permission.OutgoingDraft)
  @ApiOperation({ summary: 'Soạn Giấy mời (văn bản đi) / Draft the invitation as an outgoing document, to be signed by the chair and dispatched through the outgoing flow' })
  invitationLetter(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<{ outgoingDocumentId: string }> {
    return this.letters.draft(id, user);
  }

  @Post(':id/answers')
  @Authenticated()
  @ApiOperation({ summary: 'Trả lời giấy mời / Attend, decline or send a delegate; the secretaries see it live' })
  answer(@Param('id', ParseIdPipe) id: string, @Body() body: AnswerInvitationDto, @CurrentUser() user: AuthenticatedUser): Promise<MeetingDto> {
    return this.invitations.answer(id, body, user);
  }

  @Post(':id/check-ins')
  @Authenticated()
  @ApiOperation({ summary: 'Điểm danh / Check in (oneself, or anyone by a secretary)' })
  checkIn(@Param('id', ParseIdPipe) id: string, @Body() body: CheckInDto, @CurrentUser() user: AuthenticatedUser): Promise<MeetingDto> {
    return this.invitations.checkIn(id, body, user);
  }

  @Put(':id/agenda')
  @Authenticated()
  @ApiOperation({ summary: 'Chương trình họp / Set the ordered agenda' })
  setAgenda(@Param('id', ParseIdPipe) id: string, @Body() body: SetAgendaDto, @CurrentUser() user: AuthenticatedUser): Promise<AgendaItemDto[]> {
    return this.agenda.set(id, body, user);
  }
}
