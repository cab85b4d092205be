import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/contracts';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { DuplicateQueryDto, RegisterIncomingDto, RegisterReceivedDto } from './dto/register-incoming.dto';
import {
  IncomingDocumentResponseDto,
  IncomingHistoryEntryResponseDto,
  IncomingSummaryResponseDto,
  RegisterIncomingResponseDto,
} from './dto/incoming-response.dto';
import { IncomingService } from './incoming.service';

@ApiTags('incoming documents')
@ApiBearerAuth()
@Controller('incoming-documents')
export class IncomingController {
  constructor(private readonly incoming: IncomingService) {}

  @Post()
  @RequirePermissions(Permission.IncomingRegister)
  @ApiOperation({ summary: 'Vào sổ văn bản đến / Register an incoming document', description: 'Gives the next arrival number of the register for the year.' })
  @ApiCreatedResponse({ type: RegisterIncomingResponseDto })
  register(@Body() body: RegisterIncomingDto, @CurrentUser() clerk: AuthenticatedUser): Promise<RegisterIncomingResponseDto> {
    return this.incoming.register(body, clerk);
  }

  @Post(':id/registration')
  @RequirePermissions(Permission.IncomingRegister)
  @ApiOperation({ summary: 'Vào sổ văn bản đã nhận qua hệ thống / Register a document received through the System', description: 'Gives the next arrival number; nothing is re-typed.' })
  @ApiCreatedResponse({ type: IncomingDocumentResponseDto })
  registerReceived(@Param('id', ParseIdPipe) id: string, @Body() body: RegisterReceivedDto, @CurrentUser() clerk: AuthenticatedUser): Promise<IncomingDocumentResponseDto> {
    return this.incoming.registerReceived(id, body, clerk);
  }

  @Get('duplicates')
  @RequirePermissions(Permission.IncomingRegister)
  @ApiOperation({ summary: 'Văn bản trùng / Already registered look-alikes (a warning before registering)' })
  @ApiOkResponse({ type: [IncomingSummaryResponseDto] })
  duplicates(@Query() query: DuplicateQueryDto, @CurrentUser() clerk: AuthenticatedUser): Promise<IncomingSummaryResponseDto[]> {
    return this.incoming.findDuplicates(query, clerk);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: IncomingDocumentResponseDto })
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<IncomingDocumentResponseDto> {
    return this.incoming.get(id, user);
  }

  @Get(':id/history')
  @Authenticated()
  @ApiOkResponse({ type: [IncomingHistoryEntryResponseDto] })
  history(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<IncomingHistoryEntryResponseDto[]> {
    return this.incoming.history(id, user);
  }
}
