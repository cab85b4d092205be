import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ErrorCode, OutgoingDocumentDto, OutgoingIssuancePreviewDto, Permission } from '@app/contracts';
import { CurrentUser, RequirePermissions } from '../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { badRequest } from '../../platform/errors/app-exception';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { IssueOutgoingDto, SignOutgoingDto } from '../dto/signing.dto';
import { IssuancePreviewResponseDto, OutgoingDocumentResponseDto } from '../dto/outgoing-response.dto';
import { OutgoingIssuanceService } from '../issuance/outgoing-issuance.service';
import { OutgoingDraftsService } from '../outgoing-drafts.service';
import { OutgoingSigningService } from './outgoing-signing.service';

@ApiTags('outgoing documents')
@ApiBearerAuth()
@Controller('outgoing-documents')
export class OutgoingSigningController {
  constructor(
    private readonly signing: OutgoingSigningService,
    private readonly issuance: OutgoingIssuanceService,
    private readonly drafts: OutgoingDraftsService,
  ) {}

  @Post(':id/signature')
  @RequirePermissions(Permission.OutgoingSign)
  @ApiCreatedResponse({ type: OutgoingDocumentResponseDto })
  @ApiOperation({ summary: 'Ký số / The signer signs the PDF to sign (form checked); 422 on a wrong passphrase, nothing changed' })
  async sign(@Param('id', ParseIdPipe) id: string, @Body() body: SignOutgoingDto, @CurrentUser() user: AuthenticatedUser): Promise<OutgoingDocumentDto> {
    await this.signing.sign(id, body, user);
    return this.drafts.get(id, user, { audit: false });
  }

  @Get(':id/issuance-preview')
  @RequirePermissions(Permission.OutgoingCheckForm)
  @ApiQuery({ name: 'registerId', format: 'uuid' })
  @ApiOkResponse({ type: IssuancePreviewResponseDto })
  @ApiOperation({ summary: 'Số sẽ cấp / The number and notation the next issuance in this register would take (a forecast, not reserved)' })
  preview(
    @Param('id', ParseIdPipe) id: string,
    @Query('registerId', new ParseUUIDPipe({ exceptionFactory: () => badRequest(ErrorCode.ValidationFailed, 'Hãy chọn sổ văn bản đi.', 'Choose an outgoing register.', [{ field: 'registerId' }]) })) registerId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OutgoingIssuancePreviewDto> {
    return this.issuance.preview(id, registerId, user);
  }

  @Post(':id/issuance')
  @RequirePermissions(Permission.OutgoingCheckForm)
  @ApiCreatedResponse({ type: OutgoingDocumentResponseDto })
  @ApiOperation({ summary: 'Cấp số, phát hành / A clerk numbers the signed document in an outgoing register, writes number and date, and applies the organisation’s signature; no number is used on failure' })
  async issue(@Param('id', ParseIdPipe) id: string, @Body() body: IssueOutgoingDto, @CurrentUser() user: AuthenticatedUser): Promise<OutgoingDocumentDto> {
    await this.issuance.issue(id, body, user);
    return this.drafts.get(id, user, { audit: false });
  }
}
