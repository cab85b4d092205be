import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '@app/contracts';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { IncomingCountsResponseDto, IncomingListQueryDto, RegisterExportQueryDto, UnitWorkloadResponseDto } from './dto/incoming-list.dto';
import { IncomingPageDto } from './dto/incoming-response.dto';
import { IncomingListService } from './incoming-list.service';
import { RegisterExportService } from './register-export/register-export.service';
import { REGISTER_MEDIA_TYPES, sendRegisterExport } from './register-export/register-response';
import { INCOMING_REGISTER } from './register-export/register-row';
import { UnitWorkloadService } from './unit-workload.service';

/**
 * The working lists, their badge counts, the leaders' workload per unit and the register export.
 * Registered before IncomingController so that `/counts`, `/workload` and `/register-export`
 * are matched here and never reach its `/:id` route.
 */
@ApiTags('incoming documents')
@ApiBearerAuth()
@Controller('incoming-documents')
export class IncomingListsController {
  constructor(
    private readonly lists: IncomingListService,
    private readonly workloads: UnitWorkloadService,
    private readonly exports: RegisterExportService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Danh sách văn bản đến / Working lists', description: 'view, filters, sort and a keyset cursor; only what the user may see.' })
  @ApiOkResponse({ type: IncomingPageDto })
  list(@Query() query: IncomingListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<IncomingPageDto> {
    return this.lists.list(query, user);
  }

  @Get('counts')
  @Authenticated()
  @ApiOperation({ summary: 'Số văn bản mỗi danh sách / Badge counts', description: 'Each count stops at INCOMING_COUNT_LIMIT (1000).' })
  @ApiOkResponse({ type: IncomingCountsResponseDto })
  counts(@CurrentUser() user: AuthenticatedUser): Promise<IncomingCountsResponseDto> {
    return this.lists.counts(user);
  }

  @Get('workload')
  @RequirePermissions(Permission.IncomingDirect)
  @ApiOperation({ summary: 'Tình hình xử lý theo đơn vị / Open work per unit (leaders)' })
  @ApiOkResponse({ type: [UnitWorkloadResponseDto] })
  workload(): Promise<UnitWorkloadResponseDto[]> {
    return this.workloads.workload();
  }

  @Get('register-export')
  @RequirePermissions(Permission.IncomingRegister)
  @ApiOperation({ summary: 'Xuất sổ đăng ký văn bản đến / Export the incoming register', description: 'Decree 30/2020 Appendix IV §VI, 10 columns; XLSX streamed, PDF A4 landscape (up to 5000 rows).' })
  @ApiProduces(REGISTER_MEDIA_TYPES.xlsx, REGISTER_MEDIA_TYPES.pdf)
  @ApiOkResponse({ description: 'the register file, as an attachment', schema: { type: 'string', format: 'binary' } })
  async registerExport(@Query() query: RegisterExportQueryDto, @CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    await sendRegisterExport(response, INCOMING_REGISTER, await this.exports.prepare(query, user));
  }
}
