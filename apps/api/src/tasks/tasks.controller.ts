import { Body, Controller, Get, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Page, Permission, TaskDto, TaskSummaryDto } from '@app/contracts';
import { FileResponder } from '../files/file-responder';
import { Authenticated, CurrentUser, RequirePermissions } from '../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { ParseIdPipe } from '../platform/http/parse-id.pipe';
import { GiveTaskDto, TaskCompletionDto, TaskExtensionDecisionDto, TaskExtensionRequestDto, TaskListQueryDto, TaskProgressDto, TaskReviewDto } from './dto/task.dto';
import { TaskListService } from './task-list.service';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly lists: TaskListService,
    private readonly responder: FileResponder,
  ) {}

  @Post()
  @RequirePermissions(Permission.TasksGive)
  @ApiOperation({ summary: 'Giao nhiệm vụ / Give a task to a unit or a person' })
  @ApiCreatedResponse()
  give(@Body() body: GiveTaskDto, @CurrentUser() user: AuthenticatedUser): Promise<TaskDto> {
    return this.tasks.giveTask(user, body);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Danh sách nhiệm vụ / Task lists: mine, given, to_review, unit' })
  list(@Query() query: TaskListQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<Page<TaskSummaryDto>> {
    return this.lists.list(query, user);
  }

  @Get('counts')
  @Authenticated()
  @ApiOperation({ summary: 'Số nhiệm vụ của từng danh sách / Badge counts of the task lists' })
  counts(@CurrentUser() user: AuthenticatedUser): Promise<Record<string, number>> {
    return this.lists.counts(user);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse()
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<TaskDto> {
    return this.tasks.get(id, user);
  }

  @Post(':id/progress')
  @Authenticated()
  @ApiOperation({ summary: 'Báo cáo tiến độ / Report progress: percent, note, files' })
  progress(@Param('id', ParseIdPipe) id: string, @Body() body: TaskProgressDto, @CurrentUser() user: AuthenticatedUser): Promise<TaskDto> {
    return this.tasks.reportProgress(id, body, user);
  }

  @Post(':id/extension-request')
  @Authenticated()
  @ApiOperation({ summary: 'Xin gia hạn / Ask the giver for a later deadline' })
  requestExtension(@Param('id', ParseIdPipe) id: string, @Body() body: TaskExtensionRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<TaskDto> {
    return this.tasks.requestExtension(id, body, user);
  }

  @Post(':id/extension-decision')
  @Authenticated()
  @ApiOperation({ summary: 'Trả lời đề nghị gia hạn / Approve or refuse the waiting extension' })
  decideExtension(@Param('id', ParseIdPipe) id: string, @Body() body: TaskExtensionDecisionDto, @CurrentUser() user: AuthenticatedUser): Promise<TaskDto> {
    return this.tasks.decideExtension(id, body, user);
  }

  @Post(':id/completion')
  @Authenticated()
  @ApiOperation({ summary: 'Báo cáo hoàn thành / Report the task done, for the giver to accept' })
  complete(@Param('id', ParseIdPipe) id: string, @Body() body: TaskCompletionDto, @CurrentUser() user: AuthenticatedUser): Promise<TaskDto> {
    return this.tasks.complete(id, body, user);
  }

  @Post(':id/review')
  @Authenticated()
  @ApiOperation({ summary: 'Nghiệm thu hoặc trả lại / Accept the work, or send it back with the reason' })
  review(@Param('id', ParseIdPipe) id: string, @Body() body: TaskReviewDto, @CurrentUser() user: AuthenticatedUser): Promise<TaskDto> {
    return this.tasks.review(id, body, user);
  }

  @Get(':id/files/:fileId/content')
  @Authenticated()
  @ApiOperation({ summary: 'Tải tệp của nhiệm vụ / Download a file reported on the task' })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: HttpStatus.OK, schema: { type: 'string', format: 'binary' } })
  async content(@Param('id', ParseIdPipe) id: string, @Param('fileId', ParseIdPipe) fileId: string, @CurrentUser() user: AuthenticatedUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    const file = await this.tasks.fileOf(id, fileId, user);
    await this.responder.send(file, user, request, response);
  }
}
