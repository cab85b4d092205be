import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { Permission } from '@app/contracts';
import { RequirePermissions } from '../../identity/auth/access.decorators';
import { AppConfig } from '../../platform/config/app-config';
import { receiveSingleFile } from '../../files/multipart-upload';
import { SignatureVerificationResponseDto } from '../dto/signatures.dto';
import { readWhole } from '../read-upload';
import { verifyPdfSignatures } from './pdf-signatures';

/** Signed documents are text PDFs of a few MB; 50 MB leaves room for scans while bounding memory. */
export const VERIFY_MAX_BYTES = 50 * 1024 * 1024;

@ApiTags('signatures')
@Controller('signatures/verification')
export class VerificationController {
  constructor(private readonly config: AppConfig) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @RequirePermissions(Permission.SignaturesVerify)
  @ApiOperation({
    summary: 'Kiểm tra chữ ký số của tệp PDF / Verify the signatures of a PDF',
    description: 'Lists every signature: signer, certificate, time, whether the CMS matches the signed bytes and whether the file changed after it. Nothing is stored.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: SignatureVerificationResponseDto })
  @ApiBadRequestResponse({ description: 'FILE_MISSING, or PDF_UNREADABLE for a damaged PDF' })
  @ApiPayloadTooLargeResponse({ description: 'FILE_TOO_LARGE' })
  @ApiUnsupportedMediaTypeResponse({ description: 'NOT_A_PDF' })
  async verify(@Req() request: Request): Promise<SignatureVerificationResponseDto> {
    const maxBytes = Math.min(VERIFY_MAX_BYTES, this.config.UPLOAD_MAX_BYTES);
    return receiveSingleFile(request, { fieldName: 'file', maxBytes }, async (file) => {
      const pdf = await readWhole(file.stream, maxBytes);
      const fileName = file.fileName || 'document.pdf';
      return {
        fileName,
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        signatures: await verifyPdfSignatures(pdf, fileName),
      };
    });
  }
}
