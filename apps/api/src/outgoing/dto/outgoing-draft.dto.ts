import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { CONFIDENTIALITIES, DOCUMENT_TYPE_CODES, OUTGOING_VIEWS, REVIEW_DECISIONS, REVIEW_STEP_KINDS, URGENCIES } from '@app/contracts';
import type {
  AddDraftCommentRequest,
  AddDraftVersionRequest,
  Confidentiality,
  CreateOutgoingDraftRequest,
  DocumentTypeCode,
  OutgoingListQuery,
  OutgoingView,
  ReviewDecision,
  ReviewDecisionRequest,
  ReviewStepInput,
  ReviewStepKind,
  SetReviewChainRequest,
  SubmitDraftRequest,
  UpdateOutgoingDraftRequest,
  Urgency,
} from '@app/contracts';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);
const blankToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
/** Recipients are few on a document; a hundred is already a circular. */
const MAX_RECIPIENTS = 200;
const MAX_ATTACHMENTS = 50;
/** Optional but never null: leaving a field out keeps it, a null would erase what the document cannot lack. */
const Present = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

export class CreateOutgoingDraftDto implements CreateOutgoingDraftRequest {
  @ApiProperty({ enum: DOCUMENT_TYPE_CODES }) @IsIn(DOCUMENT_TYPE_CODES) documentType: DocumentTypeCode;
  @ApiProperty({ example: 'V/v góp ý dự thảo Thông tư hướng dẫn khám sức khỏe' }) @Transform(text) @IsString() @MinLength(3) @MaxLength(500) subject: string;
  @ApiProperty({ enum: URGENCIES }) @IsIn(URGENCIES) urgency: Urgency;
  @ApiProperty({ enum: CONFIDENTIALITIES }) @IsIn(CONFIDENTIALITIES) confidentiality: Confidentiality;
  @ApiProperty({ format: 'uuid', description: 'người ký: a user who may sign (outgoing.sign)' }) @IsUUID() signerId: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_RECIPIENTS) @IsUUID('all', { each: true }) recipientUnitIds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'ids of the organ directory' }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_RECIPIENTS) @IsUUID('all', { each: true }) recipientOrganIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true, example: '- Như trên;\n- Lưu: VT, PC.' }) @IsOptional() @Transform(text) @IsString() @MaxLength(2000) recipientsText?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'the incoming document this answers' }) @IsOptional() @IsUUID() replyToIncomingId?: string | null;
  @ApiProperty({ format: 'uuid', description: 'uploaded with POST /api/files; PDF or DOCX' }) @IsUUID() mainFileId: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_ATTACHMENTS) @IsUUID('all', { each: true }) attachmentFileIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'an issued document this draft replaces (thay thế)' }) @IsOptional() @IsUUID() replacesId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'why the document is replaced; required with replacesId' })
  @ValidateIf((draft: CreateOutgoingDraftDto) => Boolean(draft.replacesId) || (draft.replacementReason !== undefined && draft.replacementReason !== null))
  @Transform(text) @IsString() @MinLength(5) @MaxLength(2000) replacementReason?: string | null;
}

export class UpdateOutgoingDraftDto implements UpdateOutgoingDraftRequest {
  @ApiPropertyOptional({ enum: DOCUMENT_TYPE_CODES }) @Present() @IsIn(DOCUMENT_TYPE_CODES) documentType?: DocumentTypeCode;
  @ApiPropertyOptional() @Present() @Transform(text) @IsString() @MinLength(3) @MaxLength(500) subject?: string;
  @ApiPropertyOptional({ enum: URGENCIES }) @Present() @IsIn(URGENCIES) urgency?: Urgency;
  @ApiPropertyOptional({ enum: CONFIDENTIALITIES }) @Present() @IsIn(CONFIDENTIALITIES) confidentiality?: Confidentiality;
  @ApiPropertyOptional({ format: 'uuid' }) @Present() @IsUUID() signerId?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_RECIPIENTS) @IsUUID('all', { each: true }) recipientUnitIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(MAX_RECIPIENTS) @IsUUID('all', { each: true }) recipientOrganIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(2000) recipientsText?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() replyToIncomingId?: string | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class AddDraftVersionDto implements AddDraftVersionRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() mainFileId: string;
  @ApiPropertyOptional({ type: [String], description: 'omitted: the previous version’s attachments are kept; [] removes them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @IsUUID('all', { each: true })
  attachmentFileIds?: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class CompareVersionsQueryDto {
  @ApiProperty() @Transform(toNumber) @IsInt() @Min(1) from: number;
  @ApiProperty() @Transform(toNumber) @IsInt() @Min(1) to: number;
}

export class ReviewStepInputDto implements ReviewStepInput {
  @ApiProperty({ enum: REVIEW_STEP_KINDS }) @IsIn(REVIEW_STEP_KINDS) kind: ReviewStepKind;
  @ApiProperty({ format: 'uuid' }) @IsUUID() reviewerId: string;
}

export class SetReviewChainDto implements SetReviewChainRequest {
  @ApiProperty({ type: [ReviewStepInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReviewStepInputDto)
  steps: ReviewStepInputDto[];
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class SubmitDraftDto implements SubmitDraftRequest {
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() restartFromFirst?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ReviewDecisionDto implements ReviewDecisionRequest {
  @ApiProperty({ enum: REVIEW_DECISIONS }) @IsIn(REVIEW_DECISIONS) decision: ReviewDecision;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'required to return' }) @IsOptional() @Transform(text) @IsString() @MaxLength(4000) comment?: string | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class AddDraftCommentDto implements AddDraftCommentRequest {
  @ApiProperty() @IsInt() @Min(1) versionNumber: number;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string | null;
  @ApiProperty() @Transform(text) @IsString() @MinLength(1) @MaxLength(4000) text: string;
}

export class CommentListQueryDto {
  @ApiPropertyOptional({ description: 'only the comments on this version' }) @IsOptional() @Transform(toNumber) @IsInt() @Min(1) versionNumber?: number;
}

export class OutgoingListQueryDto implements OutgoingListQuery {
  @ApiPropertyOptional({ enum: OUTGOING_VIEWS, default: 'mine' }) @IsOptional() @Transform(blankToUndefined) @IsIn(OUTGOING_VIEWS) view?: OutgoingView;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same view' }) @IsOptional() @Transform(blankToUndefined) @IsString() @MaxLength(300) cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(200) limit?: number;
}
