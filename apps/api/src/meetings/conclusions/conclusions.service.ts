import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ConclusionDto, ErrorCode } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import { Unit } from '../../identity/unit.entity';
import { User } from '../../identity/user.entity';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { Clock } from '../../platform/clock/clock';
import { badRequest, conflict, notFound, versionConflict } from '../../platform/errors/app-exception';
import { TasksService } from '../../tasks/tasks.service';
import { MeetingAccessService } from '../access/meeting-access.service';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingConclusion, MeetingConclusionTask } from '../entities/meeting-conclusion.entity';
import { MeetingEventsService } from '../events/meeting-events.service';
import { agendaItemNotFound, meetingWrongState, notChair, notManager } from '../meeting-errors';
import type { UpdateConclusionDto, WriteConclusionDto } from '../dto/meeting-requests.dto';
import { MeetingPeople } from '../schedule/meeting-views';

const conclusionNotFound = () => notFound(ErrorCode.NotFound, 'Không tìm thấy kết luận.', 'Conclusion not found.');

/**
 * Conclusions (kết luận) per agenda item: a secretary writes them with the tasks they give; the chair
 * approves, and in the same transaction each task is given through the tasks context (source
 * `meeting_conclusion`), in the chair's name, so it is followed up on the assignee's desk.
 */
@Injectable()
export class ConclusionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
    private readonly tasks: TasksService,
    private readonly people: MeetingPeople,
    private readonly clock: Clock,
  ) {}

  async list(meetingId: string, user: AuthenticatedUser): Promise<ConclusionDto[]> {
    await this.access.requireParticipant(meetingId, user);
    return this.conclusions(this.dataSource.manager, meetingId);
  }

  async write(meetingId: string, body: WriteConclusionDto, user: AuthenticatedUser): Promise<ConclusionDto> {
    checkTasks(body);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.writable(manager, meetingId, body, user);
      const conclusion = await manager.save(
        manager.create(MeetingConclusion, { meetingId, agendaItemId: body.agendaItemId ?? null, text: body.text, state: 'draft', writtenById: user.id, writtenAt: this.clock.now() }),
      );
      await this.writeTasks(manager, conclusion.id, body);
      await this.audit.record({ action: 'meeting.conclusion.write', actor: user, entityType: 'meeting_conclusion', entityId: conclusion.id, details: { meetingId } }, manager);
      await this.events.publish(meetingId, 'conclusions.changed', { conclusionId: conclusion.id }, { manager });
      return conclusion.id;
    });
    return this.one(meetingId, id);
  }

  async update(meetingId: string, conclusionId: string, body: UpdateConclusionDto, user: AuthenticatedUser): Promise<ConclusionDto> {
    checkTasks(body);
    await this.dataSource.transaction(async (manager) => {
      await this.writable(manager, meetingId, body, user);
      const conclusion = await this.locked(manager, meetingId, conclusionId);
      if (conclusion.version !== body.version) throw versionConflict('Kết luận', 'The conclusion');
      if (conclusion.state !== 'draft') throw conflict(ErrorCode.InvalidState, 'Kết luận đã được duyệt, không sửa được.', 'The conclusion is approved and cannot be changed.');
      await manager.update(MeetingConclusion, { id: conclusionId }, { agendaItemId: body.agendaItemId ?? null, text: body.text, writtenById: user.id, writtenAt: this.clock.now(), version: conclusion.version + 1 });
      await manager.delete(MeetingConclusionTask, { conclusionId });
      await this.writeTasks(manager, conclusionId, body);
      await this.audit.record({ action: 'meeting.conclusion.update', actor: user, entityType: 'meeting_conclusion', entityId: conclusionId, details: { meetingId } }, manager);
      await this.events.publish(meetingId, 'conclusions.changed', { conclusionId }, { manager });
    });
    return this.one(meetingId, conclusionId);
  }

  /** The chair approves: the conclusion is final and its tasks are given, all or nothing. */
  async approve(meetingId: string, conclusionId: string, version: number, user: AuthenticatedUser): Promise<ConclusionDto> {
    await this.dataSource.transaction(async (manager) => {
      const membership = await this.access.requireParticipant(meetingId, user, manager, { lock: true });
      if (!membership.chairs) throw notChair();
      const conclusion = await this.locked(manager, meetingId, conclusionId);
      if (conclusion.version !== version) throw versionConflict('Kết luận', 'The conclusion');
      if (conclusion.state !== 'draft') throw conflict(ErrorCode.InvalidState, 'Kết luận đã được duyệt.', 'The conclusion is already approved.');
      const tasks = await manager.getRepository(MeetingConclusionTask).findBy({ conclusionId });
      for (const task of tasks) {
        const given = await this.tasks.giveTask(
          user,
          {
            title: task.title,
            description: `Kết luận cuộc họp "${membership.meeting.title}": ${conclusion.text}`.slice(0, 5000),
            assigneeUnitId: task.assigneeUnitId,
            assigneeUserId: task.assigneeUserId,
            deadline: task.deadline,
            priority: task.priority,
            source: { kind: 'meeting_conclusion', id: conclusionId },
          },
          manager,
        );
        await manager.update(MeetingConclusionTask, { id: task.id }, { taskId: given.id });
      }
      await manager.update(MeetingConclusion, { id: conclusionId }, { state: 'approved', approvedById: user.id, approvedAt: this.clock.now(), version: conclusion.version + 1 });
      await this.audit.record({ action: 'meeting.conclusion.approve', actor: user, entityType: 'meeting_conclusion', entityId: conclusionId, details: { meetingId, tasks: tasks.length } }, manager);
      await this.events.publish(meetingId, 'conclusions.changed', { conclusionId }, { manager });
    });
    return this.one(meetingId, conclusionId);
  }

  async conclusions(manager: EntityManager, meetingId: string): Promise<ConclusionDto[]> {
    const rows = await manager.getRepository(MeetingConclusion).find({ where: { meetingId }, order: { writtenAt: 'ASC' } });
    const tasks = rows.length ? await manager.getRepository(MeetingConclusionTask).findBy({ conclusionId: In(rows.map((row) => row.id)) }) : [];
    const names = await this.people.byIds(rows.flatMap((row) => [row.writtenById, row.approvedById]));
    return rows.map((row) => ({
      id: row.id,
      agendaItemId: row.agendaItemId,
      text: row.text,
      state: row.state,
      writtenBy: row.writtenById ? (names.get(row.writtenById) ?? null) : null,
      writtenAt: row.writtenAt.toISOString(),
      approvedBy: row.approvedById ? (names.get(row.approvedById) ?? null) : null,
      approvedAt: row.approvedAt?.toISOString() ?? null,
      version: row.version,
      tasks: tasks
        .filter((task) => task.conclusionId === row.id)
        .map((task) => ({ id: task.id, title: task.title, assigneeUnitId: task.assigneeUnitId, assigneeUserId: task.assigneeUserId, deadline: task.deadline, priority: task.priority, taskId: task.taskId })),
    }));
  }

  private async one(meetingId: string, id: string): Promise<ConclusionDto> {
    const found = (await this.conclusions(this.dataSource.manager, meetingId)).find((conclusion) => conclusion.id === id);
    if (!found) throw conclusionNotFound();
    return found;
  }

  private async writable(manager: EntityManager, meetingId: string, body: WriteConclusionDto, user: AuthenticatedUser): Promise<void> {
    const membership = await this.access.requireParticipant(meetingId, user, manager, { lock: true });
    if (!membership.manages) throw notManager();
    if (membership.meeting.state === 'cancelled' || membership.meeting.state === 'draft') throw meetingWrongState(membership.meeting.state);
    if (body.agendaItemId && !(await manager.getRepository(MeetingAgendaItem).existsBy({ id: body.agendaItemId, meetingId }))) throw agendaItemNotFound();
  }

  private async locked(manager: EntityManager, meetingId: string, id: string): Promise<MeetingConclusion> {
    const conclusion = await manager.findOne(MeetingConclusion, { where: { id, meetingId }, lock: { mode: 'pessimistic_write' } });
    if (!conclusion) throw conclusionNotFound();
    return conclusion;
  }

  private async writeTasks(manager: EntityManager, conclusionId: string, body: WriteConclusionDto): Promise<void> {
    const users = [...new Set((body.tasks ?? []).map((task) => task.assigneeUserId).filter((id): id is string => Boolean(id)))];
    const units = [...new Set((body.tasks ?? []).map((task) => task.assigneeUnitId).filter((id): id is string => Boolean(id)))];
    if (users.length && (await manager.getRepository(User).countBy({ id: In(users), active: true })) !== users.length)
      throw badRequest(ErrorCode.UserNotFound, 'Người được giao nhiệm vụ không tồn tại.', 'A person given a task does not exist.', [{ field: 'tasks' }]);
    if (units.length && (await manager.getRepository(Unit).countBy({ id: In(units) })) !== units.length)
      throw badRequest(ErrorCode.UnitNotFound, 'Đơn vị được giao nhiệm vụ không tồn tại.', 'A unit given a task does not exist.', [{ field: 'tasks' }]);
    if (body.tasks?.length)
      await manager.insert(
        MeetingConclusionTask,
        body.tasks.map((task) => ({ conclusionId, title: task.title, assigneeUnitId: task.assigneeUnitId ?? null, assigneeUserId: task.assigneeUserId ?? null, deadline: task.deadline, priority: task.priority ?? 'normal' })),
      );
  }
}

function checkTasks(body: WriteConclusionDto): void {
  body.tasks?.forEach((task, index) => {
    if (Boolean(task.assigneeUnitId) === Boolean(task.assigneeUserId))
      throw badRequest(ErrorCode.ValidationFailed, 'Mỗi nhiệm vụ giao cho một đơn vị hoặc một người.', 'Each task goes to one unit or one person.', [{ field: `tasks.${index}.assigneeUnitId` }]);
  });
}
