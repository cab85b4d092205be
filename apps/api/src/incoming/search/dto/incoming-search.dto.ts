import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { IncomingSearchHitDto, Page, SnippetPart } from '@app/contracts';
import { IncomingSummaryResponseDto } from '../../dto/incoming-response.dto';
import { blankToUndefined, toNumber } from '../../dto/query-transforms';

/** GET /api/incoming-documents/search. `q` is checked by the service, which explains what is wrong with it. */
export class IncomingSearchQueryDto {
  @ApiProperty({ example: 'quyet dinh bo y te', description: 'words to find, accents and case ignored; "a phrase", -without, or' })
  @IsOptional()
  @IsString()
  // generous here; the service refuses more than SEARCH_MAX_CHARS with a message that says so
  @MaxLength(2000)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Transform(blankToUndefined) @IsUUID() registerId?: string;
  @ApiPropertyOptional({ description: 'the arrival year (năm của số đến)' }) @IsOptional() @Transform(toNumber) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same q and filters' }) @IsOptional() @Transform(blankToUndefined) @IsString() @MaxLength(300) cursor?: string;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(50) limit?: number;
}

export class SnippetPartResponseDto implements SnippetPart {
  @ApiProperty() text: string;
  @ApiProperty({ description: 'shown highlighted' }) match: boolean;
}

export class IncomingSearchHitResponseDto implements IncomingSearchHitDto {
  @ApiProperty({ type: IncomingSummaryResponseDto }) document: IncomingSummaryResponseDto;
  @ApiProperty({ enum: ['metadata', 'text'] }) foundIn: 'metadata' | 'text';
  @ApiProperty({ type: [SnippetPartResponseDto] }) snippet: SnippetPartResponseDto[];
  @ApiProperty({ description: 'higher is better; matches in the number, subject, issuer or signer rank above matches in the text only' }) rank: number;
}

export class IncomingSearchPageDto implements Page<IncomingSearchHitDto> {
  @ApiProperty({ type: [IncomingSearchHitResponseDto] }) items: IncomingSearchHitResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
