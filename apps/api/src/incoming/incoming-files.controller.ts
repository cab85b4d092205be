import { Controller, Get, HttpStatus, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, CurrentUser } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { FileResponder } from '../files/file-responder';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { IncomingService } from './incoming.service';

/**
 * The files of an incoming document, for everyone who may see the document: the original, the
 * stamped copy, the searchable copy and the attachments. /api/files serves only a file's uploader;
 * here the document's visibility decides, and each download is audited.
 */
@ApiTags('incoming documents')
@ApiBearerAuth()
@Controller('incoming-documents')
export class IncomingFilesController {
  constructor(
    private readonly incoming: IncomingService,
    private readonly responder: FileResponder,
  ) {}

  @Get(':id/files/:fileId/content')
  @Authenticated()
  @ApiOperation({ summary: 'Tải tệp của văn bản đến / Download a file of the document', description: 'Single byte ranges (206) and If-Range with the ETag (the SHA-256).' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the bytes, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: HttpStatus.PARTIAL_CONTENT, description: 'the requested byte range' })
  @ApiForbiddenResponse({ description: 'the document is not visible to the caller' })
  @ApiNotFoundResponse({ description: 'no such document, or the file is not one of its files' })
  async content(
    @Param('id', ParseIdPipe) id: string,
    @Param('fileId', ParseIdPipe) fileId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.incoming.fileOf(id, fileId, user);
    await this.responder.send(file, user, request, response);
  }
}
