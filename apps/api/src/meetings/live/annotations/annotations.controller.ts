import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { JoinMaterialResult } from '@app/contracts';
import { Authenticated, CurrentUser } from '../../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../../identity/auth/authenticated-user';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { liveCommand } from '../live-commands';
import { AnnotationsService } from './annotations.service';

/** Loading a version's annotations without a socket (first paint, an export, another client). Writes go over the socket. */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meeting-material-versions')
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Get(':versionId/annotations')
  @Authenticated()
  @ApiQuery({ name: 'afterChange', required: false, description: 'only the changes after this position of the change feed' })
  @ApiOkResponse({ description: '{ materialVersionId, annotations, removed, lastChange }: the shared annotations and the caller’s own' })
  @ApiOperation({ summary: 'Ghi chú trên một phiên bản tài liệu / The annotations of a material version the caller sees' })
  list(@Param('versionId', ParseIdPipe) versionId: string, @Query('afterChange') afterChange: string | undefined, @CurrentUser() user: AuthenticatedUser): Promise<JoinMaterialResult> {
    return this.annotations.forViewer(user, versionId, liveCommand.changeCursor(afterChange));
  }
}
