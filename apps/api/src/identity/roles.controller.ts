import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission, ROLE_LABELS, ROLE_PERMISSIONS, ROLES } from '@app/contracts';
import { RequirePermissions } from './auth/access.decorators';
import { RoleResponseDto } from './dto/user.dto';

/** The roles are fixed by the product (libs/contracts); this lists them with what each may do. */
@ApiTags('roles')
@ApiBearerAuth()
@Controller('roles')
export class RolesController {
  @Get()
  @RequirePermissions(Permission.UsersRead)
  @ApiOkResponse({ type: [RoleResponseDto] })
  list(): RoleResponseDto[] {
    return ROLES.map((code) => ({ code, labelVi: ROLE_LABELS[code].vi, labelEn: ROLE_LABELS[code].en, permissions: [...ROLE_PERMISSIONS[code]] }));
  }
}
