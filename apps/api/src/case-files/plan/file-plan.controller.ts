import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/contracts';
import type { FilePlanDto, FilePlanSummary } from '@app/contracts';
import { Authenticated, CurrentUser, RequirePermissions } from '../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { VersionDto } from '../dto/case-file.dto';
import { CreateFilePlanDto, FilePlanEntryDto, FilePlanHeadingDto } from '../dto/file-plan.dto';
import { FilePlanService } from './file-plan.service';
import { FilePlanResponseDto, FilePlanSummaryResponseDto } from '../dto/case-file-response.dto';

@ApiTags('case files')
@ApiBearerAuth()
@Controller('file-plans')
export class FilePlanController {
  constructor(private readonly plans: FilePlanService) {}

  @Post()
  @RequirePermissions(Permission.CaseFilesPlan)
  @ApiOperation({ summary: 'Lập danh mục hồ sơ / Start the plan of a year, optionally copying another year’s' })
  @ApiOkResponse({ type: FilePlanResponseDto })
  create(@Body() body: CreateFilePlanDto, @CurrentUser() user: AuthenticatedUser): Promise<FilePlanDto> {
    return this.plans.create(body, user);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Các danh mục hồ sơ / The years that have a plan, and their state' })
  @ApiOkResponse({ type: [FilePlanSummaryResponseDto] })
  list(): Promise<FilePlanSummary[]> {
    return this.plans.list();
  }

  @Get(':year')
  @Authenticated()
  @ApiOperation({ summary: 'Danh mục hồ sơ của năm / The plan of a year' })
  @ApiOkResponse({ type: FilePlanResponseDto })
  get(@Param('year', ParseIntPipe) year: number): Promise<FilePlanDto> {
    return this.plans.get(year);
  }

  @Post(':id/headings')
  @RequirePermissions(Permission.CaseFilesPlan)
  @ApiOperation({ summary: 'Thêm đề mục / Add a heading (draft plans only)' })
  @ApiOkResponse({ type: FilePlanResponseDto })
  addHeading(@Param('id', ParseIdPipe) id: string, @Body() body: FilePlanHeadingDto, @CurrentUser() user: AuthenticatedUser): Promise<FilePlanDto> {
    return this.plans.addHeading(id, body, user);
  }

  @Post(':id/entries')
  @RequirePermissions(Permission.CaseFilesPlan)
  @ApiOperation({ summary: 'Thêm hồ sơ vào danh mục / Add a planned case file (code = ordinal.heading, e.g. 01.TCCB)' })
  @ApiOkResponse({ type: FilePlanResponseDto })
  addEntry(@Param('id', ParseIdPipe) id: string, @Body() body: FilePlanEntryDto, @CurrentUser() user: AuthenticatedUser): Promise<FilePlanDto> {
    return this.plans.addEntry(id, body, user);
  }

  @Delete(':id/entries/:entryId')
  @RequirePermissions(Permission.CaseFilesPlan)
  @ApiOperation({ summary: 'Bỏ hồ sơ khỏi danh mục / Remove a planned case file (draft plans only)' })
  @ApiOkResponse({ type: FilePlanResponseDto })
  removeEntry(@Param('id', ParseIdPipe) id: string, @Param('entryId', ParseIdPipe) entryId: string, @CurrentUser() user: AuthenticatedUser): Promise<FilePlanDto> {
    return this.plans.removeEntry(id, entryId, user);
  }

  @Post(':id/approval')
  @RequirePermissions(Permission.CaseFilesApprovePlan)
  @ApiOperation({ summary: 'Duyệt danh mục / The head of the agency approves the plan' })
  @ApiOkResponse({ type: FilePlanResponseDto })
  approve(@Param('id', ParseIdPipe) id: string, @Body() body: VersionDto, @CurrentUser() user: AuthenticatedUser): Promise<FilePlanDto> {
    return this.plans.approve(id, body.version, user);
  }
}
