import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ROLES } from '@app/contracts';
import type { CreateUserRequest, Page, Role, RoleDto, UpdateUserRequest, UserDto, UserListQuery } from '@app/contracts';

export class UserResponseDto implements UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) position: string | null;
  @ApiProperty({ type: String, nullable: true }) unitId: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, nullable: true }) lockedUntil: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
}

export class UserPageDto implements Page<UserDto> {
  @ApiProperty({ type: [UserResponseDto] }) items: UserResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,99}$/;
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'nguyenvana' })
  @Transform(lower)
  @IsString()
  @Matches(USERNAME, { message: 'username: 2–100 chữ thường không dấu, số, dấu chấm, gạch / lower-case letters, digits, dot, dash' })
  username: string;

  @ApiProperty({ example: 'Nguyễn Văn A' }) @IsString() @MinLength(2) @MaxLength(200) fullName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsEmail() @MaxLength(200) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Chuyên viên' }) @IsOptional() @IsString() @MaxLength(200) position?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() unitId?: string | null;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiProperty({ description: 'at least 8 characters with letters and digits' }) @IsString() @MaxLength(200) password: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) fullName?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsEmail() @MaxLength(200) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(200) position?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() unitId?: string | null;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) password?: string;
  @ApiProperty({ description: 'the version last read; a stale one gets 409' }) @IsInt() @Min(1) version: number;
}

export class UserListQueryDto implements UserListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class RoleResponseDto implements RoleDto {
  @ApiProperty({ enum: ROLES }) code: Role;
  @ApiProperty() labelVi: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: [String] }) permissions: RoleDto['permissions'];
}
