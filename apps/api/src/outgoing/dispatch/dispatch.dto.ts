import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import type { DispatchOutgoingInput } from '@app/contracts';

export class DispatchOutgoingDto implements DispatchOutgoingInput {
  @ApiProperty({ description: 'the version of the document read (optimistic locking)' }) @IsInt() @Min(1) version: number;
}
