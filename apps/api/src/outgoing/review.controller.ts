import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/contracts';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { ReviewDecisionDto, SetReviewChainDto, SubmitDraftDto } from './dto/outgoing-draft.dto';
import { ReviewService } from './review.service';

@ApiTags('outgoing documents')
@ApiBearerAuth()
@Controller('outgoing-documents')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Put(':id/review-chain')
  @HttpCode(204)
  @RequirePermissions(Permission.OutgoingDraft)
  @ApiOperation({ summary: 'Quy trình duyệt / Set the review chain: add or skip reviewers (drafter, while in draft or returned)' })
  @ApiNoContentResponse()
  setChain(@Param('id', ParseIdPipe) id: string, @Body() body: SetReviewChainDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.review.setChain(id, body, user);
  }

  @Post(':id/submission')
  @HttpCode(204)
  @RequirePermissions(Permission.OutgoingDraft)
  @ApiOperation({ summary: 'Trình duyệt / Submit the draft to its chain (again after a return)' })
  @ApiNoContentResponse()
  submit(@Param('id', ParseIdPipe) id: string, @Body() body: SubmitDraftDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.review.submit(id, body, user);
  }

  @Post(':id/decisions')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Cho ý kiến / The current reviewer passes the draft on (forward, form checked, approve) or returns it with a comment' })
  @ApiNoContentResponse()
  decide(@Param('id', ParseIdPipe) id: string, @Body() body: ReviewDecisionDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.review.decide(id, body, user);
  }

  @Post(':id/pdf-for-signing')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Chuyển lại sang PDF / Ask again for the PDF to sign (after a failed conversion or once LibreOffice is installed)' })
  @ApiNoContentResponse()
  convertAgain(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.review.retryConversion(id, user);
  }
}
