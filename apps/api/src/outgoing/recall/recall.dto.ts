import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import type { RecallOutgoingInput } from '@app/contracts';

export class RecallOutgoingDto implements RecallOutgoingInput {
  @ApiProperty({ description: 'why it is recalled (thu hồi): recorded, and carried to the recipients' })
  @IsString() @MinLength(5) @MaxLength(2000) reason: string;

  @ApiProperty({ description: 'the version of the document read (optimistic locking)' }) @IsInt() @Min(1) version: number;
}
