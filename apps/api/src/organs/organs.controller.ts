import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/contracts';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { CreateOrganDto, OrganListQueryDto, OrganPageDto, OrganResponseDto, UpdateOrganDto } from './dto/organ.dto';
import { OrgansService } from './organs.service';

@ApiTags('organs')
@ApiBearerAuth()
@Controller('organs')
export class OrgansController {
  constructor(private readonly organs: OrgansService) {}

  @Get()
  @RequirePermissions(Permission.OrgansRead)
  @ApiOkResponse({ type: OrganPageDto })
  list(@Query() query: OrganListQueryDto): Promise<OrganPageDto> {
    return this.organs.list(query);
  }

  @Get(':id')
  @RequirePermissions(Permission.OrgansRead)
  @ApiOkResponse({ type: OrganResponseDto })
  get(@Param('id', ParseIdPipe) id: string): Promise<OrganResponseDto> {
    return this.organs.get(id);
  }

  @Post()
  @RequirePermissions(Permission.OrgansManage)
  @ApiCreatedResponse({ type: OrganResponseDto })
  create(@Body() body: CreateOrganDto, @CurrentUser() actor: AuthenticatedUser): Promise<OrganResponseDto> {
    return this.organs.create(body, actor);
  }

  @Patch(':id')
  @RequirePermissions(Permission.OrgansManage)
  @ApiOkResponse({ type: OrganResponseDto })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateOrganDto, @CurrentUser() actor: AuthenticatedUser): Promise<OrganResponseDto> {
    return this.organs.update(id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.OrgansManage)
  @ApiNoContentResponse()
  remove(@Param('id', ParseIdPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    return this.organs.remove(id, actor);
  }
}
