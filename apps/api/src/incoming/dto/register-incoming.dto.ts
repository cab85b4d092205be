import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CONFIDENTIALITIES, DOCUMENT_TYPE_CODES, RECEIPT_CHANNELS, URGENCIES } from '@app/contracts';
import type { Confidentiality, DocumentTypeCode, ReceiptChannel, RegisterIncomingRequest, RegisterReceivedRequest, Urgency } from '@app/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value);
const emptyToNull = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : trim({ value }));
const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * What a clerk enters when registering a document (Decree 30/2020 Appendix VI), with the
 * lengths of the edXML standard so that the document can later travel over the axis unchanged.
 */
export class RegisterIncomingDto implements RegisterIncomingRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() registerId: string;
  @ApiProperty({ enum: RECEIPT_CHANNELS }) @IsIn(RECEIPT_CHANNELS) receivedVia: ReceiptChannel;
  @ApiPropertyOptional({ description: 'when it arrived (ISO instant); defaults to now' }) @IsOptional() @IsISO8601({ strict: true }) arrivedAt?: string;

  @ApiProperty({ example: 'Văn phòng Chính phủ' }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) issuerName: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '000.00.00.G22' }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(50) issuerOrganId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '15' }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(11) codeNumber?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'QĐ-BYT' }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(30) codeNotation?: string | null;
  @ApiProperty({ example: '2026-11-20' }) @Matches(CALENDAR_DATE, { message: 'promulgatedOn: ngày dạng yyyy-MM-dd / a date as yyyy-MM-dd' }) @IsDateString({ strict: true }) promulgatedOn: string;
  @ApiProperty({ enum: DOCUMENT_TYPE_CODES }) @IsIn(DOCUMENT_TYPE_CODES) documentType: DocumentTypeCode;
  @ApiProperty({ example: 'Về việc triển khai văn bản điện tử' }) @Transform(trim) @IsString() @MinLength(3) @MaxLength(500) subject: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(50) signerName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(100) signerPosition?: string | null;
  @ApiProperty({ enum: URGENCIES }) @IsIn(URGENCIES) urgency: Urgency;
  @ApiProperty({ enum: CONFIDENTIALITIES }) @IsIn(CONFIDENTIALITIES) confidentiality: Confidentiality;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(999) pageCount?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-01' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'dueOn: ngày dạng yyyy-MM-dd / a date as yyyy-MM-dd' })
  @IsDateString({ strict: true })
  dueOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(1000) recipientsText?: string | null;

  @ApiProperty({ format: 'uuid', description: 'uploaded first through POST /api/files' }) @IsUUID() mainFileId: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true }) attachmentFileIds?: string[];
}

export class DuplicateQueryDto {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) issuerName: string;
  @ApiPropertyOptional() @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(11) codeNumber?: string | null;
  @ApiPropertyOptional() @IsOptional() @Transform(emptyToNull) @IsString() @MaxLength(30) codeNotation?: string | null;
  @ApiProperty() @Matches(CALENDAR_DATE) @IsDateString({ strict: true }) promulgatedOn: string;
}

export class RegisterReceivedDto implements RegisterReceivedRequest {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'defaults to the register it arrived in' }) @IsOptional() @IsUUID() registerId?: string | null;
  @ApiProperty() @IsInt() @Min(1) version: number;
}
