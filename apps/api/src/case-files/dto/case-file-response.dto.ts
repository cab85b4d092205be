import { ApiProperty } from '@nestjs/swagger';
import { CASE_FILE_DOCUMENT_KINDS, CASE_FILE_MEDIA, CASE_FILE_SHARE_ACCESS, CASE_FILE_STATES, CLOSING_PROBLEMS, USAGE_MODES } from '@app/contracts';
import type {
  ArchiveHandoverDto,
  BorrowRequestDto,
  BorrowState,
  CaseFileDocumentDto,
  CaseFileDocumentKind,
  CaseFileDto,
  CaseFileHistoryEntryDto,
  CaseFileMedium,
  CaseFileNoteDto,
  CaseFileShareAccess,
  CaseFileShareDto,
  CaseFileState,
  CaseFileSummaryDto,
  ClosingCheckDto,
  ClosingProblem,
  ClosingReason,
  FilePlanDto,
  FilePlanEntryDto,
  FilePlanHeadingDto,
  FilePlanState,
  FilePlanSummary,
  OnlineShareRow,
  Page,
  PersonRef,
  Retention,
  RetentionExpiryDto,
  UsageMode,
} from '@app/contracts';

/** The API's view of case files and the archive, for OpenAPI (the shapes are the contracts'). */
class PersonRefDto implements PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
}

class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

const RETENTION = { oneOf: [{ type: 'integer', minimum: 1, maximum: 100 }, { type: 'string', enum: ['permanent'] }], description: 'years, or permanent (vĩnh viễn)' };

export class CaseFileSummaryResponseDto implements CaseFileSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ example: '01.TCCB' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty(RETENTION) retention: Retention;
  @ApiProperty({ enum: USAGE_MODES }) usageMode: UsageMode;
  @ApiProperty({ enum: CASE_FILE_MEDIA }) medium: CaseFileMedium;
  @ApiProperty({ type: PersonRefDto }) keeper: PersonRefDto;
  @ApiProperty({ type: UnitRefDto, nullable: true }) unit: UnitRefDto | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ enum: CASE_FILE_STATES }) state: CaseFileState;
  @ApiProperty() documentCount: number;
  @ApiProperty({ type: Number, nullable: true }) pageCount: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'closed files kept 5 years or more: one year after the end' }) handoverDueOn: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CaseFilePageDto implements Page<CaseFileSummaryDto> {
  @ApiProperty({ type: [CaseFileSummaryResponseDto] }) items: CaseFileSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class LinkedFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
}

class CaseFileDocumentResponseDto implements CaseFileDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CASE_FILE_DOCUMENT_KINDS }) kind: CaseFileDocumentKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) documentId: string | null;
  @ApiProperty() position: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) numberAndNotation: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) documentDate: string | null;
  @ApiProperty({ type: String, nullable: true }) typeName: string | null;
  @ApiProperty({ type: String, nullable: true }) author: string | null;
  @ApiProperty({ type: Number, nullable: true }) pageCount: number | null;
  @ApiProperty() final: boolean;
  @ApiProperty({ type: [LinkedFileDto] }) files: LinkedFileDto[];
  @ApiProperty({ type: PersonRefDto, nullable: true }) addedBy: PersonRefDto | null;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

class CaseFileShareResponseDto implements CaseFileShareDto {
  @ApiProperty({ type: PersonRefDto }) user: PersonRefDto;
  @ApiProperty({ enum: CASE_FILE_SHARE_ACCESS }) access: CaseFileShareAccess;
}

export class CaseFileResponseDto extends CaseFileSummaryResponseDto implements CaseFileDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) planEntryId: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() language: string;
  @ApiProperty({ type: [CaseFileDocumentResponseDto] }) documents: CaseFileDocumentResponseDto[];
  @ApiProperty({ type: [CaseFileShareResponseDto] }) shares: CaseFileShareResponseDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) closedBy: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) handoverId: string | null;
  @ApiProperty({ enum: ['read', 'contribute', 'manage', 'archive'] }) access: CaseFileDto['access'];
  @ApiProperty() version: number;
}

export class CaseFileNoteResponseDto implements CaseFileNoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) author: PersonRefDto | null;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CaseFileHistoryEntryResponseDto implements CaseFileHistoryEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) actor: PersonRefDto | null;
  @ApiProperty({ example: 'document_linked' }) action: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) details: Record<string, unknown> | null;
}

class ClosingReasonDto implements ClosingReason {
  @ApiProperty({ enum: CLOSING_PROBLEMS }) problem: ClosingProblem;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseFileDocumentId: string | null;
  @ApiProperty({ type: [String], required: false }) fields?: string[];
  @ApiProperty() message: string;
  @ApiProperty() messageEn: string;
}

export class ClosingCheckResponseDto implements ClosingCheckDto {
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: [ClosingReasonDto] }) reasons: ClosingReasonDto[];
  @ApiProperty() documentCount: number;
  @ApiProperty() pageCount: number;
}

class FilePlanEntryResponseDto implements FilePlanEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) headingId: string;
  @ApiProperty({ example: '01.TCCB' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty(RETENTION) retention: Retention;
  @ApiProperty({ type: PersonRefDto, nullable: true }) keeper: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseFileId: string | null;
}

class FilePlanHeadingResponseDto implements FilePlanHeadingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'TCCB' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [FilePlanEntryResponseDto] }) entries: FilePlanEntryResponseDto[];
}

export class FilePlanSummaryResponseDto implements FilePlanSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['draft', 'approved'] }) state: FilePlanState;
}

export class FilePlanResponseDto extends FilePlanSummaryResponseDto implements FilePlanDto {
  @ApiProperty({ type: PersonRefDto, nullable: true }) approvedBy: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty({ type: [FilePlanHeadingResponseDto] }) headings: FilePlanHeadingResponseDto[];
  @ApiProperty() version: number;
}

export class ArchiveHandoverResponseDto implements ArchiveHandoverDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '01/2026' }) number: string;
  @ApiProperty({ type: UnitRefDto, nullable: true }) unit: UnitRefDto | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) deliveredBy: PersonRefDto | null;
  @ApiProperty({ type: PersonRefDto }) receivedBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: [CaseFileSummaryResponseDto] }) caseFiles: CaseFileSummaryResponseDto[];
  @ApiProperty() fileCount: number;
  @ApiProperty() documentCount: number;
  @ApiProperty() pageCount: number;
}

class CaseFileRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
}

export class BorrowRequestResponseDto implements BorrowRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: CaseFileRefDto }) caseFile: CaseFileRefDto;
  @ApiProperty({ type: PersonRefDto }) requester: PersonRefDto;
  @ApiProperty() purpose: string;
  @ApiProperty({ format: 'date' }) until: string;
  @ApiProperty({ enum: ['pending', 'approved', 'refused', 'returned'] }) state: BorrowState;
  @ApiProperty({ type: PersonRefDto, nullable: true }) decidedBy: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

export class RetentionExpiryResponseDto implements RetentionExpiryDto {
  @ApiProperty({ type: CaseFileSummaryResponseDto }) caseFile: CaseFileSummaryResponseDto;
  @ApiProperty({ format: 'date' }) expiresOn: string;
}

export class OnlineShareRowDto implements OnlineShareRow {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty() year: number;
  @ApiProperty() total: number;
  @ApiProperty() online: number;
  @ApiProperty({ description: 'online / total, 0..1' }) share: number;
}
