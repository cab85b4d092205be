import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permission } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import { receiveSingleFile } from '../files/multipart-upload';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { AppException } from '../platform/errors/app-exception';
import { ErrorCode } from '@app/contracts';
import {
  SealQueryDto,
  SignatureImageResponseDto,
  SigningCredentialResponseDto,
  UploadOwnCredentialDto,
  UploadSigningCredentialDto,
} from './dto/signatures.dto';
import { ImageOwner, MAX_IMAGE_BYTES, SignatureImagesService } from './images/signature-images.service';
import { CredentialOwner, SigningCredentialsService } from './keys/signing-credentials.service';
import { imageInvalid } from './signature-errors';
import { readWhole } from './read-upload';

const actorOf = (user: AuthenticatedUser) => ({ id: user.id, username: user.username });

function parseDiameter(query: SealQueryDto): number | null {
  if (query.realWidthMm === undefined || query.realWidthMm === '') return null;
  const value = Number(query.realWidthMm);
  if (!Number.isFinite(value)) throw imageInvalid('Đường kính con dấu phải là một số (mm).', "The seal's diameter must be a number (mm).");
  return value;
}

/**
 * The key store and the images, managed by an administrator (signatures.manage); a signer may
 * also upload their own key. Signing itself is not an endpoint here: the outgoing-documents
 * workflow calls SigningService inside its own transitions.
 */
@ApiTags('signatures')
@Controller('signatures')
export class SignaturesAdminController {
  constructor(
    private readonly credentials: SigningCredentialsService,
    private readonly images: SignatureImagesService,
  ) {}

  @Get('credentials')
  @RequirePermissions(Permission.SignaturesManage)
  @ApiOperation({ summary: 'Các khoá ký số đang dùng / Active signing credentials' })
  @ApiOkResponse({ type: [SigningCredentialResponseDto] })
  listCredentials(): Promise<SigningCredentialResponseDto[]> {
    return this.credentials.list();
  }

  @Post('credentials')
  @HttpCode(HttpStatus.CREATED)
  @RequirePermissions(Permission.SignaturesManage)
  @ApiOperation({
    summary: 'Tải lên khoá ký số (.p12) / Upload a signing credential',
    description: "A person's key (ownerKind user) or the organisation's (the digital seal). Replaces the owner's previous key, which is revoked and wiped.",
  })
  @ApiCreatedResponse({ type: SigningCredentialResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'SIGNING_WRONG_PASSPHRASE, SIGNING_CREDENTIAL_EXPIRED' })
  uploadCredential(@Body() body: UploadSigningCredentialDto, @CurrentUser() user: AuthenticatedUser): Promise<SigningCredentialResponseDto> {
    const owner: CredentialOwner = body.ownerKind === 'organisation' ? { kind: 'organisation' } : { kind: 'user', userId: body.userId! };
    return this.credentials.upload(owner, Buffer.from(body.p12Base64, 'base64'), body.passphrase, actorOf(user));
  }

  @Put('my-credential')
  @RequirePermissions(Permission.SignaturesSign)
  @ApiOperation({ summary: 'Người ký tự tải lên khoá ký số của mình / A signer uploads their own key' })
  @ApiOkResponse({ type: SigningCredentialResponseDto })
  uploadOwnCredential(@Body() body: UploadOwnCredentialDto, @CurrentUser() user: AuthenticatedUser): Promise<SigningCredentialResponseDto> {
    return this.credentials.upload({ kind: 'user', userId: user.id }, Buffer.from(body.p12Base64, 'base64'), body.passphrase, actorOf(user));
  }

  @Delete('credentials/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions(Permission.SignaturesManage)
  @ApiOperation({ summary: 'Thu hồi khoá ký số / Revoke a signing credential', description: 'The key material is wiped; the certificate facts stay for the record.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'SIGNING_CREDENTIAL_NOT_FOUND' })
  async revokeCredential(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.credentials.revoke(id, actorOf(user));
  }

  @Get('images')
  @RequirePermissions(Permission.SignaturesManage)
  @ApiOperation({ summary: 'Ảnh chữ ký và con dấu / Signature and seal images' })
  @ApiOkResponse({ type: [SignatureImageResponseDto] })
  listImages(): Promise<SignatureImageResponseDto[]> {
    return this.images.list();
  }

  @Put('images/seal')
  @RequirePermissions(Permission.SignaturesManage)
  @ApiOperation({ summary: 'Tải lên ảnh con dấu (PNG trong suốt) / Upload the seal image (transparent PNG)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: SignatureImageResponseDto })
  uploadSeal(@Req() request: Request, @Query() query: SealQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<SignatureImageResponseDto> {
    const diameter = parseDiameter(query);
    return this.receiveImage(request, { kind: 'seal' }, diameter ?? 35, user);
  }

  @Put('images/users/:userId')
  @RequirePermissions(Permission.SignaturesManage)
  @ApiOperation({ summary: 'Tải lên ảnh chữ ký của một người (PNG trong suốt) / Upload a signer’s signature image' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: SignatureImageResponseDto })
  uploadSignature(@Req() request: Request, @Param('userId', ParseIdPipe) userId: string, @CurrentUser() user: AuthenticatedUser): Promise<SignatureImageResponseDto> {
    return this.receiveImage(request, { kind: 'signature', userId }, null, user);
  }

  @Get('images/seal/content')
  @RequirePermissions(Permission.SignaturesManage)
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'Xem ảnh con dấu / The seal image' })
  async sealContent(@Res() response: Response): Promise<void> {
    await this.sendImage(response, { kind: 'seal' });
  }

  @Get('images/users/:userId/content')
  @RequirePermissions(Permission.SignaturesManage)
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'Xem ảnh chữ ký / A signature image' })
  async signatureContent(@Param('userId', ParseIdPipe) userId: string, @Res() response: Response): Promise<void> {
    await this.sendImage(response, { kind: 'signature', userId });
  }

  @Delete('images/seal')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions(Permission.SignaturesManage)
  async deleteSeal(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.requireRemoved(this.images.remove({ kind: 'seal' }, actorOf(user)));
  }

  @Delete('images/users/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions(Permission.SignaturesManage)
  async deleteSignature(@Param('userId', ParseIdPipe) userId: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.requireRemoved(this.images.remove({ kind: 'signature', userId }, actorOf(user)));
  }

  private receiveImage(request: Request, owner: ImageOwner, realWidthMm: number | null, user: AuthenticatedUser): Promise<SignatureImageResponseDto> {
    return receiveSingleFile(request, { fieldName: 'file', maxBytes: MAX_IMAGE_BYTES }, async (file) =>
      this.images.upload(owner, await readWhole(file.stream, MAX_IMAGE_BYTES), realWidthMm, actorOf(user)),
    );
  }

  private async sendImage(response: Response, owner: ImageOwner): Promise<void> {
    const image = await this.images.find(owner);
    if (!image) throw imageNotFound();
    response.setHeader('Content-Type', 'image/png');
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.send(image.png);
  }

  private async requireRemoved(removal: Promise<boolean>): Promise<void> {
    if (!(await removal)) throw imageNotFound();
  }
}

const imageNotFound = () => new AppException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, 'Chưa có ảnh này.', 'There is no such image.');
