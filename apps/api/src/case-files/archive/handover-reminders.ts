import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '../../identity/users.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { vietnameseDate } from '../../incoming/register-export/register-row';
import { Clock, vietnamDate } from '../../platform/clock/clock';
import { QueueService } from '../../platform/queue/queue.service';
import { addDays, HANDOVER_MIN_YEARS, HANDOVER_REMINDER_DAYS } from '../retention';

export const HANDOVER_REMINDERS_JOB = 'case-files.handover-reminders';
/** 08:00 in Vietnam, every day. */
const EVERY_MORNING = '0 8 * * *';

export interface HandoverReminderRun {
  date: string;
  /** case files reminded about by this run (0 when it ran already today for them) */
  reminded: number;
}

interface DueFile {
  id: string;
  code: string;
  title: string;
  keeper_id: string;
  due_on: string;
}

/**
 * The reminder of the handover time limit (Decree 30 Art. 30; Appendix VI Part I §III: "notify
 * 30 days ahead"): every morning, the keeper of each closed case file that must go to the archive
 * and whose time limit (one year after its end) is 30 days away or less, and the archivists, are
 * told — once while it is coming, once more when it has passed (each carries a key per file).
 */
@Injectable()
export class HandoverReminders implements OnApplicationBootstrap {
  private readonly logger = new Logger(HandoverReminders.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.recurring(HANDOVER_REMINDERS_JOB, EVERY_MORNING, () => this.run());
  }

  /** The job's handler; also called directly by tests with a moved clock. */
  async run(): Promise<HandoverReminderRun> {
    const today = vietnamDate(this.clock.now());
    const due: DueFile[] = await this.dataSource.query(
      `SELECT id, code, title, keeper_id, to_char((end_date + interval '1 year')::date, 'YYYY-MM-DD') AS due_on
         FROM case_file
        WHERE state = 'closed' AND end_date IS NOT NULL
          AND (retention_years IS NULL OR retention_years >= $1)
          AND (end_date + interval '1 year')::date <= $2::date
        ORDER BY end_date`,
      [HANDOVER_MIN_YEARS, addDays(today, HANDOVER_REMINDER_DAYS)],
    );
    if (due.length === 0) return { date: today, reminded: 0 };
    const archivists = await this.users.activeWithRole('archivist');
    let reminded = 0;
    for (const file of due) {
      const overdue = file.due_on < today;
      const stored = await this.notifications.notify([file.keeper_id, ...archivists], {
        kind: overdue ? 'case_file.handover_overdue' : 'case_file.handover_due',
        title: overdue
          ? `Quá hạn nộp lưu: hồ sơ ${file.code} ${file.title} (hạn ${vietnameseDate(file.due_on)})`
          : `Sắp đến hạn nộp lưu: hồ sơ ${file.code} ${file.title} (hạn ${vietnameseDate(file.due_on)})`,
        link: `/case-files/${file.id}`,
        dedupeKey: `handover:${overdue ? 'overdue' : 'due'}:${file.id}`,
      });
      if (stored > 0) reminded += 1;
    }
    this.logger.log({ date: today, reminded }, 'handover reminders sent');
    return { date: today, reminded };
  }
}
