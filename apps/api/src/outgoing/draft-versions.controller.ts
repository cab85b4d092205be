import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DraftVersionComparison, DraftVersionDto, Permission } from '@app/contracts';
import { FileResponder } from '../files/file-responder';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { DraftVersionsService } from './draft-versions.service';
import { AddDraftVersionDto, CompareVersionsQueryDto } from './dto/outgoing-draft.dto';
import { DraftVersionResponseDto, VersionComparisonDto } from './dto/outgoing-response.dto';

/**
 * The versions of a draft and their files. /api/files serves only a file's uploader; here the
 * draft's visibility decides, and each download is audited.
 */
@ApiTags('outgoing documents')
@ApiBearerAuth()
@Controller('outgoing-documents')
export class DraftVersionsController {
  constructor(
    private readonly versions: DraftVersionsService,
    private readonly responder: FileResponder,
  ) {}

  @Post(':id/versions')
  @RequirePermissions(Permission.OutgoingDraft)
  @ApiCreatedResponse({ type: DraftVersionResponseDto })
  @ApiOperation({ summary: 'Thêm phiên bản / Upload a new version (drafter, while in draft or returned)' })
  add(@Param('id', ParseIdPipe) id: string, @Body() body: AddDraftVersionDto, @CurrentUser() user: AuthenticatedUser): Promise<DraftVersionDto> {
    return this.versions.add(id, body, user);
  }

  @Get(':id/versions')
  @Authenticated()
  @ApiOkResponse({ type: [DraftVersionResponseDto] })
  @ApiOperation({ summary: 'Các phiên bản / The versions, oldest first' })
  list(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<DraftVersionDto[]> {
    return this.versions.list(id, user);
  }

  @Get(':id/versions/compare')
  @Authenticated()
  @ApiOkResponse({ type: VersionComparisonDto })
  @ApiOperation({ summary: 'So sánh hai phiên bản / What changed between two versions (file, size, SHA-256, note, uploader, attachments)' })
  compare(@Param('id', ParseIdPipe) id: string, @Query() query: CompareVersionsQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<DraftVersionComparison> {
    return this.versions.compare(id, query.from, query.to, user);
  }

  @Get(':id/files/:fileId/content')
  @Authenticated()
  @ApiOperation({ summary: 'Tải tệp của dự thảo / Download a file of a version' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the bytes, as an attachment; single byte ranges (206) and If-Range with the ETag', schema: { type: 'string', format: 'binary' } })
  async content(
    @Param('id', ParseIdPipe) id: string,
    @Param('fileId', ParseIdPipe) fileId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.versions.fileOf(id, fileId, user);
    await this.responder.send(file, user, request, response);
  }
}
