import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATES } from '@app/contracts';
import type {
  AssigneeInput,
  AssignmentCompletionRequest,
  AssignmentNoteRequest,
  RejectIncomingRequest,
  AssignmentDto,
  AssignmentRole,
  AssignmentState,
  DelegateAssignmentRequest,
  DirectIncomingRequest,
  SubmitIncomingRequest,
} from '@app/contracts';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);
const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class SubmitIncomingDto implements SubmitIncomingRequest {
  @ApiProperty({ format: 'uuid', description: 'the leader who will direct it' }) @IsUUID() leaderId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class AssigneeDto implements AssigneeInput {
  @ApiProperty({ enum: ASSIGNMENT_ROLES }) @IsIn(ASSIGNMENT_ROLES) role: AssignmentRole;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @IsUUID() unitId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @IsUUID() userId?: string | null;
}

export class DirectIncomingDto implements DirectIncomingRequest {
  @ApiProperty({ example: 'Giao Vụ Pháp chế chủ trì, Văn phòng phối hợp; báo cáo trước ngày 05/12.' })
  @Transform(text)
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  directive: string;

  @ApiProperty({ type: [AssigneeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AssigneeDto)
  assignees: AssigneeDto[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-05' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'dueOn: ngày dạng yyyy-MM-dd / a date as yyyy-MM-dd' })
  @IsDateString({ strict: true })
  dueOn?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'working days from today (weekends and public holidays skipped)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  dueInWorkingDays?: number | null;

  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class DelegateAssignmentDto implements DelegateAssignmentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() userId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Matches(CALENDAR_DATE) @IsDateString({ strict: true }) dueOn?: string | null;
}

export class AssignmentNoteDto implements AssignmentNoteRequest {
  @ApiProperty() @Transform(text) @IsString() @MinLength(2) @MaxLength(4000) text: string;
}

export class AssignmentCompletionDto extends AssignmentNoteDto implements AssignmentCompletionRequest {
  @ApiPropertyOptional({ type: String, nullable: true, example: '120/BYT-PC ngày 28/11/2026' })
  @IsOptional()
  @Transform(text)
  @IsString()
  @MaxLength(200)
  replyReference?: string | null;
}

export class RejectIncomingDto implements RejectIncomingRequest {
  @ApiProperty({ example: 'Văn bản gửi nhầm cơ quan; đề nghị gửi Sở Y tế Nghệ An.' }) @Transform(text) @IsString() @MinLength(5) @MaxLength(2000) reason: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

class RefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}
class PersonDto {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
}

export class AssignmentResponseDto implements AssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty() documentId: string;
  @ApiProperty({ enum: ASSIGNMENT_ROLES }) role: AssignmentRole;
  @ApiProperty({ type: RefDto, nullable: true }) unit: RefDto | null;
  @ApiProperty({ type: PersonDto, nullable: true }) user: PersonDto | null;
  @ApiProperty({ type: PersonDto }) assignedBy: PersonDto;
  @ApiProperty() assignedAt: string;
  @ApiProperty({ type: String, nullable: true }) directive: string | null;
  @ApiProperty({ type: String, nullable: true }) dueOn: string | null;
  @ApiProperty({ enum: ASSIGNMENT_STATES }) state: AssignmentState;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, nullable: true }) completedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() version: number;
}
