import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { CreateBorrowRequest, CreateHandoverRequest, DecideBorrowRequest } from '@app/contracts';
import { text, toNumber } from './case-file.dto';

export class CreateHandoverDto implements CreateHandoverRequest {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true }) caseFileIds: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(1000) note?: string | null;
}

export class CreateBorrowDto implements CreateBorrowRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() caseFileId: string;
  @ApiProperty() @Transform(text) @IsString() @MinLength(3) @MaxLength(1000) purpose: string;
  @ApiProperty({ example: '2026-12-31' }) @IsDateString({ strict: true }) until: string;
}

export class DecideBorrowDto implements DecideBorrowRequest {
  @ApiProperty({ enum: ['approve', 'refuse', 'return'] }) @IsIn(['approve', 'refuse', 'return']) decision: 'approve' | 'refuse' | 'return';
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(1000) note?: string | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class OnlineShareQueryDto {
  @ApiProperty({ example: 2026 }) @Transform(toNumber) @IsInt() @Min(2000) @Max(2100) from: number;
  @ApiProperty({ example: 2026 }) @Transform(toNumber) @IsInt() @Min(2000) @Max(2100) to: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
}

export class RetentionExpiryQueryDto {
  @ApiPropertyOptional({ example: '2031-12-31', description: 'expiring on or before; today by default' }) @IsOptional() @IsDateString({ strict: true }) until?: string;
}
