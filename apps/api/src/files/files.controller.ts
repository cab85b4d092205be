import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permission } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import { AppConfig } from '../platform/config/app-config';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { StoredFileResponseDto, toStoredFileDto } from './dto/stored-file-response.dto';
import { FileResponder } from './file-responder';
import { FilesService } from './files.service';
import { receiveSingleFile } from './multipart-upload';

const ApiFileId = () => ApiParam({ name: 'id', format: 'uuid', description: 'the id of the stored file' });

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(
    private readonly files: FilesService,
    private readonly config: AppConfig,
    private readonly responder: FileResponder,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @RequirePermissions(Permission.FilesUpload)
  @ApiOperation({ summary: 'Tải lên một tệp / Upload a file', description: 'The type is judged by the content; the name only has to agree with it.' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: StoredFileResponseDto })
  @ApiBadRequestResponse({ description: 'FILE_MISSING: no file in the form' })
  @ApiPayloadTooLargeResponse({ description: 'FILE_TOO_LARGE: over UPLOAD_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ description: 'FILE_TYPE_NOT_ALLOWED, or FILE_TYPE_MISMATCH when the extension disagrees with the content' })
  async upload(@Req() request: Request, @CurrentUser() user: AuthenticatedUser): Promise<StoredFileResponseDto> {
    const file = await receiveSingleFile(request, { fieldName: 'file', maxBytes: this.config.UPLOAD_MAX_BYTES }, (incoming) =>
      this.files.store(incoming.stream, { originalName: incoming.fileName, declaredType: incoming.mimeType, uploadedBy: user }),
    );
    return toStoredFileDto(file);
  }

  @Get(':id')
  @RequirePermissions(Permission.FilesRead)
  @ApiOperation({ summary: 'Thông tin tệp / File metadata' })
  @ApiFileId()
  @ApiOkResponse({ type: StoredFileResponseDto })
  @ApiForbiddenResponse({ description: 'neither the uploader nor an administrator' })
  @ApiNotFoundResponse({ description: 'FILE_NOT_FOUND' })
  async get(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<StoredFileResponseDto> {
    return toStoredFileDto(await this.files.stat(id, user));
  }

  @Get(':id/content')
  @RequirePermissions(Permission.FilesRead)
  @ApiOperation({ summary: 'Tải tệp về / Download the content', description: 'Supports single byte ranges (206) and If-Range with the ETag (the SHA-256).' })
  @ApiFileId()
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the bytes, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: HttpStatus.PARTIAL_CONTENT, description: 'the requested byte range' })
  @ApiResponse({ status: HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, description: 'RANGE_NOT_SATISFIABLE' })
  @ApiForbiddenResponse({ description: 'neither the uploader nor an administrator' })
  @ApiNotFoundResponse({ description: 'FILE_NOT_FOUND' })
  async content(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.responder.send(await this.files.stat(id, user), user, request, response);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions(Permission.FilesUpload)
  @ApiOperation({ summary: 'Xoá tệp / Delete a file', description: 'Only its uploader or an administrator.' })
  @ApiFileId()
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'neither the uploader nor an administrator' })
  @ApiNotFoundResponse({ description: 'FILE_NOT_FOUND' })
  async remove(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.files.remove(id, user);
  }
}
