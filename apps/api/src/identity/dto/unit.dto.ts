import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { UNIT_KINDS } from '@app/contracts';
import type { CreateUnitRequest, UnitDto, UnitKind, UpdateUnitRequest } from '@app/contracts';

export class UnitResponseDto implements UnitDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'VP' }) code: string;
  @ApiProperty({ example: 'Văn phòng Bộ' }) name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty() sortOrder: number;
  @ApiProperty() version: number;
}

export class CreateUnitDto implements CreateUnitRequest {
  @ApiProperty({ example: 'VP', description: 'short code, capital letters, digits, dash or dot' })
  @IsString()
  @Matches(/^[A-Z0-9Đ][A-Z0-9Đ.\-_]{0,49}$/u, { message: 'code: chữ in hoa, số, dấu chấm hoặc gạch ngang (tối đa 50) / capital letters, digits, dot or dash' })
  code: string;

  @ApiProperty({ example: 'Văn phòng Bộ' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;
}

export class UpdateUnitDto implements UpdateUnitRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[A-Z0-9Đ][A-Z0-9Đ.\-_]{0,49}$/u) code?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(300) name?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: UnitKind;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) sortOrder?: number;
  @ApiProperty({ description: 'the version last read; a stale one gets 409' }) @IsInt() @Min(1) version: number;
}
