import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@app/contracts';
import type { AuthConfig, AuthSession, CurrentUser, Permission, Role } from '@app/contracts';

class OrganRefDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '000.00.00.G10' }) organId: string;
  @ApiProperty() name: string;
}

export class CurrentUserDto implements CurrentUser {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, nullable: true }) position: string | null;
  @ApiProperty({ type: String, nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ type: [String] }) permissions: Permission[];
  @ApiProperty({ type: OrganRefDto }) organ: OrganRefDto;
}

export class AuthSessionDto implements AuthSession {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken: string;
  @ApiProperty({ description: 'seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ type: CurrentUserDto }) user: CurrentUserDto;
}

export class AuthConfigDto implements AuthConfig {
  @ApiProperty() oidcEnabled: boolean;
  @ApiProperty({ type: String, nullable: true }) oidcLabel: string | null;
}
