import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { CONSULTATION_ANSWERS } from '@app/contracts';
import type { AnswerConsultationRequest, CloseConsultationRequest, ConsultationAnswer, CreateConsultationRequest, UpdateConsultationRequest } from '@app/contracts';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);
const blankToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? (value.trim() === '' ? null : value.normalize('NFC').trim()) : value);
const MAX_RECIPIENTS = 500;

export class CreateConsultationDto implements CreateConsultationRequest {
  @ApiProperty({ example: 'Xin ý kiến về dự thảo Quyết định ban hành Quy chế làm việc' }) @Transform(text) @IsString() @MinLength(5) @MaxLength(1000) question: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(10000) description?: string | null;
  @ApiProperty({ example: '2026-12-15T17:00:00+07:00' }) @IsISO8601({ strict: true }) deadline: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RECIPIENTS) @IsUUID('all', { each: true }) recipientIds: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) draftFileIds?: string[];
}

export class UpdateConsultationDto implements UpdateConsultationRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MinLength(5) @MaxLength(1000) question?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(10000) description?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) deadline?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_RECIPIENTS) @IsUUID('all', { each: true }) recipientIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) draftFileIds?: string[];
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class AnswerConsultationDto implements AnswerConsultationRequest {
  @ApiProperty({ enum: CONSULTATION_ANSWERS }) @IsIn(CONSULTATION_ANSWERS) answer: ConsultationAnswer;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(10000) comment?: string | null;
}

export class CloseConsultationDto implements CloseConsultationRequest {
  @ApiProperty() @Transform(text) @IsString() @MinLength(5) @MaxLength(20000) summary: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ConsultationListQueryDto {
  @ApiPropertyOptional({ enum: ['to_answer', 'mine'], description: 'to_answer: asked of me; mine: sent by me' }) @IsOptional() @IsIn(['to_answer', 'mine']) view?: 'to_answer' | 'mine';
}
