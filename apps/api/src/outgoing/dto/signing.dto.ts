import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';

export class SignOutgoingDto {
  @ApiProperty({ description: 'the passphrase of the signer’s key (a token PIN for other providers)', example: 'KySo@2026' })
  @IsString() @MinLength(1) @MaxLength(200) passphrase: string;

  @ApiProperty({ description: 'the version of the document read (optimistic locking)' }) @IsInt() @Min(1) version: number;
}

export class IssueOutgoingDto extends SignOutgoingDto {
  @ApiProperty({ format: 'uuid', description: 'the outgoing register the number is taken in' }) @IsUUID() registerId: string;
}
