import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OutgoingDocumentDto, Permission } from '@app/contracts';
import { CurrentUser, RequirePermissions } from '../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { OutgoingDocumentResponseDto } from '../dto/outgoing-response.dto';
import { OutgoingDraftsService } from '../outgoing-drafts.service';
import { DispatchOutgoingDto } from './dispatch.dto';
import { OutgoingDispatchService } from './outgoing-dispatch.service';

@ApiTags('outgoing documents')
@ApiBearerAuth()
@Controller('outgoing-documents')
export class OutgoingDispatchController {
  constructor(
    private readonly dispatching: OutgoingDispatchService,
    private readonly drafts: OutgoingDraftsService,
  ) {}

  @Post(':id/dispatch')
  // the clerks keep the registers and dispatch (Decree 30 Art. 16), as they issue
  @RequirePermissions(Permission.OutgoingCheckForm)
  @ApiCreatedResponse({ type: OutgoingDocumentResponseDto })
  @ApiConflictResponse({ description: 'not issued, or already dispatched' })
  @ApiOperation({ summary: 'Phát hành / A clerk dispatches the issued document: units get it as incoming, agencies’ messages wait for the axis' })
  async dispatch(@Param('id', ParseIdPipe) id: string, @Body() body: DispatchOutgoingDto, @CurrentUser() user: AuthenticatedUser): Promise<OutgoingDocumentDto> {
    await this.dispatching.dispatch(id, body, user);
    return this.drafts.get(id, user, { audit: false });
  }
}
