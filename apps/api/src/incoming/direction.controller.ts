import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/contracts';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { AssignmentCompletionDto, AssignmentNoteDto, AssignmentResponseDto, DelegateAssignmentDto, RejectIncomingDto, DirectIncomingDto, SubmitIncomingDto } from './dto/direction.dto';
import { DirectionService } from './direction.service';

@ApiTags('incoming documents')
@ApiBearerAuth()
@Controller()
export class DirectionController {
  constructor(private readonly direction: DirectionService) {}

  @Post('incoming-documents/:id/submission')
  @HttpCode(204)
  @RequirePermissions(Permission.IncomingRegister)
  @ApiOperation({ summary: 'Trình lãnh đạo / Submit to a leader for direction' })
  @ApiNoContentResponse()
  submit(@Param('id', ParseIdPipe) id: string, @Body() body: SubmitIncomingDto, @CurrentUser() clerk: AuthenticatedUser): Promise<void> {
    return this.direction.submit(id, body, clerk);
  }

  @Post('incoming-documents/:id/direction')
  @RequirePermissions(Permission.IncomingDirect)
  @ApiOperation({ summary: 'Chỉ đạo, phân công / Write the directive and assign lead, support, inform' })
  @ApiCreatedResponse({ type: [AssignmentResponseDto] })
  direct(@Param('id', ParseIdPipe) id: string, @Body() body: DirectIncomingDto, @CurrentUser() leader: AuthenticatedUser): Promise<AssignmentResponseDto[]> {
    return this.direction.direct(id, body, leader);
  }

  @Post('incoming-documents/:id/rejection')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Từ chối tiếp nhận / Refuse the document, with the reason (a clerk, or the leader it was submitted to)' })
  @ApiNoContentResponse()
  reject(@Param('id', ParseIdPipe) id: string, @Body() body: RejectIncomingDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.direction.reject(id, body, user);
  }

  @Get('incoming-documents/:id/assignments')
  @Authenticated()
  @ApiOkResponse({ type: [AssignmentResponseDto] })
  list(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<AssignmentResponseDto[]> {
    return this.direction.list(id, user);
  }

  @Post('assignments/:id/delegation')
  @Authenticated()
  @ApiOperation({ summary: 'Giao lại trong đơn vị / A unit head passes the unit’s part to an officer' })
  @ApiCreatedResponse({ type: AssignmentResponseDto })
  delegate(@Param('id', ParseIdPipe) id: string, @Body() body: DelegateAssignmentDto, @CurrentUser() head: AuthenticatedUser): Promise<AssignmentResponseDto> {
    return this.direction.delegate(id, body, head);
  }

  @Post('assignments/:id/progress')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Cập nhật tiến độ / Record progress' })
  progress(@Param('id', ParseIdPipe) id: string, @Body() body: AssignmentNoteDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.direction.recordProgress(id, body.text, user);
  }

  @Post('assignments/:id/completion')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Hoàn thành / Complete one’s part (the lead’s completes the document)' })
  complete(@Param('id', ParseIdPipe) id: string, @Body() body: AssignmentCompletionDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.direction.complete(id, body, user);
  }

  @Post('assignments/:id/return')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Trả lại / Return a document wrongly given, with the reason' })
  returnAssignment(@Param('id', ParseIdPipe) id: string, @Body() body: AssignmentNoteDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.direction.returnAssignment(id, body.text, user);
  }
}
