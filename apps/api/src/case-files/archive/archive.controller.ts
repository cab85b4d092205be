import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Permission } from '@app/contracts';
import type { ArchiveHandoverDto, BorrowRequestDto, RetentionExpiryDto } from '@app/contracts';
import { attachmentDisposition } from '../../files/file-names';
import { CurrentUser, RequirePermissions } from '../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { CreateBorrowDto, CreateHandoverDto, DecideBorrowDto, RetentionExpiryQueryDto } from '../dto/archive.dto';
import { ArchivePackageService } from './archive-package.service';
import { BorrowingService } from './borrowing.service';
import { HandoverPdf, HandoverService } from './handover.service';
import { ArchiveHandoverResponseDto, BorrowRequestResponseDto, RetentionExpiryResponseDto } from '../dto/case-file-response.dto';

const sendPdf = (response: Response, pdf: HandoverPdf) =>
  response
    .status(200)
    .set({ 'Content-Type': 'application/pdf', 'Content-Disposition': attachmentDisposition(pdf.fileName), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' })
    .end(Buffer.from(pdf.bytes));

@ApiTags('archive')
@ApiBearerAuth()
@Controller('archive')
export class ArchiveController {
  constructor(
    private readonly handovers: HandoverService,
    private readonly packages: ArchivePackageService,
    private readonly borrowing: BorrowingService,
  ) {}

  @Post('handovers')
  @RequirePermissions(Permission.ArchiveManage)
  @ApiOperation({ summary: 'Nhận hồ sơ nộp lưu / Receive closed case files kept 5 years or more' })
  @ApiOkResponse({ type: ArchiveHandoverResponseDto })
  receive(@Body() body: CreateHandoverDto, @CurrentUser() user: AuthenticatedUser): Promise<ArchiveHandoverDto> {
    return this.handovers.receive(body, user);
  }

  @Get('handovers')
  @RequirePermissions(Permission.ArchiveManage)
  @ApiOperation({ summary: 'Các lần nộp lưu / Handovers, newest first' })
  @ApiOkResponse({ type: [ArchiveHandoverResponseDto] })
  list(): Promise<ArchiveHandoverDto[]> {
    return this.handovers.list();
  }

  @Get('handovers/:id')
  @RequirePermissions(Permission.ArchiveManage)
  @ApiOperation({ summary: 'Một lần nộp lưu / A handover with its case files' })
  @ApiOkResponse({ type: ArchiveHandoverResponseDto })
  get(@Param('id', ParseIdPipe) id: string): Promise<ArchiveHandoverDto> {
    return this.handovers.get(id);
  }

  @Get('handovers/:id/list.pdf')
  @RequirePermissions(Permission.ArchiveManage)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Mục lục hồ sơ nộp lưu (PDF) / The handover list' })
  async listPdf(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    sendPdf(response, await this.handovers.listPdf(id, user));
  }

  @Get('handovers/:id/record.pdf')
  @RequirePermissions(Permission.ArchiveManage)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Biên bản giao nhận (PDF) / The handover record' })
  async recordPdf(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    sendPdf(response, await this.handovers.recordPdf(id, user));
  }

  @Get('case-files/:id/package')
  @RequirePermissions(Permission.ArchiveManage)
  @ApiProduces('application/zip')
  @ApiOperation({
    summary: 'Gói nộp lưu / The export package of a closed case file (ZIP)',
    description: 'Every file of every document, metadata.xml (Decree 30 Appendix VI, Circular 02/2019) and manifest-sha256.txt; check it with `npm run archive -- verify PACKAGE`.',
  })
  async package(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser, @Res() response: Response): Promise<void> {
    const built = await this.packages.build(id, user);
    response.status(200).set({ 'Content-Type': 'application/zip', 'Content-Disposition': attachmentDisposition(built.fileName), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    try {
      await pipeline(built.stream as Readable, response);
    } catch {
      // the headers are gone already: cutting the connection is the only honest signal left
      response.destroy();
    }
  }

  @Post('borrow-requests')
  @RequirePermissions(Permission.ArchiveRead)
  @ApiOperation({ summary: 'Xin mượn hồ sơ / Ask to borrow an archived case file' })
  @ApiOkResponse({ type: BorrowRequestResponseDto })
  borrow(@Body() body: CreateBorrowDto, @CurrentUser() user: AuthenticatedUser): Promise<BorrowRequestDto> {
    return this.borrowing.request(body, user);
  }

  @Get('borrow-requests')
  @RequirePermissions(Permission.ArchiveRead)
  @ApiOperation({ summary: 'Phiếu mượn / Borrowing requests: the archivist’s all, anyone else’s own' })
  @ApiOkResponse({ type: [BorrowRequestResponseDto] })
  borrowRequests(@CurrentUser() user: AuthenticatedUser): Promise<BorrowRequestDto[]> {
    return this.borrowing.list(user);
  }

  @Post('borrow-requests/:id/decision')
  @RequirePermissions(Permission.ArchiveManage)
  @ApiOperation({ summary: 'Duyệt / từ chối / nhận lại / Approve, refuse, or mark returned' })
  @ApiOkResponse({ type: BorrowRequestResponseDto })
  decide(@Param('id', ParseIdPipe) id: string, @Body() body: DecideBorrowDto, @CurrentUser() user: AuthenticatedUser): Promise<BorrowRequestDto> {
    return this.borrowing.decide(id, body, user);
  }

  @Get('retention-expiry')
  @RequirePermissions(Permission.ArchiveManage)
  @ApiOperation({ summary: 'Hồ sơ hết thời hạn bảo quản / Archived files whose retention ends by a day, for appraisal' })
  @ApiOkResponse({ type: [RetentionExpiryResponseDto] })
  retentionExpiry(@Query() query: RetentionExpiryQueryDto): Promise<RetentionExpiryDto[]> {
    return this.borrowing.retentionExpiry(query.until);
  }
}
