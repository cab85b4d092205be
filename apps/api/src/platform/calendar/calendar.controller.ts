import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/contracts';
import { CurrentUser, RequirePermissions } from '../../identity/auth/access.decorators';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { CalendarService } from './calendar.service';
import { CalendarDayResponseDto, CalendarYearResponseDto, CreateCalendarExceptionDto, DeadlineQueryDto, DeadlineResponseDto } from './dto/calendar.dto';
import { ParseYearPipe } from './parse-year.pipe';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Declared before `:year`, which would otherwise take "deadline" for a year. */
  @Get('deadline')
  @RequirePermissions(Permission.CalendarRead)
  @ApiOkResponse({ type: DeadlineResponseDto })
  deadline(@Query() query: DeadlineQueryDto): Promise<DeadlineResponseDto> {
    return this.calendar.deadline(new Date(query.from), query.workingDays);
  }

  @Get(':year')
  @RequirePermissions(Permission.CalendarRead)
  @ApiOkResponse({ type: CalendarYearResponseDto })
  year(@Param('year', ParseYearPipe) year: number): Promise<CalendarYearResponseDto> {
    return this.calendar.year(year);
  }

  @Post('exceptions')
  @RequirePermissions(Permission.CalendarManage)
  @ApiCreatedResponse({ type: CalendarDayResponseDto })
  create(@Body() body: CreateCalendarExceptionDto, @CurrentUser() actor: AuthenticatedUser): Promise<CalendarDayResponseDto> {
    return this.calendar.createException(body, actor);
  }

  @Delete('exceptions/:id')
  @HttpCode(204)
  @RequirePermissions(Permission.CalendarManage)
  @ApiNoContentResponse()
  remove(@Param('id', ParseIdPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    return this.calendar.removeException(id, actor);
  }
}
