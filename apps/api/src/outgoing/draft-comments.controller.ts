import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DraftCommentDto } from '@app/contracts';
import { Authenticated, CurrentUser } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { DraftCommentsService } from './draft-comments.service';
import { AddDraftCommentDto, CommentListQueryDto } from './dto/outgoing-draft.dto';
import { DraftCommentResponseDto } from './dto/outgoing-response.dto';

@ApiTags('outgoing documents')
@ApiBearerAuth()
@Controller('outgoing-documents')
export class DraftCommentsController {
  constructor(private readonly comments: DraftCommentsService) {}

  @Post(':id/comments')
  @Authenticated()
  @ApiCreatedResponse({ type: DraftCommentResponseDto })
  @ApiOperation({ summary: 'Góp ý / Comment on a version, or answer a comment' })
  add(@Param('id', ParseIdPipe) id: string, @Body() body: AddDraftCommentDto, @CurrentUser() user: AuthenticatedUser): Promise<DraftCommentDto> {
    return this.comments.add(id, body, user);
  }

  @Get(':id/comments')
  @Authenticated()
  @ApiOkResponse({ type: [DraftCommentResponseDto] })
  @ApiOperation({ summary: 'Các góp ý / The comments as threads, per version' })
  list(@Param('id', ParseIdPipe) id: string, @Query() query: CommentListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<DraftCommentDto[]> {
    return this.comments.list(id, query.versionNumber, user);
  }
}
