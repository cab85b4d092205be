import { ApiProperty } from '@nestjs/swagger';
import { CONFIDENTIALITIES, DOCUMENT_TYPE_CODES, INCOMING_STATES, RECEIPT_CHANNELS, URGENCIES } from '@app/contracts';
import type {
  Confidentiality,
  DocumentTypeCode,
  IncomingDocumentDto,
  IncomingDocumentSummaryDto,
  IncomingHistoryEntryDto,
  IncomingState,
  Page,
  ReceiptChannel,
  RegisterIncomingResult,
  Urgency,
} from '@app/contracts';
import { StoredFileResponseDto } from '../../files/dto/stored-file-response.dto';

class PersonRefDto {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
}

export class IncomingSummaryResponseDto implements IncomingDocumentSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() registerId: string;
  @ApiProperty({ type: Number, nullable: true, description: 'số đến' }) arrivalNumber: number | null;
  @ApiProperty({ type: Number, nullable: true }) arrivalYear: number | null;
  @ApiProperty() arrivedAt: string;
  @ApiProperty() issuerName: string;
  @ApiProperty({ type: String, nullable: true }) codeNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) codeNotation: string | null;
  @ApiProperty({ type: String, nullable: true, example: '15/QĐ-BYT' }) numberAndNotation: string | null;
  @ApiProperty({ example: '2026-11-20' }) promulgatedOn: string;
  @ApiProperty({ enum: DOCUMENT_TYPE_CODES }) documentType: DocumentTypeCode;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: URGENCIES }) urgency: Urgency;
  @ApiProperty({ enum: CONFIDENTIALITIES }) confidentiality: Confidentiality;
  @ApiProperty({ type: String, nullable: true }) dueOn: string | null;
  @ApiProperty({ enum: INCOMING_STATES }) state: IncomingState;
}

export class IncomingDocumentResponseDto extends IncomingSummaryResponseDto implements IncomingDocumentDto {
  @ApiProperty({ type: String, nullable: true }) issuerOrganId: string | null;
  @ApiProperty({ type: String, nullable: true }) signerName: string | null;
  @ApiProperty({ type: String, nullable: true }) signerPosition: string | null;
  @ApiProperty({ type: Number, nullable: true }) pageCount: number | null;
  @ApiProperty({ type: String, nullable: true }) recipientsText: string | null;
  @ApiProperty({ enum: RECEIPT_CHANNELS }) receivedVia: ReceiptChannel;
  @ApiProperty({ type: String, nullable: true }) registeredAt: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) registeredBy: PersonRefDto | null;
  @ApiProperty({ type: StoredFileResponseDto }) mainFile: StoredFileResponseDto;
  @ApiProperty({ type: StoredFileResponseDto, nullable: true }) stampedFile: StoredFileResponseDto | null;
  @ApiProperty({ type: StoredFileResponseDto, nullable: true }) searchableFile: StoredFileResponseDto | null;
  @ApiProperty({ type: [StoredFileResponseDto] }) attachments: StoredFileResponseDto[];
  @ApiProperty({ type: Boolean, nullable: true }) hasTextLayer: boolean | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) submittedTo: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true }) replyReference: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the outgoing document it is a copy of (internal dispatch)' }) sourceOutgoingId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when its sender recalled or replaced it' }) recalledAt: string | null;
  @ApiProperty() version: number;
}

export class RegisterIncomingResponseDto implements RegisterIncomingResult {
  @ApiProperty({ type: IncomingDocumentResponseDto }) document: IncomingDocumentResponseDto;
  @ApiProperty({ type: [IncomingSummaryResponseDto], description: 'already registered documents with the same issuer, number, notation and date (a warning)' })
  possibleDuplicates: IncomingSummaryResponseDto[];
}

export class IncomingPageDto implements Page<IncomingDocumentSummaryDto> {
  @ApiProperty({ type: [IncomingSummaryResponseDto] }) items: IncomingSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class IncomingHistoryEntryResponseDto implements IncomingHistoryEntryDto {
  @ApiProperty() at: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) actor: PersonRefDto | null;
  @ApiProperty({ example: 'registered' }) action: string;
  @ApiProperty({ type: Object, nullable: true }) details: Record<string, unknown> | null;
}
