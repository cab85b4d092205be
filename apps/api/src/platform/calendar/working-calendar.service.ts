import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DeadlineDto } from '@app/contracts';
import { endOfVietnamDay, vietnamDate } from './calendar-date';
import { CalendarException } from './calendar-exception.entity';
import { CalendarRevision } from './calendar-revision.entity';
import { WorkingCalendar } from './working-calendar';

/**
 * Working days for every context: deadlines (hạn xử lý) are counted here. The calendar (the rule
 * holidays of each year it touches, and the admin's exceptions) stays in memory; before each use
 * the revision counter is re-read — one primary-key read — and the exceptions reloaded only when
 * it moved, so a change made on any replica counts everywhere from its commit on.
 */
@Injectable()
export class WorkingCalendarService {
  private cached?: { revision: number; calendar: WorkingCalendar };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The calendar as of now (the exceptions table holds a few dozen rows a year: read whole). */
  async calendar(): Promise<WorkingCalendar> {
    // The revision is read before the exceptions: a change committed in between leaves newer rows
    // under an older number, which costs one extra reload, never a stale calendar.
    const revision = await this.revision();
    if (this.cached?.revision === revision) return this.cached.calendar;
    const exceptions = await this.dataSource.getRepository(CalendarException).find({ order: { date: 'ASC' } });
    const calendar = new WorkingCalendar(exceptions);
    this.cached = { revision, calendar };
    return calendar;
  }

  /** Called inside the transaction of every change to the exceptions. */
  async bumpRevision(manager: EntityManager): Promise<void> {
    await manager.increment(CalendarRevision, { id: 1 }, 'revision', 1);
  }

  /** The end (23:59:59.999 in Vietnam) of the day `workingDays` working days after `from` (see WorkingCalendar.addWorkingDays). */
  async addWorkingDays(from: Date, workingDays: number): Promise<Date> {
    return endOfVietnamDay((await this.calendar()).addWorkingDays(from, workingDays));
  }

  async deadline(from: Date, workingDays: number): Promise<DeadlineDto> {
    const dueDate = (await this.calendar()).addWorkingDays(from, workingDays);
    return { dueDate, dueAt: endOfVietnamDay(dueDate).toISOString() };
  }

  /** A `yyyy-MM-dd` date, or an instant (its date in Vietnam). */
  async isWorkingDay(date: string | Date): Promise<boolean> {
    return (await this.calendar()).isWorkingDay(typeof date === 'string' ? date : vietnamDate(date));
  }

  /** The first working day strictly after that date. */
  async nextWorkingDay(date: string | Date): Promise<string> {
    return (await this.calendar()).nextWorkingDay(typeof date === 'string' ? date : vietnamDate(date));
  }

  async workingDaysBetween(from: string, to: string): Promise<number> {
    return (await this.calendar()).workingDaysBetween(from, to);
  }

  private async revision(): Promise<number> {
    const row = await this.dataSource.getRepository(CalendarRevision).findOneBy({ id: 1 });
    return row?.revision ?? 0;
  }
}
