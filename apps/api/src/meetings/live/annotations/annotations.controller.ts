import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { JoinMaterialResult } from '@app/contracts';
import { Authenticated, CurrentUser } from '../../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../../identity/auth/authenticated-user';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { liveCommand } from '../live-commands';
import { AnnotatedExportService } from '../export/annotated-export.service';
import { AnnotationsService } from './annotations.service';

/** Loading a version's annotations without a socket (first paint, an export, another client). Writes go over the socket. */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meeting-material-versions')
export class AnnotationsController {
  constructor(
    private readonly annotations: AnnotationsService,
    private readonly exports: AnnotatedExportService,
  ) {}

  @Get(':versionId/annotations')
  @Authenticated()
  @ApiQuery({ name: 'afterChange', required: false, description: 'only the changes after this position of the change feed' })
  @ApiOkResponse({ description: '{ materialVersionId, annotations, removed, lastChange }: the shared annotations and the caller’s own' })
  @ApiOperation({ summary: 'Ghi chú trên một phiên bản tài liệu / The annotations of a material version the caller sees' })
  list(@Param('versionId', ParseIdPipe) versionId: string, @Query('afterChange') afterChange: string | undefined, @CurrentUser() user: AuthenticatedUser): Promise<JoinMaterialResult> {
    return this.annotations.forViewer(user, versionId, liveCommand.changeCursor(afterChange));
  }

  @Get(':versionId/annotated-pdf')
  @Authenticated()
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Tài liệu kèm ghi chú / The PDF with the caller’s own and the shared annotations drawn in (audited)' })
  async annotatedPdf(@Param('versionId', ParseIdPipe) versionId: string, @CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    const { bytes, fileName } = await this.exports.export(versionId, user);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    response.send(Buffer.from(bytes));
  }
}
