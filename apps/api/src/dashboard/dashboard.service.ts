import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  CompletionDto,
  CompletionRateDto,
  DashboardOverviewDto,
  DecisionDto,
  EGovernmentFiguresDto,
  MeetingsTileDto,
  ShareFigureDto,
  TaskStateCountsDto,
} from '@app/contracts';
import { CaseFileFiguresService } from '../case-files/figures/case-file-figures.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { DUE_SOON_WORKING_DAYS } from '../incoming/incoming-list.service';
import { nextDay, startOfVietnamDay } from '../incoming/vietnam-day';
import { ConsultationsService } from '../meetings/consultations/consultations.service';
import { MeetingFigures } from '../meetings/minutes/meeting-figures';
import { MeetingsService } from '../meetings/schedule/meetings.service';
import { addDays } from '../platform/calendar/calendar-date';
import { WorkingCalendarService } from '../platform/calendar/working-calendar.service';
import { Clock, vietnamDate } from '../platform/clock/clock';
import { isoWeekday } from '../tasks/recurrence/recurrence-dates';
import { reportingQuarter } from './reporting-quarter';

/** Tasks and figures without a unit (a person with none) are kept under this id in the aggregates. */
const NO_UNIT = '00000000-0000-0000-0000-000000000000';
/** A leader's "my decisions" list shows at most this many of each kind, the oldest first. */
const DECISIONS_PER_KIND = 100;
/** The meetings tile looks two weeks ahead and shows at most this many. */
const UPCOMING_DAYS = 14;
const UPCOMING_LIMIT = 10;

const share = (numerator: number, denominator: number): ShareFigureDto => ({ numerator, denominator, share: denominator ? numerator / denominator : null });
const rate = (accepted: number, onTime: number): CompletionRateDto => ({ accepted, onTime, rate: accepted ? onTime / accepted : null });

/**
 * The leader's dashboard: every figure is read from the materialised views of migration
 * 1795400002310 (kept fresh by DashboardRefresh), a few hundred rows at most, whatever the size of
 * the document tables; "my decisions" reads the leader's own waiting items through their indexes.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingCalendarService,
    private readonly clock: Clock,
    private readonly modules: ModuleRef,
  ) {}

  async overview(): Promise<DashboardOverviewDto> {
    const now = this.clock.now();
    const today = vietnamDate(now);
    const soonUntil = vietnamDate(await this.calendar.addWorkingDays(now, DUE_SOON_WORKING_DAYS));
    const weekStart = addDays(today, 1 - isoWeekday(today));
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const [flows, openWork, tasks, refreshed] = await Promise.all([
      this.dataSource.query(
        `SELECT direction,
                COALESCE(sum(total) FILTER (WHERE day >= $1), 0)::int AS week,
                COALESCE(sum(total) FILTER (WHERE day >= $2), 0)::int AS year
           FROM dashboard_document_day WHERE day >= LEAST($1::date, $2::date) AND day <= $3 GROUP BY direction`,
        [weekStart, yearStart, today],
      ) as Promise<{ direction: 'received' | 'issued'; week: number; year: number }[]>,
      this.dataSource.query(
        `SELECT unit.id, unit.name,
                COALESCE(sum(work.documents), 0)::int AS in_progress,
                COALESCE(sum(work.documents) FILTER (WHERE work.due_on BETWEEN $1 AND $2), 0)::int AS due_soon,
                COALESCE(sum(work.documents) FILTER (WHERE work.due_on < $1), 0)::int AS overdue
           FROM unit LEFT JOIN dashboard_open_work work ON work.unit_id = unit.id
          GROUP BY unit.id, unit.name, unit.sort_order ORDER BY unit.sort_order, unit.name`,
        [today, soonUntil],
      ) as Promise<{ id: string; name: string; in_progress: number; due_soon: number; overdue: number }[]>,
      this.dataSource.query(
        `SELECT count.unit_id, unit.name, count.state, sum(count.tasks)::int AS tasks,
                COALESCE(sum(count.tasks) FILTER (WHERE count.deadline < $1), 0)::int AS overdue
           FROM dashboard_task_count count LEFT JOIN unit ON unit.id = count.unit_id
          GROUP BY count.unit_id, unit.name, unit.sort_order, count.state ORDER BY unit.sort_order NULLS LAST, unit.name`,
        [today],
      ) as Promise<{ unit_id: string; name: string | null; state: keyof TaskStateCountsDto; tasks: number; overdue: number }[]>,
      this.refreshedAt(),
    ]);
    const flow = (direction: 'received' | 'issued') => flows.find((row) => row.direction === direction) ?? { week: 0, year: 0 };
    const tasksByState: TaskStateCountsDto = { assigned: 0, in_progress: 0, completed: 0, accepted: 0, overdue: 0 };
    const byUnit = new Map<string, DashboardOverviewDto['tasksByUnit'][number]>();
    for (const row of tasks) {
      tasksByState[row.state] += row.tasks;
      tasksByState.overdue += row.overdue;
      let unit = byUnit.get(row.unit_id);
      if (!unit) {
        unit = { unit: row.unit_id === NO_UNIT ? null : { id: row.unit_id, name: row.name ?? '' }, assigned: 0, inProgress: 0, completed: 0, accepted: 0, overdue: 0 };
        byUnit.set(row.unit_id, unit);
      }
      unit[row.state === 'in_progress' ? 'inProgress' : row.state] += row.tasks;
      unit.overdue += row.overdue;
    }
    return {
      refreshedAt: refreshed,
      today,
      documents: {
        receivedThisWeek: flow('received').week,
        receivedThisYear: flow('received').year,
        issuedThisWeek: flow('issued').week,
        issuedThisYear: flow('issued').year,
        weekStart,
        yearStart,
      },
      openWorkByUnit: openWork.map((row) => ({ unit: { id: row.id, name: row.name }, inProgress: row.in_progress, dueSoon: row.due_soon, overdue: row.overdue })),
      tasksByState,
      tasksByUnit: [...byUnit.values()],
    };
  }

  /** On-time completion of the tasks accepted between `from` and `to` (Vietnam dates, inclusive), by unit and by person. */
  async completion(from?: string, to?: string): Promise<CompletionDto> {
    const today = vietnamDate(this.clock.now());
    const range = { from: from ?? `${today.slice(0, 4)}-01-01`, to: to ?? today };
    const rows: { unit_id: string; unit_name: string | null; user_id: string; user_name: string | null; accepted: number; on_time: number }[] = await this.dataSource.query(
      `SELECT done.unit_id, unit.name AS unit_name, done.user_id, person.full_name AS user_name,
              sum(done.accepted)::int AS accepted, sum(done.on_time)::int AS on_time
         FROM dashboard_task_completion done
         LEFT JOIN unit ON unit.id = done.unit_id
         LEFT JOIN "user" person ON person.id = done.user_id
        WHERE done.accepted_on BETWEEN $1 AND $2
        GROUP BY done.unit_id, unit.name, unit.sort_order, done.user_id, person.full_name
        ORDER BY unit.sort_order NULLS LAST, unit.name, person.full_name`,
      [range.from, range.to],
    );
    const units = new Map<string, CompletionDto['byUnit'][number]>();
    const byPerson: CompletionDto['byPerson'] = [];
    for (const row of rows) {
      const unit = row.unit_id === NO_UNIT ? null : { id: row.unit_id, name: row.unit_name ?? '' };
      const total = units.get(row.unit_id) ?? { unit, ...rate(0, 0) };
      units.set(row.unit_id, { unit, ...rate(total.accepted + row.accepted, total.onTime + row.on_time) });
      if (row.user_id !== NO_UNIT) byPerson.push({ person: { id: row.user_id, fullName: row.user_name ?? '' }, unit, ...rate(row.accepted, row.on_time) });
    }
    return { ...range, byUnit: [...units.values()], byPerson };
  }

  /**
   * Everything waiting for this leader: documents submitted for direction, drafts at their review
   * or approval step, drafts ready for their signature, extension requests and completed tasks
   * to accept — the oldest first within each kind.
   */
  async decisions(user: AuthenticatedUser): Promise<DecisionDto[]> {
    const rows: { kind: DecisionDto['kind']; id: string; title: string; link: string; since: Date; deadline: string | null }[] = await this.dataSource.query(
      `(SELECT 'direct' AS kind, d.id, d.subject AS title, '/incoming/' || d.id AS link, d.updated_at AS since, d.due_on::text AS deadline
          FROM incoming_document d WHERE d.submitted_to_id = $1 AND d.state = 'submitted' AND d.recalled_at IS NULL
         ORDER BY d.updated_at LIMIT ${DECISIONS_PER_KIND})
       UNION ALL
       (SELECT CASE step.kind WHEN 'approve' THEN 'approve' ELSE 'review' END, o.id, o.subject, '/outgoing/' || o.id, o.updated_at, NULL
          FROM review_step step JOIN outgoing_document o ON o.id = step.document_id
         WHERE step.reviewer_id = $1 AND step.state = 'current'
         ORDER BY o.updated_at LIMIT ${DECISIONS_PER_KIND})
       UNION ALL
       (SELECT 'sign', o.id, o.subject, '/outgoing/' || o.id, o.updated_at, NULL
          FROM outgoing_document o WHERE o.signer_id = $1 AND o.state = 'form_checked'
         ORDER BY o.updated_at LIMIT ${DECISIONS_PER_KIND})
       UNION ALL
       (SELECT 'task_extension', t.id, t.title, '/tasks/' || t.id, x.requested_at, x.requested_deadline::text
          FROM task t JOIN task_extension x ON x.task_id = t.id AND x.state = 'pending'
         WHERE t.assigned_by_id = $1
         ORDER BY x.requested_at LIMIT ${DECISIONS_PER_KIND})
       UNION ALL
       (SELECT 'task_acceptance', t.id, t.title, '/tasks/' || t.id, t.completed_at, t.deadline::text
          FROM task t WHERE t.assigned_by_id = $1 AND t.state = 'completed'
         ORDER BY t.completed_at LIMIT ${DECISIONS_PER_KIND})`,
      [user.id],
    );
    const decisions = rows.map((row) => ({ kind: row.kind, id: row.id, title: row.title, link: row.link, since: new Date(row.since).toISOString(), deadline: row.deadline }));
    return [...decisions, ...(await this.meetingsTile(user)).consultationsWaiting];
  }

  /**
   * The meetings of the next two weeks the leader may see, and the written consultations waiting
   * for their answer, from the meetings context; `available: false` when it is not in this build.
   */
  async meetingsTile(user: AuthenticatedUser): Promise<MeetingsTileDto> {
    const meetings = this.optional(MeetingsService);
    const consultations = this.optional(ConsultationsService);
    if (!meetings || !consultations) return { available: false, upcoming: [], consultationsWaiting: [] };
    const now = this.clock.now();
    const today = vietnamDate(now);
    const [schedule, asked] = await Promise.all([meetings.schedule({ from: today, to: addDays(today, UPCOMING_DAYS - 1) }, user), consultations.list('to_answer', user)]);
    return {
      available: true,
      upcoming: schedule
        .filter((meeting) => meeting.state !== 'cancelled' && meeting.state !== 'ended' && Date.parse(meeting.endsAt) > now.getTime())
        .slice(0, UPCOMING_LIMIT)
        .map((meeting) => ({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, location: meeting.room?.name ?? meeting.place ?? null, link: `/meetings/${meeting.id}` })),
      consultationsWaiting: asked
        .filter((consultation) => consultation.state === 'sent' && consultation.mine !== null && consultation.mine.answer === null)
        .map((consultation) => ({
          kind: 'consultation' as const,
          id: consultation.id,
          title: consultation.question,
          link: `/meetings/consultations/${consultation.id}`,
          since: consultation.sentAt ?? consultation.createdAt,
          deadline: consultation.deadline.slice(0, 10),
        })),
    };
  }

  /** A service of another context, found in the running application; null when that context is not part of it. */
  private optional<T>(type: new (...args: never[]) => T): T | null {
    try {
      return this.modules.get(type, { strict: false });
    } catch {
      return null;
    }
  }

  /** The e-government figures of a reporting quarter. */
  async eGovernment(year: number, quarter: 1 | 2 | 3 | 4): Promise<EGovernmentFiguresDto> {
    const period = reportingQuarter(year, quarter);
    const [documents, processing] = await Promise.all([
      this.dataSource.query(
        `SELECT direction, COALESCE(sum(ordinary), 0)::int AS ordinary, COALESCE(sum(electronic), 0)::int AS electronic
           FROM dashboard_document_day WHERE day BETWEEN $1 AND $2 GROUP BY direction`,
        [period.from, period.to],
      ) as Promise<{ direction: 'received' | 'issued'; ordinary: number; electronic: number }[]>,
      this.dataSource.query(`SELECT COALESCE(sum(documents), 0)::int AS documents, COALESCE(sum(total_days), 0)::float8 AS total_days FROM dashboard_incoming_processing WHERE day BETWEEN $1 AND $2`, [
        period.from,
        period.to,
      ]) as Promise<{ documents: number; total_days: number }[]>,
    ]);
    const side = (direction: 'received' | 'issued') => documents.find((row) => row.direction === direction) ?? { ordinary: 0, electronic: 0 };
    const incoming = share(side('received').electronic, side('received').ordinary);
    const outgoing = share(side('issued').electronic, side('issued').ordinary);
    return {
      period,
      electronicExchange: { ...share(incoming.numerator + outgoing.numerator, incoming.denominator + outgoing.denominator), incoming, outgoing },
      caseFilesOnline: await this.caseFilesOnline(period.year),
      meetings: await this.meetings(period.from, period.to),
      averageProcessingDays: processing[0].documents ? processing[0].total_days / processing[0].documents : null,
      processedDocuments: processing[0].documents,
    };
  }

  async refreshedAt(): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT refreshed_at FROM dashboard_refresh WHERE id = 1`);
    return row ? new Date(row.refreshed_at).toISOString() : null;
  }

  /**
   * Meeting time saved against the planned durations, over the meetings held in the period that
   * ran (started and ended), and the paper pages not printed, from the meetings context.
   */
  private async meetings(from: string, to: string): Promise<EGovernmentFiguresDto['meetings']> {
    const figures = this.optional(MeetingFigures);
    if (!figures) return null;
    const held = await figures.forPeriod(new Date(startOfVietnamDay(from)), new Date(startOfVietnamDay(nextDay(to))));
    const ran = held.filter((meeting) => meeting.actualMinutes !== null);
    const plannedMinutes = ran.reduce((sum, meeting) => sum + meeting.plannedMinutes, 0);
    const actualMinutes = ran.reduce((sum, meeting) => sum + (meeting.actualMinutes ?? 0), 0);
    return {
      plannedMinutes,
      actualMinutes,
      savedShare: plannedMinutes ? (plannedMinutes - actualMinutes) / plannedMinutes : null,
      pagesNotPrinted: held.reduce((sum, meeting) => sum + meeting.pagesNotPrinted, 0),
    };
  }

  /**
   * The case-files context counts case files by the year they were opened: the quarter's figure
   * is that of its reporting year. Null when that context is not part of this build.
   */
  private async caseFilesOnline(year: number): Promise<ShareFigureDto | null> {
    const figures = this.optional(CaseFileFiguresService);
    if (!figures) return null;
    const rows = await figures.onlineShare({ from: year, to: year });
    return share(
      rows.reduce((sum, row) => sum + row.online, 0),
      rows.reduce((sum, row) => sum + row.total, 0),
    );
  }
}
