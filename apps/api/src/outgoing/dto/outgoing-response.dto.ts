import { ApiProperty } from '@nestjs/swagger';
import { CONFIDENTIALITIES, DOCUMENT_TYPE_CODES, DRAFT_SIGNATURES, OUTGOING_STATES, PDF_FOR_SIGNING_ISSUES, RECIPIENT_DELIVERY_STATUSES, REVIEW_STEP_KINDS, REVIEW_STEP_STATES, URGENCIES } from '@app/contracts';
import type {
  Confidentiality,
  DocumentTypeCode,
  DraftCommentDto,
  DraftSignature,
  DraftVersionChange,
  DraftVersionComparison,
  DraftVersionDto,
  OutgoingDocumentDto,
  OutgoingDocumentSummaryDto,
  RecipientDeliveryStatus,
  OutgoingHistoryEntryDto,
  OutgoingIssuanceDto,
  OutgoingIssuancePreviewDto,
  OutgoingRecipientDto,
  OutgoingState,
  Page,
  PdfForSigningIssue,
  PersonRef,
  ReviewStepDto,
  ReviewStepKind,
  ReviewStepState,
  Urgency,
} from '@app/contracts';
import { StoredFileResponseDto } from '../../files/dto/stored-file-response.dto';

/** The API's view of outgoing documents, for OpenAPI (the shapes are the contracts'). */
class PersonRefDto implements PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
}

class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class RecipientDto implements OutgoingRecipientDto {
  @ApiProperty({ enum: ['unit', 'organ'] }) kind: 'unit' | 'organ';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: RECIPIENT_DELIVERY_STATUSES, description: 'pending until dispatch; delivered (a unit) or waiting_for_axis (an agency)' }) status: RecipientDeliveryStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) deliveredAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the incoming document a unit received' }) incomingDocumentId: string | null;
}

class RecallResponseDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) by: PersonRefDto | null;
  @ApiProperty() reason: string;
}

class OutgoingLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'empty when the caller may not see it' }) subject: string;
  @ApiProperty({ type: String, nullable: true }) numberAndNotation: string | null;
  @ApiProperty({ enum: OUTGOING_STATES }) state: OutgoingState;
}

class ReplacesDto extends OutgoingLinkDto {
  @ApiProperty({ description: 'why it is replaced' }) reason: string;
}

class ReplacedByDto extends ReplacesDto {
  @ApiProperty({ format: 'date-time', description: 'when the replacement was issued' }) at: string;
}

class IncomingRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'empty when the caller may not see the incoming document' }) subject: string;
  @ApiProperty({ type: String, nullable: true }) numberAndNotation: string | null;
}

export class DraftVersionResponseDto implements DraftVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '1..n within the draft' }) number: number;
  @ApiProperty({ type: StoredFileResponseDto }) file: StoredFileResponseDto;
  @ApiProperty({ type: [StoredFileResponseDto] }) attachments: StoredFileResponseDto[];
  @ApiProperty({ type: PersonRefDto, nullable: true }) uploadedBy: PersonRefDto | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'set on the PDF made from a DOCX version for signing' }) convertedFromNumber: number | null;
  @ApiProperty({ enum: DRAFT_SIGNATURES, nullable: true, description: 'the signature this version added (signed, issued)' }) signature: DraftSignature | null;
}

class RegisterRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'DI' }) code: string;
  @ApiProperty() name: string;
}

class IssuanceResponseDto implements OutgoingIssuanceDto {
  @ApiProperty({ type: RegisterRefDto }) register: RegisterRefDto;
  @ApiProperty() number: number;
  @ApiProperty({ example: '15/QĐ-BYT' }) numberAndNotation: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) issuedBy: PersonRefDto | null;
}

class ReviewStepResponseDto implements ReviewStepDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ enum: REVIEW_STEP_KINDS }) kind: ReviewStepKind;
  @ApiProperty({ type: PersonRefDto }) reviewer: PersonRefDto;
  @ApiProperty({ enum: REVIEW_STEP_STATES }) state: ReviewStepState;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) decidedOnVersion: number | null;
}

export class OutgoingSummaryResponseDto implements OutgoingDocumentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOCUMENT_TYPE_CODES }) documentType: DocumentTypeCode;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: URGENCIES }) urgency: Urgency;
  @ApiProperty({ enum: CONFIDENTIALITIES }) confidentiality: Confidentiality;
  @ApiProperty({ enum: OUTGOING_STATES }) state: OutgoingState;
  @ApiProperty({ type: PersonRefDto }) drafter: PersonRefDto;
  @ApiProperty({ type: PersonRefDto }) signer: PersonRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'whose turn it is, while in review' }) currentReviewer: PersonRefDto | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OutgoingPageDto implements Page<OutgoingDocumentSummaryDto> {
  @ApiProperty({ type: [OutgoingSummaryResponseDto] }) items: OutgoingSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OutgoingDocumentResponseDto extends OutgoingSummaryResponseDto implements OutgoingDocumentDto {
  @ApiProperty({ type: UnitRefDto, nullable: true }) draftingUnit: UnitRefDto | null;
  @ApiProperty({ type: [RecipientDto] }) recipients: RecipientDto[];
  @ApiProperty({ type: String, nullable: true }) recipientsText: string | null;
  @ApiProperty({ type: IncomingRefDto, nullable: true }) replyToIncoming: IncomingRefDto | null;
  @ApiProperty({ type: DraftVersionResponseDto, nullable: true }) latestVersion: DraftVersionResponseDto | null;
  @ApiProperty({ type: [ReviewStepResponseDto] }) reviewChain: ReviewStepResponseDto[];
  @ApiProperty({ type: DraftVersionResponseDto, nullable: true, description: 'the PDF the signer will sign' }) pdfForSigning: DraftVersionResponseDto | null;
  @ApiProperty({ enum: PDF_FOR_SIGNING_ISSUES, nullable: true, description: 'why there is no PDF to sign (yet)' }) pdfForSigningIssue: PdfForSigningIssue | null;
  @ApiProperty({ description: 'whether the server can convert DOCX to PDF (LibreOffice installed)' }) docxConversionAvailable: boolean;
  @ApiProperty({ type: DraftVersionResponseDto, nullable: true, description: 'the PDF with the signer’s signature' }) signedPdf: DraftVersionResponseDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) signedAt: string | null;
  @ApiProperty({ type: DraftVersionResponseDto, nullable: true, description: 'the PDF as issued: number, date, the organisation’s signature' }) issuedPdf: DraftVersionResponseDto | null;
  @ApiProperty({ type: IssuanceResponseDto, nullable: true }) issuance: IssuanceResponseDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dispatchedAt: string | null;
  @ApiProperty({ type: RecallResponseDto, nullable: true, description: 'set once recalled (thu hồi)' }) recall: RecallResponseDto | null;
  @ApiProperty({ type: ReplacesDto, nullable: true, description: 'the issued document this one replaces (thay thế)' }) replaces: ReplacesDto | null;
  @ApiProperty({ type: ReplacedByDto, nullable: true, description: 'the issued document that replaced this one' }) replacedBy: ReplacedByDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

class VersionChangeDto implements DraftVersionChange {
  @ApiProperty({ enum: ['fileName', 'mediaType', 'size', 'sha256', 'note', 'uploadedBy', 'attachments'] }) field: DraftVersionChange['field'];
  @ApiProperty({ description: 'the value in the older version' }) from: unknown;
  @ApiProperty({ description: 'the value in the newer version' }) to: unknown;
}

export class VersionComparisonDto implements DraftVersionComparison {
  @ApiProperty({ type: DraftVersionResponseDto }) from: DraftVersionResponseDto;
  @ApiProperty({ type: DraftVersionResponseDto }) to: DraftVersionResponseDto;
  @ApiProperty({ description: 'the main files have the same SHA-256' }) sameContent: boolean;
  @ApiProperty({ type: [VersionChangeDto] }) changes: VersionChangeDto[];
}

export class DraftCommentResponseDto implements DraftCommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) parentId: string | null;
  @ApiProperty({ type: PersonRefDto }) author: PersonRefDto;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: () => [DraftCommentResponseDto], description: 'the answers, oldest first' }) replies: DraftCommentResponseDto[];
}

export class OutgoingHistoryEntryResponseDto implements OutgoingHistoryEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) actor: PersonRefDto | null;
  @ApiProperty({ example: 'forwarded' }) action: string;
  @ApiProperty({ type: Object, nullable: true }) details: Record<string, unknown> | null;
}

export class IssuancePreviewResponseDto implements OutgoingIssuancePreviewDto {
  @ApiProperty({ type: RegisterRefDto }) register: RegisterRefDto;
  @ApiProperty({ description: 'the year (Vietnam time) the number belongs to' }) year: number;
  @ApiProperty({ description: 'the number the next issuance in this register would take (not reserved)' }) number: number;
  @ApiProperty({ example: '15/QĐ-BYT' }) numberAndNotation: string;
}
