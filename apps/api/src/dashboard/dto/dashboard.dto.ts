import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DASHBOARD_TABLES } from '@app/contracts';
import type { DashboardTable } from '@app/contracts';

const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = { message: 'ngày dạng yyyy-MM-dd / a date as yyyy-MM-dd' };

export class CompletionQueryDto {
  @ApiPropertyOptional({ description: 'accepted on or after (Vietnam date); default 1 January' }) @IsOptional() @Matches(CALENDAR_DATE, DATE_MESSAGE) @IsDateString({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'accepted on or before; default today' }) @IsOptional() @Matches(CALENDAR_DATE, DATE_MESSAGE) @IsDateString({ strict: true }) to?: string;
}

export class QuarterQueryDto {
  @ApiPropertyOptional({ description: 'the reporting year (Q1 starts on 15 December of the year before); default: the current quarter' }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: [1, 2, 3, 4] }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4) quarter?: 1 | 2 | 3 | 4;
}

export class DashboardExportQueryDto extends QuarterQueryDto {
  @ApiPropertyOptional({ enum: DASHBOARD_TABLES }) @IsIn(DASHBOARD_TABLES) table: DashboardTable;
  @ApiPropertyOptional({ enum: ['xlsx', 'pdf'], default: 'xlsx' }) @IsOptional() @IsIn(['xlsx', 'pdf']) format?: 'xlsx' | 'pdf';
  @ApiPropertyOptional() @IsOptional() @Matches(CALENDAR_DATE, DATE_MESSAGE) @IsDateString({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(CALENDAR_DATE, DATE_MESSAGE) @IsDateString({ strict: true }) to?: string;
}
