import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '../../identity/users.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { WorkingCalendarService } from '../../platform/calendar/working-calendar.service';
import { Clock, vietnamDate } from '../../platform/clock/clock';
import { sumOverIdSlices } from '../../platform/database/id-slices';
import { QueueService } from '../../platform/queue/queue.service';
import { reminderKey, reminderKind, ReminderKind, reminderTitle } from './deadline-reminder';

export const DEADLINE_REMINDERS_JOB = 'incoming.deadline-reminders';
/** 07:30 in Vietnam, every day; the handler itself skips weekends and holidays. */
const EVERY_MORNING = '30 7 * * *';
/** Open assignments are read in slices, so a large backlog never sits in memory whole. */
const SLICE = 500;

interface DueAssignment {
  id: string;
  user_id: string | null;
  unit_id: string | null;
  due_on: string;
  document_id: string;
  subject: string;
}

export interface ReminderRun {
  date: string;
  /** false on a weekend or holiday: nothing is sent */
  workingDay: boolean;
  /** reminders stored (and pushed) by this run; 0 when it ran already today */
  sent: number;
}

/**
 * The morning reminder of deadlines (hạn xử lý): on every working day, whoever holds an open
 * assignment that is overdue, due today or due by the next working day is told — a person
 * directly, a unit through its heads. Those only informed (để biết) have nothing to do and are
 * not reminded; neither is anyone once the document is done. Each reminder carries a key of the
 * assignment and the day, so a job run twice (a retry, a second replica) tells nobody twice.
 */
@Injectable()
export class DeadlineReminders implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlineReminders.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly calendar: WorkingCalendarService,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.recurring(DEADLINE_REMINDERS_JOB, EVERY_MORNING, () => this.run());
  }

  /** The job's handler; also called directly by tests with a moved clock. */
  async run(): Promise<ReminderRun> {
    const today = vietnamDate(this.clock.now());
    // cron cannot know Tết or a swapped Saturday: the working-day calendar decides
    if (!(await this.calendar.isWorkingDay(today))) return { date: today, workingDay: false, sent: 0 };
    const nextWorkingDay = await this.calendar.nextWorkingDay(today);
    const heads = this.users.headsLookup();
    const sent = await sumOverIdSlices(
      SLICE,
      (after) => this.dueBy(nextWorkingDay, after),
      async (assignment) => {
        const kind = reminderKind(assignment.due_on, today, nextWorkingDay);
        return kind ? this.remind(assignment, kind, today, heads) : 0;
      },
    );
    this.logger.log({ date: today, sent }, 'deadline reminders sent');
    return { date: today, workingDay: true, sent };
  }

  private async remind(assignment: DueAssignment, kind: ReminderKind, today: string, heads: (unitId: string) => Promise<string[]>): Promise<number> {
    const recipients = assignment.user_id ? [assignment.user_id] : assignment.unit_id ? await heads(assignment.unit_id) : [];
    return this.notifications.notify(recipients, {
      kind,
      title: reminderTitle(kind, assignment.subject, assignment.due_on),
      link: `/incoming/${assignment.document_id}`,
      dedupeKey: reminderKey(assignment.id, today),
    });
  }

  /**
   * Open, actionable assignments due by that date, on documents still being worked on, by id.
   * A person who has left (inactive) is not written to; a unit's heads are looked up as of today.
   */
  private dueBy(lastDate: string, afterId: string): Promise<DueAssignment[]> {
    return this.dataSource.query(
      `SELECT a.id, a.user_id, a.unit_id, a.due_on::text AS due_on, d.id AS document_id, d.subject
         FROM assignment a JOIN incoming_document d ON d.id = a.document_id
         LEFT JOIN "user" u ON u.id = a.user_id
        WHERE a.state IN ('pending', 'in_progress') AND a.role <> 'inform'
          AND (a.user_id IS NULL OR u.active)
          AND a.due_on IS NOT NULL AND a.due_on <= $1::date
          AND d.state NOT IN ('done', 'rejected')
          AND a.id > $2
        ORDER BY a.id
        LIMIT ${SLICE}`,
      [lastDate, afterId],
    );
  }
}
