import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ChangeAnswerRequest, ExchangeMessageState, ExchangeRecipient, ExchangeStatus, OutgoingExchange, ReceivedExchange } from '@app/contracts';

export class ChangeAnswerDto implements ChangeAnswerRequest {
  @ApiProperty({ description: 'true: agree to the recall/update/replacement (status 15); false: refuse it (16, reason required)' }) @IsBoolean() accept: boolean;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MaxLength(500) reason?: string;
}

export class ExchangeStatusDto implements ExchangeStatus {
  @ApiProperty({ example: '03' }) code: string;
  @ApiProperty({ nullable: true }) description: string | null;
  @ApiProperty({ nullable: true, description: 'who did it at the receiver' }) staff: string | null;
  @ApiProperty({ nullable: true, description: 'when the receiver did it' }) statedAt: string | null;
  @ApiProperty() receivedAt: string;
}

export class ExchangeMessageStateDto implements ExchangeMessageState {
  @ApiProperty({ enum: ['dispatch', 'recall', 'replace'], description: "'replace': a message of earlier versions, about the old document without files" }) kind: string;
  @ApiProperty({ enum: ['waiting_for_axis', 'sent', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true }) sentAt: string | null;
}

export class ExchangeRecipientDto implements ExchangeRecipient {
  @ApiProperty({ example: '000.00.00.G22' }) organId: string;
  @ApiProperty() organName: string;
  @ApiProperty({ type: [ExchangeMessageStateDto] }) messages: ExchangeMessageStateDto[];
  @ApiProperty({ type: [ExchangeStatusDto], description: 'statuses the agency sent back, in the order it did the steps' }) statuses: ExchangeStatusDto[];
}

export class OutgoingExchangeDto implements OutgoingExchange {
  @ApiProperty({ nullable: true, description: 'the edXML DocumentId the document travels under' }) documentId: string | null;
  @ApiProperty({ type: [ExchangeRecipientDto] }) recipients: ExchangeRecipientDto[];
}

export class ReplacedByDto {
  @ApiProperty() incomingDocumentId: string;
  @ApiProperty({ example: '16/BYT-VP' }) numberAndNotation: string;
  @ApiProperty({ description: 'empty for who may not see the replacing document' }) subject: string;
}

export class ReceivedExchangeDto implements ReceivedExchange {
  @ApiProperty() fromOrganId: string;
  @ApiProperty({ nullable: true }) fromOrganName: string | null;
  @ApiProperty() documentId: string;
  @ApiProperty({ nullable: true, enum: ['recall', 'update', 'replace'] }) changeKind: ReceivedExchange['changeKind'];
  @ApiProperty({ nullable: true }) changeReason: string | null;
  @ApiProperty({ nullable: true, enum: ['accepted', 'refused'] }) changeAnswer: ReceivedExchange['changeAnswer'];
  @ApiProperty({ type: ReplacedByDto, nullable: true, description: 'a replacement: the incoming document made of the replacing message' }) replacedBy: ReplacedByDto | null;
  @ApiProperty({ type: [ExchangeMessageStateDto], description: 'statuses sent back (kind = status code)' }) statusesSent: { code: string; status: string; sentAt: string | null }[];
}

export class DirectorySyncResultDto {
  @ApiProperty() added: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
}
