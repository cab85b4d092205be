import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { MaterialDto } from '@app/contracts';
import { FileResponder } from '../files/file-responder';
import { Authenticated, CurrentUser } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { AddMaterialVersionDto, CreateMaterialDto, PublishMaterialVersionDto } from './dto/meeting-requests.dto';
import { MaterialsService } from './materials/materials.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings/:meetingId')
export class MeetingMaterialsController {
  constructor(
    private readonly materials: MaterialsService,
    private readonly responder: FileResponder,
  ) {}

  @Get('materials')
  @Authenticated()
  @ApiOperation({ summary: 'Tài liệu họp / The materials and versions the caller may read' })
  list(@Param('meetingId', ParseIdPipe) meetingId: string, @CurrentUser() user: AuthenticatedUser): Promise<MaterialDto[]> {
    return this.materials.list(meetingId, user);
  }

  @Post('materials')
  @Authenticated()
  @ApiOperation({ summary: 'Thêm tài liệu / Add a material (PDF; DOCX/XLSX/PPTX converted where LibreOffice is installed), publish now or later' })
  create(@Param('meetingId', ParseIdPipe) meetingId: string, @Body() body: CreateMaterialDto, @CurrentUser() user: AuthenticatedUser): Promise<MaterialDto> {
    return this.materials.create(meetingId, body, user);
  }

  @Post('materials/:materialId/versions')
  @Authenticated()
  @ApiOperation({ summary: 'Phiên bản mới / A new immutable version (the same bytes are the same version)' })
  addVersion(
    @Param('meetingId', ParseIdPipe) meetingId: string,
    @Param('materialId', ParseIdPipe) materialId: string,
    @Body() body: AddMaterialVersionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MaterialDto> {
    return this.materials.addVersion(meetingId, materialId, body, user);
  }

  @Post('material-versions/:versionId/publication')
  @Authenticated()
  @ApiOperation({ summary: 'Phát hành tài liệu / Publish a version to the participants now or at a chosen time' })
  publish(
    @Param('meetingId', ParseIdPipe) meetingId: string,
    @Param('versionId', ParseIdPipe) versionId: string,
    @Body() body: PublishMaterialVersionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MaterialDto> {
    return this.materials.publish(meetingId, versionId, body.at, user);
  }

  @Get('material-versions/:versionId/content')
  @Authenticated()
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Tải tài liệu / The PDF of a version, for those allowed to read it (403 audited otherwise); byte ranges supported' })
  async content(
    @Param('meetingId', ParseIdPipe) meetingId: string,
    @Param('versionId', ParseIdPipe) versionId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.materials.contentOf(meetingId, versionId, user);
    await this.responder.send(file, user, request, response);
  }
}
