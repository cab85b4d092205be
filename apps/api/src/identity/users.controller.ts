import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/contracts';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { CurrentUser, RequirePermissions } from './auth/access.decorators';
import type { AuthenticatedUser } from './auth/authenticated-user';
import { CreateUserDto, UpdateUserDto, UserListQueryDto, UserPageDto, UserResponseDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermissions(Permission.UsersRead)
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserListQueryDto): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Get(':id')
  @RequirePermissions(Permission.UsersRead)
  @ApiOkResponse({ type: UserResponseDto })
  get(@Param('id', ParseIdPipe) id: string): Promise<UserResponseDto> {
    return this.users.get(id);
  }

  @Post()
  @RequirePermissions(Permission.UsersManage)
  @ApiCreatedResponse({ type: UserResponseDto })
  create(@Body() body: CreateUserDto, @CurrentUser() actor: AuthenticatedUser): Promise<UserResponseDto> {
    return this.users.create(body, actor);
  }

  @Patch(':id')
  @RequirePermissions(Permission.UsersManage)
  @ApiOkResponse({ type: UserResponseDto })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateUserDto, @CurrentUser() actor: AuthenticatedUser): Promise<UserResponseDto> {
    return this.users.update(id, body, actor);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermissions(Permission.UsersManage)
  @ApiOkResponse({ type: UserResponseDto, description: 'clears a lockout after repeated failed logins' })
  unlock(@Param('id', ParseIdPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<UserResponseDto> {
    return this.users.unlock(id, actor);
  }
}
