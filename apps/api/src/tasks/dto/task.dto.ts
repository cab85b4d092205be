import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { TASK_PRIORITIES, TASK_RECURRENCE_FREQUENCIES, TASK_SOURCE_KINDS, TASK_VIEWS } from '@app/contracts';
import type {
  GiveTaskRequest,
  TaskCompletionRequest,
  TaskExtensionDecisionRequest,
  TaskExtensionRequest,
  TaskPriority,
  TaskProgressRequest,
  TaskRecurrenceFrequency,
  TaskRecurrenceRequest,
  TaskReviewRequest,
  TaskSource,
  TaskSourceKind,
  TaskView,
} from '@app/contracts';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = { message: 'ngày dạng yyyy-MM-dd / a date as yyyy-MM-dd' };

export class TaskSourceDto implements TaskSource {
  @ApiProperty({ enum: TASK_SOURCE_KINDS }) @IsIn(TASK_SOURCE_KINDS) kind: TaskSourceKind;
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}

export class GiveTaskDto implements GiveTaskRequest {
  @ApiProperty({ example: 'Báo cáo tình hình triển khai Đề án 06 quý IV' }) @Transform(text) @IsString() @MinLength(2) @MaxLength(500) title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(8000) description?: string | null;
  @ApiPropertyOptional({ format: 'uuid', type: String, nullable: true }) @IsOptional() @IsUUID() assigneeUnitId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', type: String, nullable: true }) @IsOptional() @IsUUID() assigneeUserId?: string | null;
  @ApiProperty({ example: '2026-12-15' }) @Matches(CALENDAR_DATE, DATE_MESSAGE) @IsDateString({ strict: true }) deadline: string;
  @ApiProperty({ enum: TASK_PRIORITIES }) @IsIn(TASK_PRIORITIES) priority: TaskPriority;
  @ApiPropertyOptional({ type: TaskSourceDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => TaskSourceDto) source?: TaskSourceDto | null;
}


export class TaskProgressDto implements TaskProgressRequest {
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) percent: number;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(4000) note?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) fileIds?: string[];
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class TaskExtensionRequestDto implements TaskExtensionRequest {
  @ApiProperty({ example: '2026-12-22' }) @Matches(CALENDAR_DATE, DATE_MESSAGE) @IsDateString({ strict: true }) deadline: string;
  @ApiProperty() @Transform(text) @IsString() @MinLength(5) @MaxLength(2000) reason: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class TaskExtensionDecisionDto implements TaskExtensionDecisionRequest {
  @ApiProperty() @IsBoolean() approve: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class TaskCompletionDto implements TaskCompletionRequest {
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(4000) note?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) fileIds?: string[];
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class TaskReviewDto implements TaskReviewRequest {
  @ApiProperty({ description: 'true: accepted; false: sent back (the note is then required)' }) @IsBoolean() accept: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(4000) note?: string | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class TaskListQueryDto {
  @ApiPropertyOptional({ enum: TASK_VIEWS }) @IsOptional() @IsIn(TASK_VIEWS) view?: TaskView;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  /** with sourceId: only the tasks given from that document or conclusion (the document's page lists them) */
  @ApiPropertyOptional({ enum: TASK_SOURCE_KINDS }) @IsOptional() @IsIn(TASK_SOURCE_KINDS) source?: TaskSourceKind;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sourceId?: string;
}

export class TaskRecurrenceDtoIn implements TaskRecurrenceRequest {
  @ApiProperty({ example: 'Báo cáo tuần' }) @Transform(text) @IsString() @MinLength(2) @MaxLength(500) title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(8000) description?: string | null;
  @ApiPropertyOptional({ format: 'uuid', type: String, nullable: true }) @IsOptional() @IsUUID() assigneeUnitId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', type: String, nullable: true }) @IsOptional() @IsUUID() assigneeUserId?: string | null;
  @ApiProperty({ enum: TASK_PRIORITIES }) @IsIn(TASK_PRIORITIES) priority: TaskPriority;
  @ApiProperty({ enum: TASK_RECURRENCE_FREQUENCIES }) @IsIn(TASK_RECURRENCE_FREQUENCIES) frequency: TaskRecurrenceFrequency;
  @ApiProperty({ description: 'weekly: 1 (Monday) … 7; monthly: 1 … 28' }) @IsInt() @Min(1) @Max(28) day: number;
  @ApiProperty({ minimum: 0, maximum: 60 }) @IsInt() @Min(0) @Max(60) dueInDays: number;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(CALENDAR_DATE, DATE_MESSAGE) @IsDateString({ strict: true }) startsOn?: string | null;
}
