import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/contracts';
import { CurrentUser, RequirePermissions } from './auth/access.decorators';
import type { AuthenticatedUser } from './auth/authenticated-user';
import { CreateUnitDto, UnitResponseDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @RequirePermissions(Permission.UnitsRead)
  @ApiOkResponse({ type: [UnitResponseDto], description: 'every unit, flat; parentId builds the tree' })
  list(): Promise<UnitResponseDto[]> {
    return this.units.list();
  }

  @Get(':id')
  @RequirePermissions(Permission.UnitsRead)
  @ApiOkResponse({ type: UnitResponseDto })
  get(@Param('id', ParseIdPipe) id: string): Promise<UnitResponseDto> {
    return this.units.get(id);
  }

  @Post()
  @RequirePermissions(Permission.UnitsManage)
  @ApiCreatedResponse({ type: UnitResponseDto })
  create(@Body() body: CreateUnitDto, @CurrentUser() actor: AuthenticatedUser): Promise<UnitResponseDto> {
    return this.units.create(body, actor);
  }

  @Patch(':id')
  @RequirePermissions(Permission.UnitsManage)
  @ApiOkResponse({ type: UnitResponseDto })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateUnitDto, @CurrentUser() actor: AuthenticatedUser): Promise<UnitResponseDto> {
    return this.units.update(id, body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.UnitsManage)
  @ApiNoContentResponse()
  remove(@Param('id', ParseIdPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    return this.units.remove(id, actor);
  }
}
