import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OutgoingDocumentDto, OutgoingDocumentSummaryDto, OutgoingHistoryEntryDto, Page, Permission } from '@app/contracts';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { CreateOutgoingDraftDto, OutgoingListQueryDto, UpdateOutgoingDraftDto } from './dto/outgoing-draft.dto';
import { OutgoingDraftsService } from './outgoing-drafts.service';
import { OutgoingListService } from './outgoing-list.service';
import { OutgoingDocumentResponseDto, OutgoingHistoryEntryResponseDto, OutgoingPageDto } from './dto/outgoing-response.dto';

@ApiTags('outgoing documents')
@ApiBearerAuth()
@Controller('outgoing-documents')
export class OutgoingController {
  constructor(
    private readonly drafts: OutgoingDraftsService,
    private readonly lists: OutgoingListService,
  ) {}

  @Post()
  @RequirePermissions(Permission.OutgoingDraft)
  @ApiCreatedResponse({ type: OutgoingDocumentResponseDto })
  @ApiOperation({ summary: 'Tạo dự thảo / Start a draft with its first version (PDF or DOCX), optionally as the reply to an incoming document' })
  create(@Body() body: CreateOutgoingDraftDto, @CurrentUser() user: AuthenticatedUser): Promise<OutgoingDocumentDto> {
    return this.drafts.create(body, user);
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: OutgoingPageDto })
  @ApiOperation({ summary: 'Danh sách / Working lists: my drafts, waiting for me, approved (keyset pages)' })
  list(@Query() query: OutgoingListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<Page<OutgoingDocumentSummaryDto>> {
    return this.lists.list(query, user);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: OutgoingDocumentResponseDto })
  @ApiOperation({ summary: 'Xem văn bản đi / The draft with its latest version, review chain and PDF to sign' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<OutgoingDocumentDto> {
    return this.drafts.get(id, user);
  }

  @Patch(':id')
  @RequirePermissions(Permission.OutgoingDraft)
  @ApiOkResponse({ type: OutgoingDocumentResponseDto })
  @ApiOperation({ summary: 'Sửa thông tin / Edit the metadata (drafter, while in draft or returned)' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateOutgoingDraftDto, @CurrentUser() user: AuthenticatedUser): Promise<OutgoingDocumentDto> {
    return this.drafts.update(id, body, user);
  }

  @Get(':id/history')
  @Authenticated()
  @ApiOkResponse({ type: [OutgoingHistoryEntryResponseDto] })
  @ApiOperation({ summary: 'Quá trình xử lý / The timeline' })
  history(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<OutgoingHistoryEntryDto[]> {
    return this.drafts.history(id, user);
  }
}
