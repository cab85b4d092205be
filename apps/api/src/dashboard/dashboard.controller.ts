import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CompletionDto, DashboardOverviewDto, DashboardTable, DecisionDto, EGovernmentFiguresDto, MeetingsTileDto, Permission } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { REGISTER_MEDIA_TYPES, sendRegisterExport } from '../incoming/register-export/register-response';
import { vietnameseDate } from '../incoming/register-export/register-row';
import { AppConfig } from '../platform/config/app-config';
import { Clock, vietnamDate } from '../platform/clock/clock';
import { CompletionQueryDto, DashboardExportQueryDto, QuarterQueryDto } from './dto/dashboard.dto';
import { DashboardService } from './dashboard.service';
import {
  completionPeopleTable,
  completionUnitsTable,
  DashboardTableExport,
  decisionsTable,
  documentsTable,
  eGovernmentTable,
  openWorkTable,
  TABLE_FILE_STEMS,
  tasksByUnitTable,
} from './dashboard-tables';
import { quarterOf } from './reporting-quarter';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
@RequirePermissions(Permission.DashboardView)
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Get('overview')
  @ApiOperation({ summary: 'Bảng điều hành / Documents this week and year, open work and tasks by unit' })
  @ApiOkResponse()
  overview(): Promise<DashboardOverviewDto> {
    return this.dashboard.overview();
  }

  @Get('completion')
  @ApiOperation({ summary: 'Tỷ lệ hoàn thành đúng hạn / On-time completion of tasks by unit and person' })
  completion(@Query() query: CompletionQueryDto): Promise<CompletionDto> {
    return this.dashboard.completion(query.from, query.to);
  }

  @Get('decisions')
  @ApiOperation({ summary: 'Việc chờ tôi quyết định / Everything waiting for this leader' })
  decisions(@CurrentUser() user: AuthenticatedUser): Promise<DecisionDto[]> {
    return this.dashboard.decisions(user);
  }

  @Get('meetings')
  @ApiOperation({ summary: 'Cuộc họp sắp tới và phiếu lấy ý kiến chờ trả lời / Upcoming meetings and consultations waiting for this leader' })
  meetings(@CurrentUser() user: AuthenticatedUser): Promise<MeetingsTileDto> {
    return this.dashboard.meetingsTile(user);
  }

  @Get('e-government')
  @ApiOperation({ summary: 'Chỉ tiêu Chính phủ điện tử theo quý / The e-government figures of a reporting quarter (Q1 = 15 Dec – 14 Mar …)' })
  eGovernment(@Query() query: QuarterQueryDto): Promise<EGovernmentFiguresDto> {
    const period = this.quarter(query);
    return this.dashboard.eGovernment(period.year, period.quarter);
  }

  @Get('export')
  @ApiOperation({ summary: 'Xuất bảng / Export a dashboard table as XLSX or PDF (e-government: the quarterly report)' })
  @ApiProduces(REGISTER_MEDIA_TYPES.xlsx, REGISTER_MEDIA_TYPES.pdf)
  async export(@Query() query: DashboardExportQueryDto, @CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    const format = query.format ?? 'xlsx';
    const exported = await this.table(query.table, query, user);
    await this.audit.record({ action: 'dashboard.export', actor: user, entityType: 'dashboard', entityId: null, details: { table: query.table, format, from: exported.from, to: exported.to } });
    await sendRegisterExport(response, exported.layout, {
      heading: { registerName: this.config.ORGAN_NAME, from: vietnameseDate(exported.from), to: vietnameseDate(exported.to) },
      fileName: `${TABLE_FILE_STEMS[query.table]}-${exported.from}-${exported.to}.${format}`,
      format,
      rowCount: exported.rows.length,
      rows: (async function* () {
        yield* exported.rows;
      })(),
    });
  }

  private async table(name: DashboardTable, query: DashboardExportQueryDto, user: AuthenticatedUser): Promise<DashboardTableExport> {
    switch (name) {
      case 'documents':
        return documentsTable(await this.dashboard.overview());
      case 'open-work':
        return openWorkTable(await this.dashboard.overview());
      case 'tasks-by-unit':
        return tasksByUnitTable(await this.dashboard.overview());
      case 'completion-units':
        return completionUnitsTable(await this.dashboard.completion(query.from, query.to));
      case 'completion-people':
        return completionPeopleTable(await this.dashboard.completion(query.from, query.to));
      case 'decisions':
        return decisionsTable(await this.dashboard.decisions(user), vietnamDate(this.clock.now()));
      case 'e-government': {
        const period = this.quarter(query);
        return eGovernmentTable(await this.dashboard.eGovernment(period.year, period.quarter));
      }
    }
  }

  /** The quarter asked for, or the one today falls in. */
  private quarter(query: QuarterQueryDto): { year: number; quarter: 1 | 2 | 3 | 4 } {
    const current = quarterOf(vietnamDate(this.clock.now()));
    return { year: query.year ?? current.year, quarter: query.quarter ?? (query.year ? 4 : current.quarter) };
  }
}
