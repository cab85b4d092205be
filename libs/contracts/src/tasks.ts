import type { PersonRef } from './outgoing';

/**
 * Tasks (giao việc): a leader gives a piece of work to a unit or a person — from a document, a
 * meeting conclusion or on its own — with a deadline and a priority. States:
 * `assigned → in_progress → completed` (waiting for the giver's acceptance) `→ accepted`; sending it
 * back returns it to `in_progress`.
 */
export const TASK_STATES = ['assigned', 'in_progress', 'completed', 'accepted'] as const;
export type TaskState = (typeof TASK_STATES)[number];
/** The states in which the assignee still has work to do (a deadline can be missed). */
export const OPEN_TASK_STATES: readonly TaskState[] = ['assigned', 'in_progress'];
export const TASK_STATE_LABELS: Record<TaskState, { vi: string; en: string }> = {
  assigned: { vi: 'Mới giao', en: 'Assigned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  completed: { vi: 'Chờ nghiệm thu', en: 'Waiting for acceptance' },
  accepted: { vi: 'Đã hoàn thành', en: 'Accepted' },
};

export const TASK_PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_SOURCE_KINDS = ['incoming_document', 'outgoing_document', 'meeting_conclusion'] as const;
export type TaskSourceKind = (typeof TASK_SOURCE_KINDS)[number];

export const TASK_EVENT_KINDS = ['given', 'progress', 'extension_requested', 'extension_approved', 'extension_refused', 'completed', 'accepted', 'sent_back'] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

export const TASK_RECURRENCE_FREQUENCIES = ['weekly', 'monthly'] as const;
export type TaskRecurrenceFrequency = (typeof TASK_RECURRENCE_FREQUENCIES)[number];

export const TaskErrorCode = {
  TaskNotFound: 'TASK_NOT_FOUND',
  ExtensionPending: 'TASK_EXTENSION_PENDING',
  ExtensionNotFound: 'TASK_EXTENSION_NOT_FOUND',
  RecurrenceNotFound: 'TASK_RECURRENCE_NOT_FOUND',
} as const;

export interface TaskSource {
  kind: TaskSourceKind;
  id: string;
}

/** POST /api/tasks, and TasksService.giveTask for other contexts. */
export interface GiveTaskRequest {
  title: string;
  description?: string | null;
  assigneeUnitId?: string | null;
  assigneeUserId?: string | null;
  /** yyyy-MM-dd, a Vietnam date, not in the past */
  deadline: string;
  priority: TaskPriority;
  source?: TaskSource | null;
}

export interface TaskProgressRequest {
  percent: number;
  note?: string | null;
  /** files uploaded by the assignee through POST /api/files */
  fileIds?: string[];
  version: number;
}

export interface TaskExtensionRequest {
  deadline: string;
  reason: string;
  version: number;
}

export interface TaskExtensionDecisionRequest {
  approve: boolean;
  note?: string | null;
  version: number;
}

export interface TaskCompletionRequest {
  note?: string | null;
  fileIds?: string[];
  version: number;
}

export interface TaskReviewRequest {
  /** true: accepted (nghiệm thu); false: sent back with the note as the reason */
  accept: boolean;
  note?: string | null;
  version: number;
}

export interface UnitRef {
  id: string;
  name: string;
}

export interface TaskSummaryDto {
  id: string;
  title: string;
  priority: TaskPriority;
  state: TaskState;
  percent: number;
  deadline: string;
  /** open and the deadline (Vietnam date) has passed */
  overdue: boolean;
  assigneeUnit: UnitRef | null;
  assigneeUser: PersonRef | null;
  assignedBy: PersonRef;
  givenAt: string;
  source: TaskSource | null;
  /** an extension request waits for the giver's answer */
  extensionPending: boolean;
  version: number;
}

export interface TaskEventDto {
  id: string;
  kind: TaskEventKind;
  actor: PersonRef;
  at: string;
  percent: number | null;
  note: string | null;
  details: Record<string, unknown> | null;
  files: { id: string; originalName: string; mediaType: string; size: number }[];
}

export interface TaskExtensionDto {
  id: string;
  requestedBy: PersonRef;
  requestedAt: string;
  currentDeadline: string;
  requestedDeadline: string;
  reason: string;
  state: 'pending' | 'approved' | 'refused';
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface TaskDto extends TaskSummaryDto {
  description: string | null;
  originalDeadline: string;
  completedAt: string | null;
  acceptedAt: string | null;
  recurrenceId: string | null;
  events: TaskEventDto[];
  extensions: TaskExtensionDto[];
  /** what the caller may do now, so the page shows only those buttons */
  can: { report: boolean; requestExtension: boolean; decideExtension: boolean; complete: boolean; review: boolean };
}

/**
 * - `mine`: open tasks given to me, or to my unit when I head it (the desk)
 * - `given`: tasks I gave, newest first
 * - `to_review`: tasks I gave that wait for my acceptance or my answer to an extension
 * - `unit`: my unit's tasks (unit heads)
 */
export const TASK_VIEWS = ['mine', 'given', 'to_review', 'unit'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export interface TaskRecurrenceRequest {
  title: string;
  description?: string | null;
  assigneeUnitId?: string | null;
  assigneeUserId?: string | null;
  priority: TaskPriority;
  frequency: TaskRecurrenceFrequency;
  /** weekly: ISO weekday 1 (Monday) … 7; monthly: day of the month 1 … 28 */
  day: number;
  /** the deadline of each occurrence, in calendar days after the day it is given */
  dueInDays: number;
  /** first day an occurrence may be given (defaults to today) */
  startsOn?: string | null;
}

export interface TaskRecurrenceDto {
  id: string;
  title: string;
  description: string | null;
  priority: TaskPriority;
  assigneeUnit: UnitRef | null;
  assigneeUser: PersonRef | null;
  frequency: TaskRecurrenceFrequency;
  day: number;
  dueInDays: number;
  nextOn: string;
  active: boolean;
  createdBy: PersonRef;
}
