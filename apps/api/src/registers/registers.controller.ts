import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission, RegisterDirection } from '@app/contracts';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { CreateDocumentRegisterDto, DocumentRegisterResponseDto, UpdateDocumentRegisterDto } from './dto/document-register.dto';
import { RegistersService } from './registers.service';

@ApiTags('registers')
@ApiBearerAuth()
@Controller('document-registers')
export class RegistersController {
  constructor(private readonly registers: RegistersService) {}

  @Get()
  @Authenticated()
  @ApiQuery({ name: 'direction', required: false, enum: ['incoming', 'outgoing'] })
  @ApiOkResponse({ type: [DocumentRegisterResponseDto] })
  list(@Query('direction') direction?: string): Promise<DocumentRegisterResponseDto[]> {
    return this.registers.list(direction === 'incoming' || direction === 'outgoing' ? (direction as RegisterDirection) : undefined);
  }

  @Post()
  @RequirePermissions(Permission.RegistersManage)
  @ApiCreatedResponse({ type: DocumentRegisterResponseDto })
  create(@Body() body: CreateDocumentRegisterDto, @CurrentUser() actor: AuthenticatedUser): Promise<DocumentRegisterResponseDto> {
    return this.registers.create(body, actor);
  }

  @Patch(':id')
  @RequirePermissions(Permission.RegistersManage)
  @ApiOkResponse({ type: DocumentRegisterResponseDto })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateDocumentRegisterDto, @CurrentUser() actor: AuthenticatedUser): Promise<DocumentRegisterResponseDto> {
    return this.registers.update(id, body, actor);
  }
}
