import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/contracts';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { ChangeAnswersService } from './change-answers.service';
import { DirectorySyncService } from './directory-sync.service';
import { ChangeAnswerDto, DirectorySyncResultDto, OutgoingExchangeDto, ReceivedExchangeDto } from './dto/exchange.dto';
import { ExchangeViewsService } from './exchange-views.service';

@ApiTags('exchange (trục liên thông)')
@ApiBearerAuth()
@Controller()
export class ExchangeController {
  constructor(
    private readonly views: ExchangeViewsService,
    private readonly answers: ChangeAnswersService,
    private readonly directory: DirectorySyncService,
  ) {}

  @Get('outgoing-documents/:id/exchange')
  @Authenticated()
  @ApiOkResponse({ type: OutgoingExchangeDto })
  @ApiOperation({ summary: 'Tình trạng liên thông / Per agency recipient: send state and the statuses it sent back' })
  ofOutgoing(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<OutgoingExchangeDto> {
    return this.views.ofOutgoing(id, user);
  }

  @Get('incoming-documents/:id/exchange')
  @Authenticated()
  @ApiOkResponse({ type: ReceivedExchangeDto })
  @ApiOperation({ summary: 'A document received through the axis: its sender, a pending recall, the statuses sent back' })
  ofIncoming(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReceivedExchangeDto> {
    return this.views.ofIncoming(id, user);
  }

  @Post('incoming-documents/:id/exchange/change-answer')
  @HttpCode(204)
  @RequirePermissions(Permission.IncomingRegister)
  @ApiNoContentResponse()
  @ApiOperation({ summary: 'Trả lời đề nghị thu hồi / The clerk agrees (15) or refuses (16) the sender’s recall, update or replacement' })
  async answer(@Param('id', ParseIdPipe) id: string, @Body() body: ChangeAnswerDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.answers.answer(id, body, user);
  }

  @Post('organs/axis-synchronization')
  @RequirePermissions(Permission.OrgansManage)
  @ApiOkResponse({ type: DirectorySyncResultDto })
  @HttpCode(200)
  @ApiOperation({ summary: 'Đồng bộ danh bạ từ trục / The organ directory brought up to date from the axis' })
  synchronise(@CurrentUser() user: AuthenticatedUser): Promise<DirectorySyncResultDto> {
    return this.directory.synchronise(user);
  }
}
