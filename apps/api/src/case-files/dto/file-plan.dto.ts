import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { CreateFilePlanRequest, FilePlanEntryInput, FilePlanHeadingInput, Retention } from '@app/contracts';
import { IsRetention, text } from './case-file.dto';

export class CreateFilePlanDto implements CreateFilePlanRequest {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ example: 2026, description: 'copy the headings and entries of that year’s plan' }) @IsOptional() @IsInt() @Min(2000) @Max(2100) copyFromYear?: number;
}

export class FilePlanHeadingDto implements FilePlanHeadingInput {
  @ApiProperty({ example: 'TCCB' }) @Transform(text) @Matches(/^[0-9A-Za-zĐđ][0-9A-Za-zĐđ.\-]{0,19}$/) code: string;
  @ApiProperty({ example: 'Tổ chức cán bộ' }) @Transform(text) @IsString() @MinLength(2) @MaxLength(500) title: string;
}

export class FilePlanEntryDto implements FilePlanEntryInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() headingId: string;
  @ApiProperty({ example: '01' }) @Transform(text) @Matches(/^[0-9]{1,4}$/) ordinal: string;
  @ApiProperty() @Transform(text) @IsString() @MinLength(3) @MaxLength(500) title: string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['permanent'] }] }) @IsRetention() retention: Retention;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() keeperId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(500) note?: string | null;
}
