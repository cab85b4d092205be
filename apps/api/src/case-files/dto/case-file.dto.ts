import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { CASE_FILE_DOCUMENT_KINDS, CASE_FILE_MEDIA, CASE_FILE_SHARE_ACCESS, CASE_FILE_STATES, USAGE_MODES } from '@app/contracts';
import type {
  CaseFileDocumentKind,
  CaseFileListQuery,
  CaseFileMedium,
  CaseFileShareAccess,
  CaseFileState,
  LinkDocumentRequest,
  OpenCaseFileRequest,
  Retention,
  UpdateCaseFileDocumentRequest,
  UpdateCaseFileRequest,
  UsageMode,
} from '@app/contracts';

export const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value);
export const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
/** Optional but never null: leaving a field out keeps it, a null would erase what the file cannot lack. */
export const Present = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** Thời hạn bảo quản: a whole number of years (1–100) or `permanent`. */
export const IsRetention = () =>
  ValidateBy({
    name: 'isRetention',
    validator: {
      validate: (value: unknown) => value === 'permanent' || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100),
      defaultMessage: () => 'retention must be a number of years (1–100) or "permanent"',
    },
  });

/** `01.TCCB`, `05.VP-HC`: letters, digits, dots and dashes. */
export const CASE_CODE = /^[0-9A-Za-zĐđ][0-9A-Za-zĐđ.\-/]{0,29}$/;

export class OpenCaseFileDto implements OpenCaseFileRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'the planned entry; its code, title, retention and keeper are the defaults' }) @IsOptional() @IsUUID() planEntryId?: string;
  @ApiPropertyOptional({ example: '01.TCCB' }) @IsOptional() @Transform(text) @Matches(CASE_CODE) code?: string;
  @ApiPropertyOptional({ example: 'Hồ sơ xây dựng quy chế làm việc' }) @IsOptional() @Transform(text) @IsString() @MinLength(3) @MaxLength(500) title?: string;
  @ApiPropertyOptional({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['permanent'] }] }) @IsOptional() @IsRetention() retention?: Retention;
  @ApiPropertyOptional({ enum: USAGE_MODES }) @IsOptional() @IsIn(USAGE_MODES) usageMode?: UsageMode;
  @ApiPropertyOptional({ enum: CASE_FILE_MEDIA }) @IsOptional() @IsIn(CASE_FILE_MEDIA) medium?: CaseFileMedium;
  @ApiPropertyOptional({ format: 'uuid', description: 'người lập hồ sơ; the caller by default' }) @IsOptional() @IsUUID() keeperId?: string;
  @ApiPropertyOptional({ example: '2026-11-30' }) @IsOptional() @IsDateString({ strict: true }) startDate?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(500) description?: string | null;
}

export class UpdateCaseFileDto implements UpdateCaseFileRequest {
  @ApiPropertyOptional() @Present() @Transform(text) @IsString() @MinLength(3) @MaxLength(500) title?: string;
  @ApiPropertyOptional() @Present() @IsRetention() retention?: Retention;
  @ApiPropertyOptional({ enum: USAGE_MODES }) @Present() @IsIn(USAGE_MODES) usageMode?: UsageMode;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(500) description?: string | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class LinkDocumentDto implements LinkDocumentRequest {
  @ApiProperty({ enum: CASE_FILE_DOCUMENT_KINDS }) @IsIn(CASE_FILE_DOCUMENT_KINDS) kind: CaseFileDocumentKind;
  @ApiPropertyOptional({ format: 'uuid' }) @ValidateIf((body: LinkDocumentDto) => body.kind !== 'internal') @IsUUID() documentId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'internal paper: uploaded with POST /api/files' }) @ValidateIf((body: LinkDocumentDto) => body.kind === 'internal') @IsUUID() fileId?: string;
  @ApiPropertyOptional() @ValidateIf((body: LinkDocumentDto) => body.kind === 'internal') @Transform(text) @IsString() @MinLength(3) @MaxLength(500) title?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(60) numberAndNotation?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsDateString({ strict: true }) documentDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(100) typeName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(200) author?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100000) pageCount?: number | null;
}

export class UpdateCaseFileDocumentDto implements UpdateCaseFileDocumentRequest {
  @ApiPropertyOptional() @Present() @Transform(text) @IsString() @MinLength(3) @MaxLength(500) title?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(60) numberAndNotation?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsDateString({ strict: true }) documentDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(100) typeName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(text) @IsString() @MaxLength(200) author?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100000) pageCount?: number | null;
}

export class AddNoteDto {
  @ApiProperty() @Transform(text) @IsString() @MinLength(1) @MaxLength(5000) text: string;
}

export class ShareCaseFileDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() userId: string;
  @ApiProperty({ enum: CASE_FILE_SHARE_ACCESS }) @IsIn(CASE_FILE_SHARE_ACCESS) access: CaseFileShareAccess;
}

export class VersionDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class CaseFileListQueryDto implements CaseFileListQuery {
  @ApiPropertyOptional({ enum: ['mine', 'shared', 'unit', 'to_hand_over', 'archive'] }) @IsOptional() @IsIn(['mine', 'shared', 'unit', 'to_hand_over', 'archive']) view?: CaseFileListQuery['view'];
  @ApiPropertyOptional() @IsOptional() @Transform(toNumber) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: CASE_FILE_STATES }) @IsOptional() @IsIn(CASE_FILE_STATES) state?: CaseFileState;
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(200) limit?: number;
}
