import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '../../identity/users.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { WorkingCalendarService } from '../../platform/calendar/working-calendar.service';
import { Clock, vietnamDate } from '../../platform/clock/clock';
import { sumOverIdSlices } from '../../platform/database/id-slices';
import { QueueService } from '../../platform/queue/queue.service';
import { taskLink } from '../tasks.service';
import { escalationKey, escalationTitle } from './escalation-title';

export const OVERDUE_ESCALATION_JOB = 'tasks.overdue-escalation';
/** 08:00 in Vietnam, after the 07:30 deadline reminders to the assignees themselves. */
const EVERY_MORNING = '0 8 * * *';
const SLICE = 500;

export interface EscalationRun {
  date: string;
  workingDay: boolean;
  /** notifications stored by this run */
  sent: number;
}

interface LateWork {
  id: string;
  subject: string;
  deadline: string;
  unit_id: string | null;
  holder: string | null;
  leader_id: string | null;
}

/**
 * Escalation of late work (báo cáo vượt cấp): on every working day, each open task whose deadline
 * has passed, and each incoming document still being handled after its deadline, is reported to
 * the head of the unit that holds it and to the leader who gave it (the task's giver, the leader
 * who directed the document). The assignees have had their own reminders since the day before;
 * this tells those who can act on it. Once per piece of work and missed deadline (a dedupe key
 * per person, and `escalated_for` on the task), so a job run twice or on two replicas tells nobody
 * twice.
 */
@Injectable()
export class OverdueEscalation implements OnApplicationBootstrap {
  private readonly logger = new Logger(OverdueEscalation.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly calendar: WorkingCalendarService,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.recurring(OVERDUE_ESCALATION_JOB, EVERY_MORNING, () => this.run());
  }

  /** The job's handler; tests call it with a moved clock. */
  async run(): Promise<EscalationRun> {
    const today = vietnamDate(this.clock.now());
    if (!(await this.calendar.isWorkingDay(today))) return { date: today, workingDay: false, sent: 0 };
    const heads = this.users.headsLookup();
    let sent = 0;
    sent += await sumOverIdSlices<LateWork>(
      SLICE,
      (after) =>
        this.dataSource.query(
          `SELECT t.id, t.title AS subject, t.deadline::text AS deadline, t.unit_id, COALESCE(unit.name, person.full_name) AS holder, t.assigned_by_id AS leader_id
             FROM task t LEFT JOIN unit ON unit.id = t.assignee_unit_id LEFT JOIN "user" person ON person.id = t.assignee_user_id
            WHERE t.state IN ('assigned', 'in_progress') AND t.deadline < $1::date
              AND (t.escalated_for IS NULL OR t.escalated_for <> t.deadline) AND t.id > $2
            ORDER BY t.id LIMIT ${SLICE}`,
          [today, after],
        ),
      async (work) => {
        const count = await this.escalate('task', work, heads);
        await this.dataSource.query(`UPDATE task SET escalated_for = deadline WHERE id = $1 AND deadline = $2::date`, [work.id, work.deadline]);
        return count;
      },
    );
    sent += await sumOverIdSlices<LateWork>(
      SLICE,
      // the lead part of the document: its unit (or its person's unit) and the leader who directed it
      (after) =>
        this.dataSource.query(
          `SELECT d.id, d.subject, d.due_on::text AS deadline, COALESCE(part.unit_id, person.unit_id) AS unit_id,
                  COALESCE(unit.name, person.full_name) AS holder, part.assigned_by_id AS leader_id
             FROM incoming_document d
             LEFT JOIN LATERAL (SELECT a.unit_id, a.user_id, a.assigned_by_id FROM assignment a
                                 WHERE a.document_id = d.id AND a.role = 'lead' AND a.parent_id IS NULL
                                 ORDER BY a.assigned_at DESC LIMIT 1) part ON true
             LEFT JOIN unit ON unit.id = part.unit_id
             LEFT JOIN "user" person ON person.id = part.user_id
            WHERE d.state IN ('assigned', 'in_progress') AND d.recalled_at IS NULL AND d.due_on < $1::date AND d.id > $2
            ORDER BY d.id LIMIT ${SLICE}`,
          [today, after],
        ),
      (work) => this.escalate('document', work, heads),
    );
    this.logger.log({ date: today, sent }, 'late work escalated');
    return { date: today, workingDay: true, sent };
  }

  private async escalate(kind: 'task' | 'document', work: LateWork, heads: (unitId: string) => Promise<string[]>): Promise<number> {
    const recipients = work.unit_id ? [...(await heads(work.unit_id))] : [];
    if (work.leader_id) recipients.push(work.leader_id);
    return this.notifications.notify(recipients, {
      kind: kind === 'task' ? 'task.overdue' : 'incoming.escalated',
      title: escalationTitle(kind, work.subject, work.deadline, work.holder),
      link: kind === 'task' ? taskLink(work.id) : `/incoming/${work.id}`,
      dedupeKey: escalationKey(kind, work.id, work.deadline),
    });
  }
}
