import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { INVITATION_ANSWERS, MATERIAL_ACCESS, PARTICIPANT_KINDS, PARTICIPANT_ROLES, SPEAKER_KINDS } from '@app/contracts';
import type {
  AddMaterialVersionRequest,
  AgendaItemInput,
  AnswerInvitationRequest,
  CheckInRequest,
  ConclusionTaskInput,
  CreateMaterialRequest,
  CreateMeetingRequest,
  CreateMeetingRoomRequest,
  CreatePollRequest,
  InvitationAnswer,
  MaterialAccess,
  MeetingScheduleQuery,
  OrderSpeakersRequest,
  ParticipantInput,
  ParticipantKind,
  ParticipantRole,
  PublishMaterialVersionRequest,
  RequestToSpeakRequest,
  SetAgendaRequest,
  SpeakerKind,
  TaskPriorityInput,
  UpdateConclusionRequest,
  UpdateMeetingRequest,
  UpdateMeetingRoomRequest,
  VoteRequest,
  WriteConclusionRequest,
} from '@app/contracts';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);
const blankToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? (value.trim() === '' ? null : value.normalize('NFC').trim()) : value);
/** A meeting has a few hundred participants at most (the whole staff of a ministry's meeting hall). */
const MAX_PARTICIPANTS = 500;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class MeetingRoomDto implements CreateMeetingRoomRequest {
  @ApiProperty({ example: 'Phòng họp tầng 3' }) @Transform(text) @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(300) location?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(5000) capacity?: number | null;
}

export class UpdateMeetingRoomDto implements UpdateMeetingRoomRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(300) location?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(5000) capacity?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class ParticipantInputDto implements ParticipantInput {
  @ApiProperty({ enum: PARTICIPANT_KINDS }) @IsIn(PARTICIPANT_KINDS) kind: ParticipantKind;
  @ApiProperty({ enum: PARTICIPANT_ROLES }) @IsIn(PARTICIPANT_ROLES) role: ParticipantRole;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() userId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(200) guestName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsEmail() @MaxLength(200) guestEmail?: string | null;
}

export class CreateMeetingDto implements CreateMeetingRequest {
  @ApiProperty({ example: 'Giao ban Lãnh đạo Bộ tuần 49' }) @Transform(text) @IsString() @MinLength(3) @MaxLength(500) title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(5000) description?: string | null;
  @ApiProperty({ example: '2026-12-07T08:00:00+07:00' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ example: '2026-12-07T10:00:00+07:00' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() roomId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(300) place?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(1000) onlineLink?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confidential?: boolean;
  @ApiProperty({ type: [ParticipantInputDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_PARTICIPANTS) @ValidateNested({ each: true }) @Type(() => ParticipantInputDto) participants: ParticipantInputDto[];
}

export class UpdateMeetingDto implements UpdateMeetingRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MinLength(3) @MaxLength(500) title?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(5000) description?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) startsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) endsAt?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() roomId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(300) place?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(1000) onlineLink?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional({ type: [ParticipantInputDto] }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_PARTICIPANTS) @ValidateNested({ each: true }) @Type(() => ParticipantInputDto) participants?: ParticipantInputDto[];
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class VersionDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class MeetingScheduleQueryDto implements MeetingScheduleQuery {
  @ApiProperty({ example: '2026-12-07', description: 'first day (Vietnam time), yyyy-mm-dd' }) @Matches(DATE) from: string;
  @ApiProperty({ example: '2026-12-13', description: 'last day, included; at most 62 days after `from`' }) @Matches(DATE) to: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() roomId?: string;
}

export class AnswerInvitationDto implements AnswerInvitationRequest {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() participantId?: string;
  @ApiProperty({ enum: INVITATION_ANSWERS.filter((answer) => answer !== 'pending') }) @IsIn(INVITATION_ANSWERS.filter((answer) => answer !== 'pending')) answer: Exclude<InvitationAnswer, 'pending'>;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'with answer `delegate`' }) @IsOptional() @IsUUID() delegateId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(1000) note?: string | null;
}

export class AgendaItemInputDto implements AgendaItemInput {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() id?: string;
  @ApiProperty() @Transform(text) @IsString() @MinLength(2) @MaxLength(500) title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(5000) description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() presenterId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(blankToNull) @IsString() @MaxLength(200) presenterName?: string | null;
  @ApiProperty({ minimum: 1, maximum: 600 }) @IsInt() @Min(1) @Max(600) durationMinutes: number;
}

export class SetAgendaDto implements SetAgendaRequest {
  @ApiProperty({ type: [AgendaItemInputDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AgendaItemInputDto) items: AgendaItemInputDto[];
}

export class CreateMaterialDto implements CreateMaterialRequest {
  @ApiProperty() @Transform(text) @IsString() @MinLength(2) @MaxLength(500) title: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() agendaItemId?: string | null;
  @ApiPropertyOptional({ enum: MATERIAL_ACCESS }) @IsOptional() @IsIn(MATERIAL_ACCESS) access?: MaterialAccess;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_PARTICIPANTS) @IsUUID('all', { each: true }) readerIds?: string[];
  @ApiProperty({ format: 'uuid' }) @IsUUID() fileId: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() publishNow?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsISO8601({ strict: true }) publishAt?: string | null;
}

export class AddMaterialVersionDto implements AddMaterialVersionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() fileId: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() publishNow?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsISO8601({ strict: true }) publishAt?: string | null;
}

export class PublishMaterialVersionDto implements PublishMaterialVersionRequest {
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsISO8601({ strict: true }) at?: string | null;
}

export class CheckInDto implements CheckInRequest {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() participantId?: string;
}

export class RequestToSpeakDto implements RequestToSpeakRequest {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() agendaItemId?: string | null;
  @ApiPropertyOptional({ enum: SPEAKER_KINDS }) @IsOptional() @IsIn(SPEAKER_KINDS) kind?: SpeakerKind;
}

export class OrderSpeakersDto implements OrderSpeakersRequest {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(MAX_PARTICIPANTS) @IsUUID('all', { each: true }) speakerIds: string[];
}

export class CreatePollDto implements CreatePollRequest {
  @ApiProperty({ example: 'Thông qua dự thảo Thông tư' }) @Transform(text) @IsString() @MinLength(3) @MaxLength(1000) question: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() agendaItemId?: string | null;
  @ApiProperty() @IsBoolean() secret: boolean;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMinSize(2) @ArrayMaxSize(20) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(300, { each: true }) options?: string[];
}

export class VoteDto implements VoteRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() optionId: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() participantId?: string;
}

export class ConclusionTaskInputDto implements ConclusionTaskInput {
  @ApiProperty() @Transform(text) @IsString() @MinLength(3) @MaxLength(500) title: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() assigneeUnitId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() assigneeUserId?: string | null;
  @ApiProperty({ example: '2026-12-31' }) @Matches(DATE) deadline: string;
  @ApiPropertyOptional({ enum: ['normal', 'high', 'urgent'] }) @IsOptional() @IsIn(['normal', 'high', 'urgent']) priority?: TaskPriorityInput;
}

export class WriteConclusionDto implements WriteConclusionRequest {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() agendaItemId?: string | null;
  @ApiProperty() @Transform(text) @IsString() @MinLength(3) @MaxLength(20000) text: string;
  @ApiPropertyOptional({ type: [ConclusionTaskInputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ConclusionTaskInputDto) tasks?: ConclusionTaskInputDto[];
}

export class UpdateConclusionDto extends WriteConclusionDto implements UpdateConclusionRequest {
  @ApiProperty() @IsInt() @Min(1) version: number;
}
