import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '@app/contracts';
import { CurrentUser, RequirePermissions } from '../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { RegisterExportQueryDto } from '../../incoming/dto/incoming-list.dto';
import { REGISTER_MEDIA_TYPES, sendRegisterExport } from '../../incoming/register-export/register-response';
import { OutgoingRegisterExportService } from './outgoing-register-export.service';
import { OUTGOING_REGISTER } from './outgoing-register-row';

/** Registered before OutgoingController so that `/register-export` wins over `/:id`. */
@ApiTags('outgoing documents')
@ApiBearerAuth()
@Controller('outgoing-documents')
export class OutgoingRegisterExportController {
  constructor(private readonly exports: OutgoingRegisterExportService) {}

  @Get('register-export')
  // the clerks keep the outgoing registers (Decree 30 Art. 15)
  @RequirePermissions(Permission.OutgoingCheckForm)
  @ApiOperation({
    summary: 'Xuất sổ đăng ký văn bản đi / Export the outgoing register',
    description: 'Decree 30/2020 Appendix IV §I, 10 columns, by the date of the documents, in number order; XLSX streamed, PDF A4 landscape (up to 5000 rows).',
  })
  @ApiProduces(REGISTER_MEDIA_TYPES.xlsx, REGISTER_MEDIA_TYPES.pdf)
  @ApiOkResponse({ description: 'the register file, as an attachment', schema: { type: 'string', format: 'binary' } })
  async registerExport(@Query() query: RegisterExportQueryDto, @CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    await sendRegisterExport(response, OUTGOING_REGISTER, await this.exports.prepare(query, user));
  }
}
