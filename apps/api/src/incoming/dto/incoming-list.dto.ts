import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DOCUMENT_TYPE_CODES, INCOMING_SORTS, INCOMING_STATES, INCOMING_VIEWS, URGENCIES } from '@app/contracts';
import type { DocumentTypeCode, IncomingCounts, IncomingListQuery, IncomingSort, IncomingState, IncomingView, UnitWorkloadDto, Urgency } from '@app/contracts';
import { blankToUndefined, toNumber } from './query-transforms';

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const trimText = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') || undefined : value);
const dateMessage = (field: string) => ({ message: `${field}: ngày dạng yyyy-MM-dd / a date as yyyy-MM-dd` });

/** GET /api/incoming-documents: a working list, filters, a sort and a keyset cursor. */
export class IncomingListQueryDto implements IncomingListQuery {
  @ApiPropertyOptional({ enum: INCOMING_VIEWS, default: 'all' }) @IsOptional() @Transform(blankToUndefined) @IsIn(INCOMING_VIEWS) view?: IncomingView;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Transform(blankToUndefined) @IsUUID() registerId?: string;
  @ApiPropertyOptional({ description: 'the arrival year (năm của số đến)' }) @IsOptional() @Transform(toNumber) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ description: 'part of the issuer’s name; accents and case ignored' })
  @IsOptional()
  @Transform(trimText)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  issuer?: string;
  @ApiPropertyOptional({ enum: DOCUMENT_TYPE_CODES }) @IsOptional() @Transform(blankToUndefined) @IsIn(DOCUMENT_TYPE_CODES) documentType?: DocumentTypeCode;
  @ApiPropertyOptional({ enum: URGENCIES }) @IsOptional() @Transform(blankToUndefined) @IsIn(URGENCIES) urgency?: Urgency;
  @ApiPropertyOptional({ enum: INCOMING_STATES }) @IsOptional() @Transform(blankToUndefined) @IsIn(INCOMING_STATES) state?: IncomingState;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'arrived on or after this day (Vietnam)' })
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(CALENDAR_DATE, dateMessage('arrivedFrom'))
  @IsDateString({ strict: true })
  arrivedFrom?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'arrived on or before this day (Vietnam)' })
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(CALENDAR_DATE, dateMessage('arrivedTo'))
  @IsDateString({ strict: true })
  arrivedTo?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'open work (lead or support) held by this unit or one of its people' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ enum: INCOMING_SORTS, default: 'arrived_desc' }) @IsOptional() @Transform(blankToUndefined) @IsIn(INCOMING_SORTS) sort?: IncomingSort;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same view, filters and sort' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MaxLength(300)
  cursor?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class IncomingCountsResponseDto implements IncomingCounts {
  @ApiProperty() to_register: number;
  @ApiProperty() to_direct: number;
  @ApiProperty() assigned_to_me: number;
  @ApiProperty() my_unit: number;
  @ApiProperty() supporting: number;
  @ApiProperty() for_information: number;
  @ApiProperty() due_soon: number;
  @ApiProperty() overdue: number;
}

class UnitRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class UnitWorkloadResponseDto implements UnitWorkloadDto {
  @ApiProperty({ type: UnitRefDto }) unit: UnitRefDto;
  @ApiProperty({ description: 'open documents the unit (or one of its people) leads or supports' }) inProgress: number;
  @ApiProperty({ description: 'of those, due within the next 3 working days' }) dueSoon: number;
  @ApiProperty({ description: 'of those, past their deadline' }) overdue: number;
}

export const REGISTER_EXPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type RegisterExportFormat = (typeof REGISTER_EXPORT_FORMATS)[number];

/** GET /api/incoming-documents/register-export: the incoming register (Decree 30, Appendix IV §VI) for a date range. */
export class RegisterExportQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() registerId: string;
  @ApiProperty({ example: '2026-11-01', description: 'first arrival day (Vietnam)' }) @Matches(CALENDAR_DATE, dateMessage('from')) @IsDateString({ strict: true }) from: string;
  @ApiProperty({ example: '2026-11-30', description: 'last arrival day (Vietnam)' }) @Matches(CALENDAR_DATE, dateMessage('to')) @IsDateString({ strict: true }) to: string;
  @ApiProperty({ enum: REGISTER_EXPORT_FORMATS }) @IsIn(REGISTER_EXPORT_FORMATS) format: RegisterExportFormat;
}
