import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, Page, TaskSummaryDto, TaskView } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { Clock, vietnamDate } from '../platform/clock/clock';
import { decodeCursor, encodeCursor } from '../platform/database/cursor';
import { badRequest } from '../platform/errors/app-exception';
import type { TaskListQueryDto } from './dto/task.dto';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, TaskRow, toTaskSummary } from './task-records';
import { visibleTask } from './task-visibility';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What each list holds (:me, :unit, :head — whether I head my unit) and its order. The
 * working lists go by deadline (the most pressing first); the giver's list by when it was given.
 */
const VIEWS: Record<TaskView, { where: string; order: 'deadline' | 'given' }> = {
  // on my desk: given to me, or to my unit — its head carries it, its members may report on it
  mine: { where: `(t.assignee_user_id = :me OR t.assignee_unit_id = :unit) AND t.state IN ('assigned', 'in_progress', 'completed')`, order: 'deadline' },
  given: { where: `t.assigned_by_id = :me`, order: 'given' },
  to_review: {
    where: `t.assigned_by_id = :me AND (t.state = 'completed' OR EXISTS (SELECT 1 FROM task_extension x WHERE x.task_id = t.id AND x.state = 'pending'))`,
    order: 'deadline',
  },
  unit: { where: `:head::boolean AND t.unit_id = :unit AND t.state <> 'accepted'`, order: 'deadline' },
};

/**
 * Named parameters to positional ones, only those the text uses (PostgreSQL refuses a parameter it cannot type),
 * numbered after the positional parameters the text already has (`before`).
 */
function positional(sql: string, values: Record<string, unknown>, before: unknown[] = []): [string, unknown[]] {
  const used: unknown[] = [...before];
  const numbers = new Map<string, number>();
  const text = sql.replace(/:(\w+)/g, (match, name: string) => {
    if (!(name in values)) return match;
    if (!numbers.has(name)) numbers.set(name, used.push(values[name]));
    return `$${numbers.get(name)}`;
  });
  return [text, used];
}

const halfSource = () =>
  badRequest(ErrorCode.ValidationFailed, 'Cần cả loại nguồn (source) và mã nguồn (sourceId).', 'Give both the source kind (source) and its id (sourceId).', [
    { field: 'sourceId' },
  ]);

const invalidCursor = () => badRequest(ErrorCode.ValidationFailed, 'Con trỏ trang không hợp lệ (hãy tải lại danh sách).', 'The page cursor is not valid (reload the list).', [{ field: 'cursor' }]);

/** The task lists, keyset-paged; each list only ever holds tasks its reader may see. */
@Injectable()
export class TaskListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(query: TaskListQueryDto, user: AuthenticatedUser): Promise<Page<TaskSummaryDto>> {
    if (!query.source !== !query.sourceId) throw halfSource();
    const bySource = query.source !== undefined;
    // by source without a view: every task from that document the reader may see, by deadline
    const viewName = query.view ?? (bySource ? 'source' : 'mine');
    const view = query.view || !bySource ? VIEWS[query.view ?? 'mine'] : { where: 'TRUE', order: 'deadline' as const };
    const limit = query.limit ?? 50;
    const values: Record<string, unknown> = { me: user.id, unit: user.unitId, head: user.roles.includes('unit_head') };
    const visible = visibleTask('t', user, 1);
    let source = '';
    if (bySource) {
      Object.assign(values, { sourceKind: query.source, sourceId: query.sourceId });
      source = `AND t.source_kind = :sourceKind AND t.source_id = :sourceId::uuid AND ${visible.sql}`;
    }
    const key = view.order === 'deadline' ? `(t.deadline, t.id)` : `(t.given_at, t.id)`;
    const direction = view.order === 'deadline' ? 'ASC' : 'DESC';
    let after = '';
    if (query.cursor) {
      const [name, value, id, ...rest] = decodeCursor(query.cursor)?.split('|') ?? [];
      if (name !== viewName || !value || !id || rest.length || !UUID.test(id) || Number.isNaN(Date.parse(value))) throw invalidCursor();
      Object.assign(values, { afterKey: value, afterId: id });
      after = `AND ${key} ${direction === 'ASC' ? '>' : '<'} (:afterKey${view.order === 'deadline' ? '::date' : '::timestamptz'}, :afterId::uuid)`;
    }
    const rows: TaskRow[] = await this.dataSource.query(
      ...positional(
      `SELECT ${SUMMARY_COLUMNS} FROM task t ${SUMMARY_JOINS}
        WHERE ${view.where} ${source} ${after}
        ORDER BY ${view.order === 'deadline' ? 't.deadline' : 't.given_at'} ${direction}, t.id ${direction}
        LIMIT ${limit + 1}`,
      values,
      bySource ? visible.parameters : [],
    ));
    const today = vietnamDate(this.clock.now());
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const lastKey = last ? (view.order === 'deadline' ? last.deadline : new Date(last.given_at).toISOString()) : '';
    return { items: items.map((row) => toTaskSummary(row, today)), nextCursor: rows.length > limit && last ? encodeCursor(`${viewName}|${lastKey}|${last.id}`) : null };
  }

  /** The badges: how many tasks each list holds, and how many of mine are late. */
  async counts(user: AuthenticatedUser): Promise<Record<TaskView | 'mine_overdue', number>> {
    const values = { me: user.id, unit: user.unitId, head: user.roles.includes('unit_head'), today: vietnamDate(this.clock.now()) };
    const [row] = await this.dataSource.query(
      ...positional(
      `SELECT (SELECT count(*) FROM task t WHERE ${VIEWS.mine.where})::int AS mine,
              (SELECT count(*) FROM task t WHERE ${VIEWS.mine.where} AND t.state IN ('assigned', 'in_progress') AND t.deadline < :today::date)::int AS mine_overdue,
              (SELECT count(*) FROM task t WHERE ${VIEWS.given.where} AND t.state <> 'accepted')::int AS given,
              (SELECT count(*) FROM task t WHERE ${VIEWS.to_review.where})::int AS to_review,
              (SELECT count(*) FROM task t WHERE ${VIEWS.unit.where})::int AS unit`,
      values,
    ));
    return row;
  }
}
