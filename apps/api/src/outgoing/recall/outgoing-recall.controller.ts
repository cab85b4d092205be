import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OutgoingDocumentDto } from '@app/contracts';
import { Authenticated, CurrentUser } from '../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { OutgoingDocumentResponseDto } from '../dto/outgoing-response.dto';
import { OutgoingDraftsService } from '../outgoing-drafts.service';
import { OutgoingRecallService } from './outgoing-recall.service';
import { RecallOutgoingDto } from './recall.dto';

@ApiTags('outgoing documents')
@ApiBearerAuth()
@Controller('outgoing-documents')
export class OutgoingRecallController {
  constructor(
    private readonly recalls: OutgoingRecallService,
    private readonly drafts: OutgoingDraftsService,
  ) {}

  @Post(':id/recall')
  // the signer or a clerk: a permission alone does not say it, the service checks (403 otherwise)
  @Authenticated()
  @ApiCreatedResponse({ type: OutgoingDocumentResponseDto })
  @ApiConflictResponse({ description: 'not issued or dispatched, or already recalled' })
  @ApiOperation({ summary: 'Thu hồi / The signer or a clerk recalls an issued document, with the reason; the units’ copies are marked, the agencies get a recall message' })
  async recall(@Param('id', ParseIdPipe) id: string, @Body() body: RecallOutgoingDto, @CurrentUser() user: AuthenticatedUser): Promise<OutgoingDocumentDto> {
    await this.recalls.recall(id, body, user);
    return this.drafts.get(id, user, { audit: false });
  }
}
