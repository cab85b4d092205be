import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, CalendarDayDto, CalendarYearDto, DeadlineDto, ErrorCode } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { badRequest, conflict, notFound } from '../errors/app-exception';
import { isUniqueViolation } from '../database/database-errors';
import { dayMonth } from './calendar-date';
import { CalendarException } from './calendar-exception.entity';
import { CreateCalendarExceptionDto } from './dto/calendar.dto';
import { WorkingCalendarService } from './working-calendar.service';
import { exceptionRefusal, ExceptionRefusal } from './working-calendar';

const REFUSALS: Record<ExceptionRefusal, { code: ErrorCode; vi: (date: string) => string; en: (date: string) => string }> = {
  already_working: {
    code: ErrorCode.CalendarDayAlreadyWorking,
    vi: (date) => `Ngày ${date} là ngày làm việc bình thường (thứ Hai – thứ Sáu, không phải ngày lễ): không cần đánh dấu là ngày làm việc.`,
    en: (date) => `${date} is an ordinary working day (Monday to Friday, not a holiday): it need not be marked as a working day.`,
  },
  weekend_already_off: {
    code: ErrorCode.CalendarDayAlreadyOff,
    vi: (date) => `Ngày ${date} là thứ Bảy hoặc Chủ nhật, đã là ngày nghỉ hằng tuần: không cần đánh dấu là ngày nghỉ.`,
    en: (date) => `${date} is a Saturday or Sunday, already a weekly day off: it need not be marked as a day off.`,
  },
  holiday_already_off: {
    code: ErrorCode.CalendarDayAlreadyOff,
    vi: (date) => `Ngày ${date} đã là ngày nghỉ lễ, Tết (hoặc nghỉ bù) theo Bộ luật Lao động: không cần đánh dấu là ngày nghỉ.`,
    en: (date) => `${date} is already a public holiday (or its compensation day) under the Labour Code: it need not be marked as a day off.`,
  },
};

const outOfCalendar = () =>
  badRequest(
    ErrorCode.ValidationFailed,
    `Lịch ngày làm việc chỉ tính cho các năm ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}.`,
    `The working-day calendar covers the years ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} only.`,
  );

/** The calendar page and the admin's changes to it; computations for other contexts are in WorkingCalendarService. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workingCalendar: WorkingCalendarService,
    private readonly audit: AuditService,
  ) {}

  async year(year: number): Promise<CalendarYearDto> {
    return { year, days: (await this.workingCalendar.calendar()).yearDays(year) };
  }

  async deadline(from: Date, workingDays: number): Promise<DeadlineDto> {
    try {
      return await this.workingCalendar.deadline(from, workingDays);
    } catch (error) {
      // a deadline running past the last year the calendar covers
      if (error instanceof RangeError) throw outOfCalendar();
      throw error;
    }
  }

  async createException(input: CreateCalendarExceptionDto, actor: AuthenticatedUser): Promise<CalendarDayDto> {
    const refusal = exceptionRefusal(input.date, input.kind);
    if (refusal) {
      const { code, vi, en } = REFUSALS[refusal];
      throw badRequest(code, vi(input.date), en(input.date), [{ field: 'kind', problems: [refusal] }]);
    }
    return this.dataSource.transaction(async (manager) => {
      try {
        const exception = await manager.save(manager.create(CalendarException, { ...input, createdById: actor.id }));
        await this.workingCalendar.bumpRevision(manager);
        await this.audit.record(
          { action: 'calendar.exception.create', actor, entityType: 'calendar_exception', entityId: exception.id, details: { date: input.date, kind: input.kind, name: input.name } },
          manager,
        );
        return { date: exception.date, kind: exception.kind, name: exception.name, source: 'admin', id: exception.id, working: exception.kind === 'working_day' };
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict(
            ErrorCode.DuplicateCalendarDate,
            `Ngày ${dayMonth(input.date)}/${input.date.slice(0, 4)} đã có trong lịch; hãy xoá mục cũ trước khi ghi lại.`,
            `${input.date} is already in the calendar; delete that entry before recording it again.`,
            [{ field: 'date', problems: ['duplicate'] }],
          );
        throw error;
      }
    });
  }

  async removeException(id: string, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const exception = await manager.findOne(CalendarException, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!exception)
        throw notFound(ErrorCode.CalendarExceptionNotFound, 'Không tìm thấy ngày này trong lịch (có thể đã bị xoá).', 'Calendar entry not found (it may have been deleted).');
      await manager.delete(CalendarException, { id });
      await this.workingCalendar.bumpRevision(manager);
      await this.audit.record(
        { action: 'calendar.exception.delete', actor, entityType: 'calendar_exception', entityId: id, details: { date: exception.date, kind: exception.kind, name: exception.name } },
        manager,
      );
    });
  }
}
