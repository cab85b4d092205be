import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permission } from '@app/contracts';
import type { CaseFileDto, CaseFileHistoryEntryDto, CaseFileNoteDto, CaseFileSummaryDto, ClosingCheckDto, OnlineShareRow, Page } from '@app/contracts';
import { FileResponder } from '../files/file-responder';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { CaseFileClosingService } from './case-file-closing.service';
import { CaseFileDocumentsService } from './case-file-documents.service';
import { CaseFilesService } from './case-files.service';
import { OnlineShareQueryDto } from './dto/archive.dto';
import { AddNoteDto, CaseFileListQueryDto, LinkDocumentDto, OpenCaseFileDto, ShareCaseFileDto, UpdateCaseFileDocumentDto, UpdateCaseFileDto, VersionDto } from './dto/case-file.dto';
import { CaseFileFiguresService } from './figures/case-file-figures.service';
import { CaseFileHistoryEntryResponseDto, CaseFileNoteResponseDto, CaseFilePageDto, CaseFileResponseDto, ClosingCheckResponseDto, OnlineShareRowDto } from './dto/case-file-response.dto';

/** Registered before CaseFilesController so that `/online-share` wins over `/:id`. */
@ApiTags('case files')
@ApiBearerAuth()
@Controller('case-files')
export class CaseFileFiguresController {
  constructor(private readonly figures: CaseFileFiguresService) {}

  @Get('online-share')
  @RequirePermissions(Permission.CaseFilesFigures)
  @ApiOperation({ summary: 'Tỷ lệ hồ sơ xử lý trên môi trường mạng / Share of case files processed online, by unit and year' })
  @ApiOkResponse({ type: [OnlineShareRowDto] })
  onlineShare(@Query() query: OnlineShareQueryDto): Promise<OnlineShareRow[]> {
    return this.figures.onlineShare(query);
  }
}

@ApiTags('case files')
@ApiBearerAuth()
@Controller('case-files')
export class CaseFilesController {
  constructor(
    private readonly caseFiles: CaseFilesService,
    private readonly documents: CaseFileDocumentsService,
    private readonly closing: CaseFileClosingService,
    private readonly responder: FileResponder,
  ) {}

  @Post()
  @RequirePermissions(Permission.CaseFilesKeep)
  @ApiOperation({ summary: 'Mở hồ sơ / Open a case file, from the plan or not' })
  @ApiOkResponse({ type: CaseFileResponseDto })
  open(@Body() body: OpenCaseFileDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileDto> {
    return this.caseFiles.open(body, user);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Danh sách hồ sơ / Case files: mine, shared with me, my unit’s, to hand over, the archive' })
  @ApiOkResponse({ type: CaseFilePageDto })
  list(@Query() query: CaseFileListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<Page<CaseFileSummaryDto>> {
    return this.caseFiles.list(query, user);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Xem hồ sơ / The case file with its documents and shares' })
  @ApiOkResponse({ type: CaseFileResponseDto })
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileDto> {
    return this.caseFiles.get(id, user);
  }

  @Patch(':id')
  @RequirePermissions(Permission.CaseFilesKeep)
  @ApiOperation({ summary: 'Sửa hồ sơ / Edit title, retention, usage mode, description (open files only: a closed file is 409)' })
  @ApiOkResponse({ type: CaseFileResponseDto })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateCaseFileDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileDto> {
    return this.caseFiles.update(id, body, user);
  }

  @Get(':id/history')
  @Authenticated()
  @ApiOperation({ summary: 'Quá trình / The timeline of the case file' })
  @ApiOkResponse({ type: [CaseFileHistoryEntryResponseDto] })
  history(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileHistoryEntryDto[]> {
    return this.caseFiles.history(id, user);
  }

  @Get(':id/notes')
  @Authenticated()
  @ApiOperation({ summary: 'Ghi chú / Notes' })
  @ApiOkResponse({ type: [CaseFileNoteResponseDto] })
  notes(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileNoteDto[]> {
    return this.caseFiles.notes(id, user);
  }

  @Post(':id/notes')
  @Authenticated()
  @ApiOperation({ summary: 'Thêm ghi chú / Add a note (keeper and contributors)' })
  @ApiOkResponse({ type: CaseFileNoteResponseDto })
  addNote(@Param('id', ParseIdPipe) id: string, @Body() body: AddNoteDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileNoteDto> {
    return this.caseFiles.addNote(id, body, user);
  }

  @Post(':id/shares')
  @Authenticated()
  @ApiOperation({ summary: 'Chia sẻ hồ sơ / Share with a colleague: read or contribute' })
  @ApiOkResponse({ type: CaseFileResponseDto })
  share(@Param('id', ParseIdPipe) id: string, @Body() body: ShareCaseFileDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileDto> {
    return this.caseFiles.share(id, body, user);
  }

  @Delete(':id/shares/:userId')
  @Authenticated()
  @ApiOperation({ summary: 'Thôi chia sẻ / Stop sharing with a colleague' })
  @ApiOkResponse({ type: CaseFileResponseDto })
  unshare(@Param('id', ParseIdPipe) id: string, @Param('userId', ParseIdPipe) userId: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileDto> {
    return this.caseFiles.unshare(id, userId, user);
  }

  @Post(':id/documents')
  @Authenticated()
  @ApiOperation({ summary: 'Đưa văn bản vào hồ sơ / Link an incoming or outgoing document the caller may see (403 otherwise), or add an internal paper' })
  @ApiOkResponse({ type: CaseFileResponseDto })
  link(@Param('id', ParseIdPipe) id: string, @Body() body: LinkDocumentDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileDto> {
    return this.documents.link(id, body, user);
  }

  @Patch(':id/documents/:entryId')
  @Authenticated()
  @ApiOkResponse({ type: CaseFileResponseDto })
  @ApiOperation({ summary: 'Bổ sung thông tin văn bản / Complete the archive metadata of a document in the file' })
  updateDocument(
    @Param('id', ParseIdPipe) id: string,
    @Param('entryId', ParseIdPipe) entryId: string,
    @Body() body: UpdateCaseFileDocumentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CaseFileDto> {
    return this.documents.update(id, entryId, body, user);
  }

  @Delete(':id/documents/:entryId')
  @Authenticated()
  @ApiOperation({ summary: 'Bỏ văn bản khỏi hồ sơ / Take a document out of the case file (the document stays)' })
  @ApiOkResponse({ type: CaseFileResponseDto })
  unlink(@Param('id', ParseIdPipe) id: string, @Param('entryId', ParseIdPipe) entryId: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileDto> {
    return this.documents.unlink(id, entryId, user);
  }

  @Get(':id/documents/:entryId/files/:fileId/content')
  @Authenticated()
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'Tải tệp / Download an internal paper (or, in the archive, any file of the file)' })
  async content(
    @Param('id', ParseIdPipe) id: string,
    @Param('entryId', ParseIdPipe) entryId: string,
    @Param('fileId', ParseIdPipe) fileId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.responder.send(await this.documents.fileOf(id, entryId, fileId, user), user, request, response);
  }

  @Get(':id/closing-check')
  @Authenticated()
  @ApiOperation({ summary: 'Kiểm tra trước khi kết thúc / What closing would say now: the reasons, the counts' })
  @ApiOkResponse({ type: ClosingCheckResponseDto })
  check(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<ClosingCheckDto> {
    return this.closing.check(id, user);
  }

  @Post(':id/closing')
  @HttpCode(200)
  @RequirePermissions(Permission.CaseFilesKeep)
  @ApiOperation({ summary: 'Kết thúc hồ sơ / Close: refused (422) with the reasons while incomplete; then read-only' })
  @ApiOkResponse({ type: CaseFileResponseDto })
  close(@Param('id', ParseIdPipe) id: string, @Body() body: VersionDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseFileDto> {
    return this.closing.close(id, body.version, user);
  }
}
