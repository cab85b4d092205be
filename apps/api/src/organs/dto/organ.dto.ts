import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { CreateOrganRequest, OrganDto, OrganListQuery, Page, UpdateOrganRequest } from '@app/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class OrganResponseDto implements OrganDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '000.00.00.G10' }) organId: string;
  @ApiProperty({ example: 'Bộ Y tế' }) name: string;
  @ApiProperty({ type: String, nullable: true }) shortName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'BYT' }) notation: string | null;
  @ApiProperty({ type: String, nullable: true }) parentOrganId: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty() isSelf: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
}

export class OrganPageDto implements Page<OrganDto> {
  @ApiProperty({ type: [OrganResponseDto] }) items: OrganResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class OrganFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) shortName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'BYT' })
  @IsOptional()
  @Transform(trim)
  @Matches(/^[\p{Lu}0-9\-]{1,20}$/u, { message: 'notation: chữ in hoa, số, gạch ngang (tối đa 20) / capital letters, digits, dash' })
  notation?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(50) parentOrganId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsEmail() @MaxLength(200) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(500) address?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(50) phone?: string | null;
}

export class CreateOrganDto extends OrganFieldsDto implements CreateOrganRequest {
  /** Checked against ORGAN_ID_PATTERN by the service, which answers INVALID_ORGAN_ID. */
  @ApiProperty({ example: '000.00.00.G10', description: 'mã định danh cơ quan (QCVN 102)' })
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  organId: string;

  @ApiProperty({ example: 'Bộ Y tế' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(300) name: string;
}

export class UpdateOrganDto extends OrganFieldsDto implements UpdateOrganRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(300) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiProperty({ description: 'the version last read; a stale one gets 409' }) @IsInt() @Min(1) version: number;
}

export class OrganListQueryDto implements OrganListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(200) limit?: number;
}
