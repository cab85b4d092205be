import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, TaskRecurrenceDto } from '@app/contracts';
import { CurrentUser, RequirePermissions } from '../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { TaskRecurrenceDtoIn } from '../dto/task.dto';
import { TaskRecurrencesService } from './task-recurrences.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('task-recurrences')
export class TaskRecurrencesController {
  constructor(private readonly recurrences: TaskRecurrencesService) {}

  @Post()
  @RequirePermissions(Permission.TasksGive)
  @ApiOperation({ summary: 'Đặt nhiệm vụ định kỳ / Set up a weekly or monthly task' })
  create(@Body() body: TaskRecurrenceDtoIn, @CurrentUser() user: AuthenticatedUser): Promise<TaskRecurrenceDto> {
    return this.recurrences.create(body, user);
  }

  @Get()
  @RequirePermissions(Permission.TasksGive)
  @ApiOperation({ summary: 'Nhiệm vụ định kỳ tôi đã đặt / The recurring tasks I set up' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<TaskRecurrenceDto[]> {
    return this.recurrences.list(user);
  }

  @Post(':id/stop')
  @RequirePermissions(Permission.TasksGive)
  @ApiOperation({ summary: 'Dừng nhiệm vụ định kỳ / Stop a recurring task' })
  stop(@Param('id', ParseIdPipe) id: string, @CurrentUser() user: AuthenticatedUser): Promise<TaskRecurrenceDto> {
    return this.recurrences.stop(id, user);
  }
}
