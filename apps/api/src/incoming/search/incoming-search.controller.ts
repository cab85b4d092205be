import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { IncomingSearchPageDto, IncomingSearchQueryDto } from './dto/incoming-search.dto';
import { IncomingSearchService } from './incoming-search.service';

/** Registered before IncomingController in the module, so that /search is not taken for an /:id. */
@ApiTags('incoming documents')
@ApiBearerAuth()
@Controller('incoming-documents')
export class IncomingSearchController {
  constructor(private readonly searching: IncomingSearchService) {}

  @Get('search')
  @Authenticated()
  @ApiOperation({
    summary: 'Tìm kiếm văn bản đến / Search incoming documents',
    description: 'Number, subject, issuer, signer and the text of the file; accents and case ignored ("quyet dinh" finds "Quyết định"); ranked; highlighted snippets; only documents the caller may see.',
  })
  @ApiOkResponse({ type: IncomingSearchPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with details[0].reason: empty, too_long, no_words or exclusions_only' })
  search(@Query() query: IncomingSearchQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<IncomingSearchPageDto> {
    return this.searching.search(query, user);
  }
}
