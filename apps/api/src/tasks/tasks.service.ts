import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, GiveTaskRequest, OPEN_TASK_STATES, Permission, TASK_PRIORITIES, TASK_SOURCE_KINDS, TaskDto, TaskErrorCode, TaskEventKind, TaskState } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { FilesService } from '../files/files.service';
import type { StoredFile } from '../files/stored-file.entity';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { UnitsService } from '../identity/units.service';
import { UsersService } from '../identity/users.service';
import { IncomingService } from '../incoming/incoming.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OutgoingDraftsService } from '../outgoing/outgoing-drafts.service';
import { Clock, vietnamDate } from '../platform/clock/clock';
import { isUniqueViolation } from '../platform/database/database-errors';
import { AppException, badRequest, forbidden, versionConflict } from '../platform/errors/app-exception';
import { CALENDAR_DATE } from './dto/task.dto';
import type { TaskCompletionDto, TaskExtensionDecisionDto, TaskExtensionRequestDto, TaskProgressDto, TaskReviewDto } from './dto/task.dto';
import { Task } from './task.entity';
import { TaskEvent, TaskEventFile } from './task-event.entity';
import { TaskExtension } from './task-extension.entity';
import { readTask } from './task-records';
import { isAssignee, visibleTask } from './task-visibility';

export const taskNotFound = () => new AppException(HttpStatus.NOT_FOUND, TaskErrorCode.TaskNotFound, 'Không tìm thấy nhiệm vụ.', 'Task not found.');
const invalidState = (vi: string, en: string) => new AppException(HttpStatus.CONFLICT, ErrorCode.InvalidState, vi, en);
const invalid = (field: string, vi: string, en: string) => badRequest(ErrorCode.ValidationFailed, vi, en, [{ field }]);

/** Where a task's notifications take people. */
export const taskLink = (id: string) => `/tasks/${id}`;

/**
 * Tasks (giao việc): a leader gives a task to a unit or a person with a deadline and a priority;
 * the assignee reports progress (percent, notes, files), asks for a later deadline, and completes
 * it; the giver answers the extension and accepts the work or sends it back. Every step is one
 * transaction under the task's row lock with its timeline line and audit row, checked against
 * the version the client saw (409 on a lost race); the people concerned are notified after it.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly files: FilesService,
    private readonly incoming: IncomingService,
    private readonly outgoing: OutgoingDraftsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Gives a task. Other contexts call it too (a meeting's conclusions become tasks): with
   * `manager` the task is written in the caller's transaction. The giver needs `tasks.give` — a
   * unit head within the unit — except for a meeting conclusion, whose authority (the chair's)
   * the meetings context has checked. The assignee is notified when this returns.
   */
  giveTask(actor: AuthenticatedUser, input: GiveTaskRequest, manager?: EntityManager): Promise<TaskDto> {
    return this.give(actor, input, manager, null);
  }

  /** A recurring task's occurrence: the same checks, in the job's transaction, marked with the recurrence and day. */
  giveOccurrence(actor: AuthenticatedUser, input: GiveTaskRequest, recurrence: { id: string; on: string }, manager: EntityManager): Promise<TaskDto> {
    return this.give(actor, input, manager, recurrence);
  }

  private async give(actor: AuthenticatedUser, input: GiveTaskRequest, manager: EntityManager | undefined, recurrence: { id: string; on: string } | null): Promise<TaskDto> {
    const checked = await this.checkGiving(actor, input);
    const write = async (transaction: EntityManager) => {
      const now = this.clock.now();
      const task = await transaction.save(
        transaction.create(Task, {
          title: checked.title,
          description: input.description?.trim() || null,
          priority: input.priority,
          state: 'assigned',
          percent: 0,
          deadline: input.deadline,
          originalDeadline: input.deadline,
          assignedById: actor.id,
          assigneeUnitId: input.assigneeUnitId ?? null,
          assigneeUserId: input.assigneeUserId ?? null,
          unitId: checked.unitId,
          sourceKind: input.source?.kind ?? null,
          sourceId: input.source?.id ?? null,
          recurrenceId: recurrence?.id ?? null,
          occurrenceOn: recurrence?.on ?? null,
          givenAt: now,
          completedAt: null,
          completedOn: null,
          acceptedAt: null,
          acceptedById: null,
          escalatedFor: null,
        }),
      );
      await this.addEvent(transaction, task.id, actor, 'given', { details: { deadline: input.deadline, priority: input.priority, source: input.source ?? null } });
      await this.audit.record({ action: 'task.give', actor, entityType: 'task', entityId: task.id, details: { deadline: input.deadline, assigneeUnitId: task.assigneeUnitId, assigneeUserId: task.assigneeUserId, source: input.source ?? null } }, transaction);
      return task;
    };
    const task = manager ? await write(manager) : await this.dataSource.transaction(write);
    await this.notifyAssignees(task, `Nhiệm vụ mới: ${task.title}`);
    return this.describe(manager ?? this.dataSource.manager, task.id, actor);
  }

  async get(id: string, user: AuthenticatedUser): Promise<TaskDto> {
    const visibility = visibleTask('t', user, 2);
    const [row] = await this.dataSource.query(`SELECT ${visibility.sql} AS visible FROM task t WHERE t.id = $1`, [id, ...visibility.parameters]);
    if (!row) throw taskNotFound();
    if (!row.visible) throw forbidden('Bạn không được xem nhiệm vụ này.', 'You may not see this task.');
    return this.describe(this.dataSource.manager, id, user);
  }

  async reportProgress(id: string, input: TaskProgressDto, user: AuthenticatedUser): Promise<TaskDto> {
    const task = await this.step(id, user, input.version, async (manager, task) => {
      this.requireAssignee(task, user);
      this.requireState(task, OPEN_TASK_STATES, 'Nhiệm vụ không còn ở trạng thái đang thực hiện.', 'The task is not in progress any more.');
      await manager.update(Task, { id: task.id }, { state: 'in_progress', percent: input.percent, version: task.version + 1 });
      await this.addEvent(manager, task.id, user, 'progress', { percent: input.percent, note: input.note ?? null, fileIds: input.fileIds });
      await this.audit.record({ action: 'task.progress', actor: user, entityType: 'task', entityId: task.id, details: { percent: input.percent } }, manager);
    });
    await this.notifications.notify([task.assignedById], { kind: 'task.progress', title: `Cập nhật tiến độ ${input.percent}%: ${task.title}`, link: taskLink(task.id) });
    return this.describe(this.dataSource.manager, id, user);
  }

  async requestExtension(id: string, input: TaskExtensionRequestDto, user: AuthenticatedUser): Promise<TaskDto> {
    const task = await this.step(id, user, input.version, async (manager, task) => {
      this.requireAssignee(task, user);
      this.requireState(task, OPEN_TASK_STATES, 'Chỉ xin gia hạn nhiệm vụ đang thực hiện.', 'Only an open task can be extended.');
      if (input.deadline <= task.deadline) throw invalid('deadline', 'Hạn mới phải sau hạn hiện tại.', 'The new deadline must be after the current one.');
      const pending = await manager.existsBy(TaskExtension, { taskId: task.id, state: 'pending' });
      if (pending) throw new AppException(HttpStatus.CONFLICT, TaskErrorCode.ExtensionPending, 'Đã có một đề nghị gia hạn đang chờ trả lời.', 'An extension request is already waiting for an answer.');
      await manager.insert(TaskExtension, {
        taskId: task.id,
        requestedById: user.id,
        requestedAt: this.clock.now(),
        currentDeadline: task.deadline,
        requestedDeadline: input.deadline,
        reason: input.reason,
        state: 'pending',
      });
      await manager.update(Task, { id: task.id }, { version: task.version + 1 });
      await this.addEvent(manager, task.id, user, 'extension_requested', { note: input.reason, details: { from: task.deadline, to: input.deadline } });
      await this.audit.record({ action: 'task.extension.request', actor: user, entityType: 'task', entityId: task.id, details: { to: input.deadline } }, manager);
    });
    await this.notifications.notify([task.assignedById], { kind: 'task.extension', title: `Xin gia hạn: ${task.title}`, link: taskLink(task.id) });
    return this.describe(this.dataSource.manager, id, user);
  }

  async decideExtension(id: string, input: TaskExtensionDecisionDto, user: AuthenticatedUser): Promise<TaskDto> {
    let requester = '';
    const task = await this.step(id, user, input.version, async (manager, task) => {
      this.requireGiver(task, user);
      const extension = await manager.findOneBy(TaskExtension, { taskId: task.id, state: 'pending' });
      if (!extension) throw new AppException(HttpStatus.CONFLICT, TaskErrorCode.ExtensionNotFound, 'Không có đề nghị gia hạn nào đang chờ.', 'No extension request is waiting.');
      if (!input.approve && !input.note) throw invalid('note', 'Hãy ghi lý do không đồng ý gia hạn.', 'Give the reason for refusing the extension.');
      requester = extension.requestedById;
      await manager.update(TaskExtension, { id: extension.id }, { state: input.approve ? 'approved' : 'refused', decidedById: user.id, decidedAt: this.clock.now(), decisionNote: input.note ?? null });
      await manager.update(Task, { id: task.id }, { deadline: input.approve ? extension.requestedDeadline : task.deadline, version: task.version + 1 });
      await this.addEvent(manager, task.id, user, input.approve ? 'extension_approved' : 'extension_refused', {
        note: input.note ?? null,
        details: { from: extension.currentDeadline, to: extension.requestedDeadline },
      });
      await this.audit.record({ action: input.approve ? 'task.extension.approve' : 'task.extension.refuse', actor: user, entityType: 'task', entityId: task.id, details: { extensionId: extension.id } }, manager);
    });
    await this.notifications.notify([requester], {
      kind: 'task.extension',
      title: `${input.approve ? 'Đồng ý gia hạn' : 'Không đồng ý gia hạn'}: ${task.title}`,
      link: taskLink(task.id),
    });
    return this.describe(this.dataSource.manager, id, user);
  }

  async complete(id: string, input: TaskCompletionDto, user: AuthenticatedUser): Promise<TaskDto> {
    const task = await this.step(id, user, input.version, async (manager, task) => {
      this.requireAssignee(task, user);
      this.requireState(task, OPEN_TASK_STATES, 'Nhiệm vụ không còn ở trạng thái đang thực hiện.', 'The task is not in progress any more.');
      const now = this.clock.now();
      // a request for more time has no object once the work is reported done
      await manager.update(TaskExtension, { taskId: task.id, state: 'pending' }, { state: 'refused', decidedAt: now, decisionNote: 'Đã báo cáo hoàn thành.' });
      await manager.update(Task, { id: task.id }, { state: 'completed', percent: 100, completedAt: now, completedOn: vietnamDate(now), version: task.version + 1 });
      await this.addEvent(manager, task.id, user, 'completed', { percent: 100, note: input.note ?? null, fileIds: input.fileIds });
      await this.audit.record({ action: 'task.complete', actor: user, entityType: 'task', entityId: task.id }, manager);
    });
    await this.notifications.notify([task.assignedById], { kind: 'task.completed', title: `Báo cáo hoàn thành: ${task.title}`, link: taskLink(task.id) });
    return this.describe(this.dataSource.manager, id, user);
  }

  /** The giver accepts the work (nghiệm thu) or sends it back with the reason; back, it is open again. */
  async review(id: string, input: TaskReviewDto, user: AuthenticatedUser): Promise<TaskDto> {
    const task = await this.step(id, user, input.version, async (manager, task) => {
      this.requireGiver(task, user);
      this.requireState(task, ['completed'], 'Nhiệm vụ chưa được báo cáo hoàn thành.', 'The task has not been reported done.');
      if (!input.accept && !input.note) throw invalid('note', 'Hãy ghi lý do trả lại.', 'Give the reason for sending it back.');
      const now = this.clock.now();
      if (input.accept) await manager.update(Task, { id: task.id }, { state: 'accepted', acceptedAt: now, acceptedById: user.id, version: task.version + 1 });
      else await manager.update(Task, { id: task.id }, { state: 'in_progress', completedAt: null, completedOn: null, version: task.version + 1 });
      await this.addEvent(manager, task.id, user, input.accept ? 'accepted' : 'sent_back', { note: input.note ?? null });
      await this.audit.record({ action: input.accept ? 'task.accept' : 'task.send_back', actor: user, entityType: 'task', entityId: task.id }, manager);
    });
    await this.notifyAssignees(task, `${input.accept ? 'Nhiệm vụ được nghiệm thu' : 'Nhiệm vụ bị trả lại'}: ${task.title}`);
    return this.describe(this.dataSource.manager, id, user);
  }

  /** A file of the task's timeline, for whoever may see the task. */
  async fileOf(id: string, fileId: string, user: AuthenticatedUser): Promise<StoredFile> {
    await this.get(id, user);
    const [linked] = await this.dataSource.query(`SELECT 1 FROM task_event_file ef JOIN task_event e ON e.id = ef.event_id WHERE e.task_id = $1 AND ef.file_id = $2`, [id, fileId]);
    if (!linked) throw new AppException(HttpStatus.NOT_FOUND, ErrorCode.FileNotFound, 'Tệp không thuộc nhiệm vụ này.', 'The file is not one of this task’s files.');
    return this.files.findById(fileId);
  }

  /** The task with what the caller may do now. */
  async describe(manager: EntityManager, id: string, user: AuthenticatedUser): Promise<TaskDto> {
    const task = await readTask(manager, id, vietnamDate(this.clock.now()));
    if (!task) throw taskNotFound();
    const assignee = isAssignee({ assigneeUserId: task.assigneeUser?.id ?? null, assigneeUnitId: task.assigneeUnit?.id ?? null }, user);
    const giver = task.assignedBy.id === user.id;
    const open = OPEN_TASK_STATES.includes(task.state);
    return {
      ...task,
      can: {
        report: assignee && open,
        requestExtension: assignee && open && !task.extensionPending,
        decideExtension: giver && task.extensionPending,
        complete: assignee && open,
        review: giver && task.state === 'completed',
      },
    };
  }

  /** Notifies whoever holds the task: the person, or the heads of the unit. */
  async notifyAssignees(task: Pick<Task, 'id' | 'assigneeUserId' | 'assigneeUnitId'>, title: string, dedupeKey?: string): Promise<void> {
    const recipients = task.assigneeUserId ? [task.assigneeUserId] : task.assigneeUnitId ? await this.users.headsOf(task.assigneeUnitId) : [];
    await this.notifications.notify(recipients, { kind: 'task.assigned', title, link: taskLink(task.id), dedupeKey });
  }

  /** The checks of giving a task (input, assignee, authority, source), without writing anything. */
  async checkGiving(actor: AuthenticatedUser, input: GiveTaskRequest): Promise<{ title: string; unitId: string | null }> {
    const title = (input.title ?? '').normalize('NFC').trim();
    if (title.length < 2 || title.length > 500) throw invalid('title', 'Tên nhiệm vụ cần từ 2 đến 500 ký tự.', 'The title needs 2 to 500 characters.');
    if (!TASK_PRIORITIES.includes(input.priority)) throw invalid('priority', 'Mức độ ưu tiên không hợp lệ.', 'The priority is not valid.');
    if (!CALENDAR_DATE.test(input.deadline ?? '') || Number.isNaN(Date.parse(input.deadline)))
      throw invalid('deadline', 'Hạn hoàn thành là một ngày dạng yyyy-MM-dd.', 'The deadline is a date as yyyy-MM-dd.');
    if (input.deadline < vietnamDate(this.clock.now())) throw invalid('deadline', 'Hạn hoàn thành không được ở trong quá khứ.', 'The deadline cannot be in the past.');
    if (Boolean(input.assigneeUnitId) === Boolean(input.assigneeUserId))
      throw invalid('assigneeUnitId', 'Giao cho một đơn vị hoặc một người.', 'Give the task to one unit or one person.');
    let unitId: string | null;
    if (input.assigneeUserId) {
      const person = await this.users.requireActive(input.assigneeUserId).catch(() => {
        throw badRequest(ErrorCode.UserNotFound, 'Người được giao không tồn tại.', 'The chosen person does not exist.', [{ field: 'assigneeUserId' }]);
      });
      unitId = person.unitId;
    } else {
      const unit = await this.units.get(input.assigneeUnitId as string).catch(() => {
        throw badRequest(ErrorCode.UnitNotFound, 'Đơn vị được giao không tồn tại.', 'The chosen unit does not exist.', [{ field: 'assigneeUnitId' }]);
      });
      unitId = unit.id;
    }
    const source = input.source ?? null;
    if (source && !TASK_SOURCE_KINDS.includes(source.kind)) throw invalid('source', 'Nguồn của nhiệm vụ không hợp lệ.', 'The task’s source is not valid.');
    if (source?.kind !== 'meeting_conclusion') {
      if (!actor.permissions.includes(Permission.TasksGive)) throw forbidden('Bạn không có quyền giao nhiệm vụ.', 'You may not give tasks.');
      // a unit head directs within the unit; the agency's leaders anywhere
      if (!actor.roles.includes('leader') && (!actor.unitId || unitId !== actor.unitId))
        throw forbidden('Lãnh đạo đơn vị chỉ giao nhiệm vụ trong đơn vị mình.', 'A unit head gives tasks within the unit only.');
    }
    // the document a task comes from must be one the giver can see
    if (source?.kind === 'incoming_document') await this.incoming.get(source.id, actor, { audit: false });
    if (source?.kind === 'outgoing_document') await this.outgoing.get(source.id, actor, { audit: false });
    return { title, unitId };
  }

  /** One step of the lifecycle: the task locked, the client's version checked, `change` applied. */
  private async step(id: string, user: AuthenticatedUser, version: number, change: (manager: EntityManager, task: Task) => Promise<void>): Promise<Task> {
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.findOne(Task, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!task) throw taskNotFound();
      const visibility = visibleTask('t', user, 2);
      const [{ visible }] = await manager.query(`SELECT ${visibility.sql} AS visible FROM task t WHERE t.id = $1`, [id, ...visibility.parameters]);
      if (!visible) throw forbidden('Bạn không được xem nhiệm vụ này.', 'You may not see this task.');
      if (task.version !== version) throw versionConflict('Nhiệm vụ', 'The task');
      await change(manager, task);
      return task;
    });
  }

  private requireAssignee(task: Task, user: AuthenticatedUser): void {
    if (!isAssignee(task, user)) throw forbidden('Chỉ người hoặc đơn vị được giao mới thực hiện được việc này.', 'Only the assignee can do this.');
  }

  private requireGiver(task: Task, user: AuthenticatedUser): void {
    if (task.assignedById !== user.id) throw forbidden('Chỉ người giao nhiệm vụ mới quyết định được việc này.', 'Only the one who gave the task can decide this.');
  }

  private requireState(task: Task, states: readonly TaskState[], vi: string, en: string): void {
    if (!states.includes(task.state)) throw invalidState(vi, en);
  }

  private async addEvent(
    manager: EntityManager,
    taskId: string,
    actor: AuthenticatedUser,
    kind: TaskEventKind,
    content: { percent?: number | null; note?: string | null; details?: Record<string, unknown>; fileIds?: string[] } = {},
  ): Promise<void> {
    const event = await manager.save(
      manager.create(TaskEvent, { taskId, actorId: actor.id, at: this.clock.now(), kind, percent: content.percent ?? null, note: content.note ?? null, details: content.details ?? null }),
    );
    const fileIds = content.fileIds ?? [];
    if (new Set(fileIds).size !== fileIds.length) throw invalid('fileIds', 'Một tệp được đính kèm hai lần.', 'A file is attached twice.');
    for (const fileId of fileIds) {
      const file = await this.files.findById(fileId).catch(() => {
        throw badRequest(ErrorCode.FileNotFound, 'Tệp được chọn không tồn tại; hãy tải lên lại.', 'The chosen file does not exist; upload it again.', [{ field: 'fileIds' }]);
      });
      // only one's own uploads: someone else's file id must not become readable through a task
      this.files.assertCanRead(file, actor);
      try {
        await manager.insert(TaskEventFile, { eventId: event.id, fileId });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppException(HttpStatus.CONFLICT, ErrorCode.FileAlreadyUsed, 'Tệp này đã được đính kèm ở nơi khác.', 'This file is already attached elsewhere.', [{ field: 'fileIds' }]);
        throw error;
      }
    }
  }
}
