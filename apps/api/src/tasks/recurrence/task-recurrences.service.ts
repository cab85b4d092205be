import { HttpStatus, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { permissionsOf, TaskErrorCode, TaskRecurrenceDto } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { UsersService } from '../../identity/users.service';
import { addDays } from '../../platform/calendar/calendar-date';
import { Clock, vietnamDate } from '../../platform/clock/clock';
import { AppException, badRequest, forbidden } from '../../platform/errors/app-exception';
import { ErrorCode } from '@app/contracts';
import { QueueService } from '../../platform/queue/queue.service';
import type { TaskRecurrenceDtoIn } from '../dto/task.dto';
import { TaskRecurrence } from '../task-recurrence.entity';
import { TasksService } from '../tasks.service';
import { dueOccurrence, occurrenceOnOrAfter } from './recurrence-dates';

export const TASK_RECURRENCES_JOB = 'tasks.recurrences';
/** 06:00 in Vietnam, every day: the day's reports are on the desk when people arrive. */
const EVERY_MORNING = '0 6 * * *';

const recurrenceNotFound = () => new AppException(HttpStatus.NOT_FOUND, TaskErrorCode.RecurrenceNotFound, 'Không tìm thấy nhiệm vụ định kỳ.', 'Recurring task not found.');

/**
 * Recurring tasks (báo cáo tuần, báo cáo tháng): the giver sets a weekday or a day of the month,
 * and a daily job gives the task on that day, as the giver, with a deadline some days later.
 * Each occurrence is one task, unique by (recurrence, day): a job run twice gives it once.
 */
@Injectable()
export class TaskRecurrencesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TaskRecurrencesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.recurring(TASK_RECURRENCES_JOB, EVERY_MORNING, () => this.run());
  }

  async create(input: TaskRecurrenceDtoIn, user: AuthenticatedUser): Promise<TaskRecurrenceDto> {
    if (input.frequency === 'weekly' && input.day > 7) throw badRequest(ErrorCode.ValidationFailed, 'Ngày trong tuần từ 1 (thứ Hai) đến 7 (Chủ nhật).', 'A weekday is 1 (Monday) to 7 (Sunday).', [{ field: 'day' }]);
    const today = vietnamDate(this.clock.now());
    const startsOn = input.startsOn && input.startsOn > today ? input.startsOn : today;
    // the same checks as a task given today, so a recurrence that could never give one is refused now
    await this.tasks.checkGiving(user, { title: input.title, assigneeUnitId: input.assigneeUnitId, assigneeUserId: input.assigneeUserId, deadline: addDays(today, input.dueInDays), priority: input.priority });
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(TaskRecurrence, {
          title: input.title,
          description: input.description ?? null,
          priority: input.priority,
          assigneeUnitId: input.assigneeUnitId ?? null,
          assigneeUserId: input.assigneeUserId ?? null,
          frequency: input.frequency,
          day: input.day,
          dueInDays: input.dueInDays,
          nextOn: occurrenceOnOrAfter(input.frequency, input.day, startsOn),
          active: true,
          createdById: user.id,
        }),
      );
      await this.audit.record({ action: 'task.recurrence.create', actor: user, entityType: 'task_recurrence', entityId: saved.id, details: { frequency: input.frequency, day: input.day } }, manager);
      return saved.id;
    });
    return (await this.read(`r.id = $1`, [id]))[0];
  }

  /** The recurrences the user set up. */
  list(user: AuthenticatedUser): Promise<TaskRecurrenceDto[]> {
    return this.read(`r.created_by_id = $1`, [user.id]);
  }

  async stop(id: string, user: AuthenticatedUser): Promise<TaskRecurrenceDto> {
    await this.dataSource.transaction(async (manager) => {
      const recurrence = await manager.findOne(TaskRecurrence, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!recurrence) throw recurrenceNotFound();
      if (recurrence.createdById !== user.id) throw forbidden('Chỉ người đặt nhiệm vụ định kỳ mới dừng được nó.', 'Only the one who set up the recurring task can stop it.');
      await manager.update(TaskRecurrence, { id }, { active: false, version: recurrence.version + 1 });
      await this.audit.record({ action: 'task.recurrence.stop', actor: user, entityType: 'task_recurrence', entityId: id }, manager);
    });
    return (await this.read(`r.id = $1`, [id]))[0];
  }

  /** The job's handler; tests call it with a moved clock. Returns how many tasks it gave. */
  async run(): Promise<number> {
    const today = vietnamDate(this.clock.now());
    const due: { id: string }[] = await this.dataSource.query(`SELECT id FROM task_recurrence WHERE active AND next_on <= $1 ORDER BY next_on, id`, [today]);
    let given = 0;
    for (const { id } of due) {
      try {
        if (await this.giveOne(id, today)) given += 1;
      } catch (error) {
        // one recurrence that can no longer be given (its assignee left) must not stop the others
        this.logger.warn({ recurrenceId: id, err: error }, 'recurring task not given');
      }
    }
    return given;
  }

  private giveOne(id: string, today: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // SKIP LOCKED: another replica is giving this one right now
      const [recurrence]: TaskRecurrence[] = await manager
        .getRepository(TaskRecurrence)
        .createQueryBuilder('r')
        .where('r.id = :id AND r.active AND r.next_on <= :today', { id, today })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (!recurrence) return false;
      const occurrence = dueOccurrence(recurrence.frequency, recurrence.day, recurrence.nextOn, today);
      if (!occurrence) return false;
      const creator = await this.users.requireActive(recurrence.createdById);
      const actor: AuthenticatedUser = { id: creator.id, username: creator.username, fullName: creator.fullName, unitId: creator.unitId, roles: creator.roles, permissions: permissionsOf(creator.roles), sessionId: 'job' };
      const deadline = addDays(occurrence.on, recurrence.dueInDays);
      await this.tasks.giveOccurrence(
        actor,
        {
          title: recurrence.title,
          description: recurrence.description,
          assigneeUnitId: recurrence.assigneeUnitId,
          assigneeUserId: recurrence.assigneeUserId,
          deadline: deadline < today ? today : deadline,
          priority: recurrence.priority,
        },
        { id: recurrence.id, on: occurrence.on },
        manager,
      );
      await manager.update(TaskRecurrence, { id: recurrence.id }, { nextOn: occurrence.next, version: recurrence.version + 1 });
      return true;
    });
  }

  private async read(where: string, parameters: unknown[]): Promise<TaskRecurrenceDto[]> {
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT r.*, r.next_on::text AS next, unit.name AS unit_name, assignee.full_name AS user_name, creator.full_name AS creator_name
         FROM task_recurrence r
         LEFT JOIN unit ON unit.id = r.assignee_unit_id
         LEFT JOIN "user" assignee ON assignee.id = r.assignee_user_id
         JOIN "user" creator ON creator.id = r.created_by_id
        WHERE ${where} ORDER BY r.created_at DESC, r.id`,
      parameters,
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      priority: row.priority,
      assigneeUnit: row.assignee_unit_id ? { id: row.assignee_unit_id, name: row.unit_name } : null,
      assigneeUser: row.assignee_user_id ? { id: row.assignee_user_id, fullName: row.user_name } : null,
      frequency: row.frequency,
      day: row.day,
      dueInDays: row.due_in_days,
      nextOn: row.next,
      active: row.active,
      createdBy: { id: row.created_by_id, fullName: row.creator_name },
    }));
  }
}
