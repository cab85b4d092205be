import { Body, Controller, Delete, Get, Header, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ConclusionDto, MeetingFiguresDto, PollDto, SpeakerDto } from '@app/contracts';
import { Authenticated, CurrentUser } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { ConclusionsService } from './conclusions/conclusions.service';
import { CreatePollDto, OrderSpeakersDto, RequestToSpeakDto, UpdateConclusionDto, VersionDto, VoteDto, WriteConclusionDto } from './dto/meeting-requests.dto';
import { MinutesService } from './minutes/minutes.service';
import { PollsService } from './polls/polls.service';
import { SpeakersService } from './speakers/speakers.service';

/** What happens in the meeting and after it: speakers, polls, conclusions, minutes, figures. */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings/:meetingId')
export class MeetingProceedingsController {
  constructor(
    private readonly speakers: SpeakersService,
    private readonly polls: PollsService,
    private readonly conclusions: ConclusionsService,
    private readonly minutes: MinutesService,
  ) {}

  @Get('speakers')
  @Authenticated()
  @ApiOperation({ summary: 'Danh sách phát biểu / The speaker queue' })
  speakerQueue(@Param('meetingId', ParseIdPipe) meetingId: string, @CurrentUser() user: AuthenticatedUser): Promise<SpeakerDto[]> {
    return this.speakers.list(meetingId, user);
  }

  @Post('speakers')
  @Authenticated()
  @ApiOperation({ summary: 'Đăng ký phát biểu / Ask to speak (once per kind while waiting)' })
  requestToSpeak(@Param('meetingId', ParseIdPipe) meetingId: string, @Body() body: RequestToSpeakDto, @CurrentUser() user: AuthenticatedUser): Promise<SpeakerDto[]> {
    return this.speakers.request(meetingId, body, user);
  }

  @Put('speakers/order')
  @Authenticated()
  @ApiOperation({ summary: 'Sắp xếp lượt phát biểu / The chair orders the waiting requests' })
  orderSpeakers(@Param('meetingId', ParseIdPipe) meetingId: string, @Body() body: OrderSpeakersDto, @CurrentUser() user: AuthenticatedUser): Promise<SpeakerDto[]> {
    return this.speakers.order(meetingId, body, user);
  }

  @Post('speakers/:speakerId/start')
  @Authenticated()
  @ApiOperation({ summary: 'Mời phát biểu / The chair gives the floor' })
  startSpeaker(@Param('meetingId', ParseIdPipe) meetingId: string, @Param('speakerId', ParseIdPipe) speakerId: string, @CurrentUser() user: AuthenticatedUser): Promise<SpeakerDto[]> {
    return this.speakers.start(meetingId, speakerId, user);
  }

  @Post('speakers/:speakerId/stop')
  @Authenticated()
  @ApiOperation({ summary: 'Dừng phát biểu / The chair ends the turn' })
  stopSpeaker(@Param('meetingId', ParseIdPipe) meetingId: string, @Param('speakerId', ParseIdPipe) speakerId: string, @CurrentUser() user: AuthenticatedUser): Promise<SpeakerDto[]> {
    return this.speakers.stop(meetingId, speakerId, user);
  }

  @Delete('speakers/:speakerId')
  @Authenticated()
  @ApiOperation({ summary: 'Rút đăng ký / Withdraw a waiting request' })
  withdrawSpeaker(@Param('meetingId', ParseIdPipe) meetingId: string, @Param('speakerId', ParseIdPipe) speakerId: string, @CurrentUser() user: AuthenticatedUser): Promise<SpeakerDto[]> {
    return this.speakers.withdraw(meetingId, speakerId, user);
  }

  @Get('polls')
  @Authenticated()
  @ApiOperation({ summary: 'Biểu quyết / The polls of the meeting' })
  pollList(@Param('meetingId', ParseIdPipe) meetingId: string, @CurrentUser() user: AuthenticatedUser): Promise<PollDto[]> {
    return this.polls.list(meetingId, user);
  }

  @Post('polls')
  @Authenticated()
  @ApiOperation({ summary: 'Mở biểu quyết / The chair opens a poll (open or secret ballot)' })
  openPoll(@Param('meetingId', ParseIdPipe) meetingId: string, @Body() body: CreatePollDto, @CurrentUser() user: AuthenticatedUser): Promise<PollDto> {
    return this.polls.open(meetingId, body, user);
  }

  @Post('polls/:pollId/votes')
  @Authenticated()
  @ApiOperation({ summary: 'Bỏ phiếu / Vote once (a delegate for the member they represent)' })
  vote(@Param('meetingId', ParseIdPipe) meetingId: string, @Param('pollId', ParseIdPipe) pollId: string, @Body() body: VoteDto, @CurrentUser() user: AuthenticatedUser): Promise<PollDto> {
    return this.polls.vote(meetingId, pollId, body, user);
  }

  @Post('polls/:pollId/close')
  @Authenticated()
  @ApiOperation({ summary: 'Kết thúc biểu quyết / Close the poll; the results go to everyone' })
  closePoll(@Param('meetingId', ParseIdPipe) meetingId: string, @Param('pollId', ParseIdPipe) pollId: string, @CurrentUser() user: AuthenticatedUser): Promise<PollDto> {
    return this.polls.close(meetingId, pollId, user);
  }

  @Get('polls/:pollId/results.csv')
  @Authenticated()
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Xuất kết quả biểu quyết / The results as CSV (and who voted what in an open poll)' })
  async pollCsv(@Param('meetingId', ParseIdPipe) meetingId: string, @Param('pollId', ParseIdPipe) pollId: string, @CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    const { text, fileName } = await this.polls.csv(meetingId, pollId, user);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    response.send(text);
  }

  @Get('conclusions')
  @Authenticated()
  @ApiOperation({ summary: 'Kết luận / The conclusions with their tasks' })
  conclusionList(@Param('meetingId', ParseIdPipe) meetingId: string, @CurrentUser() user: AuthenticatedUser): Promise<ConclusionDto[]> {
    return this.conclusions.list(meetingId, user);
  }

  @Post('conclusions')
  @Authenticated()
  @ApiOperation({ summary: 'Viết kết luận / A secretary writes a conclusion and the tasks it gives' })
  writeConclusion(@Param('meetingId', ParseIdPipe) meetingId: string, @Body() body: WriteConclusionDto, @CurrentUser() user: AuthenticatedUser): Promise<ConclusionDto> {
    return this.conclusions.write(meetingId, body, user);
  }

  @Patch('conclusions/:conclusionId')
  @Authenticated()
  @ApiOperation({ summary: 'Sửa kết luận / Change a draft conclusion' })
  updateConclusion(
    @Param('meetingId', ParseIdPipe) meetingId: string,
    @Param('conclusionId', ParseIdPipe) conclusionId: string,
    @Body() body: UpdateConclusionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ConclusionDto> {
    return this.conclusions.update(meetingId, conclusionId, body, user);
  }

  @Post('conclusions/:conclusionId/approval')
  @Authenticated()
  @ApiOperation({ summary: 'Duyệt kết luận / The chair approves; its tasks are given' })
  approveConclusion(
    @Param('meetingId', ParseIdPipe) meetingId: string,
    @Param('conclusionId', ParseIdPipe) conclusionId: string,
    @Body() body: VersionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ConclusionDto> {
    return this.conclusions.approve(meetingId, conclusionId, body.version, user);
  }

  @Get('minutes')
  @Authenticated()
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Biên bản / The minutes as PDF: participants and attendance, agenda, speakers, poll results, conclusions' })
  async minutesPdf(@Param('meetingId', ParseIdPipe) meetingId: string, @CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    const { bytes, fileName } = await this.minutes.pdf(meetingId, user);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    response.send(Buffer.from(bytes));
  }

  @Get('figures')
  @Authenticated()
  @ApiOperation({ summary: 'Số liệu / Planned vs actual duration, attendance rate, pages not printed' })
  figures(@Param('meetingId', ParseIdPipe) meetingId: string, @CurrentUser() user: AuthenticatedUser): Promise<MeetingFiguresDto> {
    return this.minutes.figuresFor(meetingId, user);
  }
}
