import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBase64, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import {
  CREDENTIAL_OWNER_KINDS,
  SIGNATURE_IMAGE_KINDS,
  type CertificateSummary,
  type CredentialOwnerKind,
  type SignatureImageDto,
  type SignatureImageKind,
  type SignatureVerificationDto,
  type SigningCredentialDto,
  type UploadSigningCredentialRequest,
  type VerifiedSignatureDto,
} from '@app/contracts';

/** A .p12 holds a key and a short chain: 64 kB of base64 is far more than any real one. */
export const MAX_P12_BASE64 = 64 * 1024;

export class CertificateSummaryDto implements CertificateSummary {
  @ApiProperty({ example: 'Phạm Quốc Hùng' }) subjectCommonName: string;
  @ApiProperty() subject: string;
  @ApiProperty() issuer: string;
  @ApiProperty({ example: '01A3…' }) serialNumber: string;
  @ApiProperty() notBefore: string;
  @ApiProperty() notAfter: string;
  @ApiProperty() sha256Fingerprint: string;
}

export class SigningCredentialResponseDto implements SigningCredentialDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CREDENTIAL_OWNER_KINDS }) ownerKind: CredentialOwnerKind;
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty({ example: 'server-key-store' }) provider: string;
  @ApiProperty({ type: CertificateSummaryDto }) certificate: CertificateSummaryDto;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) createdById: string | null;
}

export class UploadSigningCredentialDto implements UploadSigningCredentialRequest {
  @ApiProperty({ enum: CREDENTIAL_OWNER_KINDS }) @IsIn(CREDENTIAL_OWNER_KINDS) ownerKind: CredentialOwnerKind;
  @ApiPropertyOptional({ format: 'uuid' }) @ValidateIf((dto: UploadSigningCredentialDto) => dto.ownerKind === 'user') @IsUUID() userId?: string;
  @ApiProperty({ description: 'the .p12/.pfx file, base64' }) @IsString() @IsBase64() @MaxLength(MAX_P12_BASE64) p12Base64: string;
  @ApiProperty({ description: 'checked against the file, never stored' }) @IsString() @MinLength(1) @MaxLength(200) passphrase: string;
}

export class UploadOwnCredentialDto {
  @ApiProperty({ description: 'the .p12/.pfx file, base64' }) @IsString() @IsBase64() @MaxLength(MAX_P12_BASE64) p12Base64: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) passphrase: string;
}

export class SealQueryDto {
  @ApiPropertyOptional({ description: "the seal's real diameter in mm (drawn at real size)", example: 35 })
  @IsOptional()
  @IsString()
  @MaxLength(5)
  realWidthMm?: string;
}

export class SignatureImageResponseDto implements SignatureImageDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SIGNATURE_IMAGE_KINDS }) kind: SignatureImageKind;
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty() widthPx: number;
  @ApiProperty() heightPx: number;
  @ApiProperty({ type: Number, nullable: true }) realWidthMm: number | null;
  @ApiProperty() sha256: string;
  @ApiProperty() createdAt: string;
}

export class VerifiedSignatureResponseDto implements VerifiedSignatureDto {
  @ApiProperty() fieldName: string;
  @ApiProperty({ type: String, nullable: true }) signerName: string | null;
  @ApiProperty({ type: CertificateSummaryDto, nullable: true }) certificate: CertificateSummaryDto | null;
  @ApiProperty({ type: String, nullable: true }) signedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ETSI.CAdES.detached' }) subFilter: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) location: string | null;
  @ApiProperty({ type: [Number] }) byteRange: number[];
  @ApiProperty() valid: boolean;
  @ApiProperty({ type: String, nullable: true }) problem: string | null;
  @ApiProperty() modifiedAfterSigning: boolean;
  @ApiProperty() coversWholeDocument: boolean;
}

export class SignatureVerificationResponseDto implements SignatureVerificationDto {
  @ApiProperty() fileName: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: [VerifiedSignatureResponseDto] }) signatures: VerifiedSignatureResponseDto[];
}
