import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import type { CreateDocumentRegisterRequest, DocumentRegisterDto, RegisterDirection, UpdateDocumentRegisterRequest } from '@app/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class DocumentRegisterResponseDto implements DocumentRegisterDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'DEN' }) code: string;
  @ApiProperty({ example: 'Sổ đăng ký văn bản đến' }) name: string;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) direction: RegisterDirection;
  @ApiProperty() confidential: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty() sortOrder: number;
  @ApiProperty() version: number;
}

export class CreateDocumentRegisterDto implements CreateDocumentRegisterRequest {
  @ApiProperty({ example: 'DEN-2', description: 'capital letters, digits, dash' })
  @Transform(trim)
  @Matches(/^[A-Z0-9Đ][A-Z0-9Đ\-_.]{0,49}$/u, { message: 'code: chữ in hoa, số, gạch ngang (tối đa 50) / capital letters, digits, dash' })
  code: string;

  @ApiProperty() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) @IsIn(['incoming', 'outgoing']) direction: RegisterDirection;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) sortOrder?: number;
}

export class UpdateDocumentRegisterDto implements UpdateDocumentRegisterRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) sortOrder?: number;
  @ApiProperty() @IsInt() @Min(1) version: number;
}
