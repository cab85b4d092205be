import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Permission } from '@app/contracts';
import type { AuditEntryDto, AuditListQuery, AuditOutcome, AuditVerifyResult, Page } from '@app/contracts';
import { RequirePermissions } from '../identity/auth/access.decorators';
import { AuditService } from './audit.service';

class AuditListQueryDto implements AuditListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) entityId?: string;
  @ApiPropertyOptional({ description: 'rows older than this sequence' }) @IsOptional() @Matches(/^\d{1,18}$/) before?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(200) limit?: number;
}

class AuditEntryResponseDto implements AuditEntryDto {
  @ApiProperty() sequence: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorUsername: string | null;
  @ApiProperty({ example: 'auth.login' }) action: string;
  @ApiProperty({ type: String, nullable: true }) entityType: string | null;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome: AuditOutcome;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: Object, nullable: true }) details: Record<string, unknown> | null;
  @ApiProperty() hash: string;
}

class AuditPageDto implements Page<AuditEntryDto> {
  @ApiProperty({ type: [AuditEntryResponseDto] }) items: AuditEntryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class AuditVerifyResultDto implements AuditVerifyResult {
  @ApiProperty() valid: boolean;
  @ApiProperty() checked: number;
  @ApiProperty({ type: String, nullable: true }) firstBrokenSequence: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermissions(Permission.AuditRead)
  @ApiOkResponse({ type: AuditPageDto, description: 'newest first; pass nextCursor as `before`' })
  list(@Query() query: AuditListQueryDto): Promise<AuditPageDto> {
    return this.audit.list(query);
  }

  @Get('verify')
  @RequirePermissions(Permission.AuditRead)
  @ApiOkResponse({ type: AuditVerifyResultDto, description: 'recomputes the hash chain and names the first broken row' })
  verify(): Promise<AuditVerifyResultDto> {
    return this.audit.verify();
  }
}
