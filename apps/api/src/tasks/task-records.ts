import type { EntityManager } from 'typeorm';
import type { PersonRef, TaskDto, TaskSourceKind, TaskEventDto, TaskExtensionDto, TaskSummaryDto } from '@app/contracts';
import { OPEN_TASK_STATES } from '@app/contracts';

/** The columns of a task with the names of the people and units it refers to. */
export const SUMMARY_COLUMNS = `
  t.id, t.title, t.description, t.priority, t.state, t.percent, t.deadline::text AS deadline, t.original_deadline::text AS original_deadline,
  t.given_at, t.completed_at, t.accepted_at, t.source_kind, t.source_id, t.recurrence_id, t.version,
  t.assignee_unit_id, unit.name AS assignee_unit_name, t.assignee_user_id, assignee.full_name AS assignee_user_name,
  t.assigned_by_id, giver.full_name AS assigned_by_name,
  EXISTS (SELECT 1 FROM task_extension x WHERE x.task_id = t.id AND x.state = 'pending') AS extension_pending`;

export const SUMMARY_JOINS = `
  LEFT JOIN unit ON unit.id = t.assignee_unit_id
  LEFT JOIN "user" assignee ON assignee.id = t.assignee_user_id
  JOIN "user" giver ON giver.id = t.assigned_by_id`;

export interface TaskRow {
  id: string;
  title: string;
  description: string | null;
  priority: TaskSummaryDto['priority'];
  state: TaskSummaryDto['state'];
  percent: number;
  deadline: string;
  original_deadline: string;
  given_at: Date;
  completed_at: Date | null;
  accepted_at: Date | null;
  source_kind: TaskSourceKind | null;
  source_id: string | null;
  recurrence_id: string | null;
  version: number;
  assignee_unit_id: string | null;
  assignee_unit_name: string | null;
  assignee_user_id: string | null;
  assignee_user_name: string | null;
  assigned_by_id: string;
  assigned_by_name: string;
  extension_pending: boolean;
}

export function toTaskSummary(row: TaskRow, today: string): TaskSummaryDto {
  return {
    id: row.id,
    title: row.title,
    priority: row.priority,
    state: row.state,
    percent: row.percent,
    deadline: row.deadline,
    overdue: OPEN_TASK_STATES.includes(row.state) && row.deadline < today,
    assigneeUnit: row.assignee_unit_id ? { id: row.assignee_unit_id, name: row.assignee_unit_name ?? '' } : null,
    assigneeUser: row.assignee_user_id ? { id: row.assignee_user_id, fullName: row.assignee_user_name ?? '' } : null,
    assignedBy: { id: row.assigned_by_id, fullName: row.assigned_by_name },
    givenAt: new Date(row.given_at).toISOString(),
    source: row.source_kind && row.source_id ? { kind: row.source_kind, id: row.source_id } : null,
    extensionPending: row.extension_pending,
    version: row.version,
  };
}

const person = (id: string | null, name: string | null): PersonRef | null => (id ? { id, fullName: name ?? '' } : null);
const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** The whole task: its summary, timeline with files, and extension requests. */
export async function readTask(manager: EntityManager, id: string, today: string): Promise<Omit<TaskDto, 'can'> | null> {
  const [row]: TaskRow[] = await manager.query(`SELECT ${SUMMARY_COLUMNS} FROM task t ${SUMMARY_JOINS} WHERE t.id = $1`, [id]);
  if (!row) return null;
  const events: (Omit<TaskEventDto, 'actor' | 'files' | 'at'> & { actor_id: string; actor_name: string; at: Date; files: TaskEventDto['files'] | null })[] = await manager.query(
    `SELECT e.id, e.kind, e.actor_id, u.full_name AS actor_name, e.at, e.percent, e.note, e.details,
            (SELECT json_agg(json_build_object('id', f.id, 'originalName', f.original_name, 'mediaType', f.media_type, 'size', f.size) ORDER BY f.original_name)
               FROM task_event_file ef JOIN stored_file f ON f.id = ef.file_id WHERE ef.event_id = e.id) AS files
       FROM task_event e JOIN "user" u ON u.id = e.actor_id
      WHERE e.task_id = $1 ORDER BY e.sequence`,
    [id],
  );
  const extensions: Record<string, any>[] = await manager.query(
    `SELECT x.*, x.current_deadline::text AS current, x.requested_deadline::text AS requested, r.full_name AS requested_by_name, d.full_name AS decided_by_name
       FROM task_extension x JOIN "user" r ON r.id = x.requested_by_id LEFT JOIN "user" d ON d.id = x.decided_by_id
      WHERE x.task_id = $1 ORDER BY x.requested_at, x.id`,
    [id],
  );
  return {
    ...toTaskSummary(row, today),
    description: row.description,
    originalDeadline: row.original_deadline,
    completedAt: iso(row.completed_at),
    acceptedAt: iso(row.accepted_at),
    recurrenceId: row.recurrence_id,
    events: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      actor: { id: event.actor_id, fullName: event.actor_name },
      at: new Date(event.at).toISOString(),
      percent: event.percent,
      note: event.note,
      details: event.details,
      files: (event.files ?? []).map((file) => ({ ...file, size: Number(file.size) })),
    })),
    extensions: extensions.map(
      (extension): TaskExtensionDto => ({
        id: extension.id,
        requestedBy: { id: extension.requested_by_id, fullName: extension.requested_by_name },
        requestedAt: new Date(extension.requested_at).toISOString(),
        currentDeadline: extension.current,
        requestedDeadline: extension.requested,
        reason: extension.reason,
        state: extension.state,
        decidedBy: person(extension.decided_by_id, extension.decided_by_name),
        decidedAt: iso(extension.decided_at),
        decisionNote: extension.decision_note,
      }),
    ),
  };
}
