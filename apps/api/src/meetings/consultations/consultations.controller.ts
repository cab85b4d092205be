import { Body, Controller, Get, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ConsultationDto, Permission } from '@app/contracts';
import { FileResponder } from '../../files/file-responder';
import { Authenticated, CurrentUser, RequirePermissions } from '../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { VersionDto } from '../dto/meeting-requests.dto';
import { AnswerConsultationDto, CloseConsultationDto, ConsultationListQueryDto, CreateConsultationDto, UpdateConsultationDto } from './consultation.dto';
import { ConsultationsService } from './consultations.service';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations')
export class ConsultationsController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly responder: FileResponder,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Phiếu lấy ý kiến / The consultations asked of me or sent by me' })
  list(@Query() query: ConsultationListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<ConsultationDto[]> {
    return this.consultations.list(query.view, user);
  }

  @Post()
  @RequirePermissions(Permission.ConsultationsManage)
  @ApiOperation({ summary: 'Lập phiếu / Draft a consultation: question, drafts, deadline, recipients' })
  create(@Body() body: CreateConsultationDto, @CurrentUser() user: AuthenticatedUser): Promise<ConsultationDto> {
    return this.consultations.create(body, user);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Xem phiếu / The consultation; the sender sees every answer, a member their own' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ConsultationDto> {
    return this.consultations.get(id, user);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Sửa phiếu nháp / Change a draft consultation' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateConsultationDto, @CurrentUser() user: AuthenticatedUser): Promise<ConsultationDto> {
    return this.consultations.update(id, body, user);
  }

  @Post(':id/sending')
  @Authenticated()
  @ApiOperation({ summary: 'Gửi phiếu / Send it to the recipients' })
  send(@Param('id', ParseIdPipe) id: string, @Body() body: VersionDto, @CurrentUser() user: AuthenticatedUser): Promise<ConsultationDto> {
    return this.consultations.send(id, body.version, user);
  }

  @Post(':id/answers')
  @Authenticated()
  @ApiOperation({ summary: 'Trả lời phiếu / Agree, disagree or comment, until the deadline' })
  answer(@Param('id', ParseIdPipe) id: string, @Body() body: AnswerConsultationDto, @CurrentUser() user: AuthenticatedUser): Promise<ConsultationDto> {
    return this.consultations.answer(id, body, user);
  }

  @Post(':id/reminders')
  @Authenticated()
  @ApiOperation({ summary: 'Nhắc trả lời / Remind those who have not answered' })
  remind(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<{ reminded: number }> {
    return this.consultations.remind(id, user);
  }

  @Post(':id/closing')
  @Authenticated()
  @ApiOperation({ summary: 'Tổng hợp và kết thúc / Close with the summary of the opinions' })
  close(@Param('id', ParseIdPipe) id: string, @Body() body: CloseConsultationDto, @CurrentUser() user: AuthenticatedUser): Promise<ConsultationDto> {
    return this.consultations.close(id, body, user);
  }

  @Get(':id/drafts/:fileId/content')
  @Authenticated()
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Tải dự thảo / An attached draft, for the sender and the recipients' })
  async draft(
    @Param('id', ParseIdPipe) id: string,
    @Param('fileId', ParseIdPipe) fileId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.responder.send(await this.consultations.draftFile(id, fileId, user), user, request, response);
  }
}
