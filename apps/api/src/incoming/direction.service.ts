import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ASSIGNMENT_ROLES, AssignmentDto, ErrorCode, INCOMING_STATE_LABELS, IncomingState, Permission } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { Unit } from '../identity/unit.entity';
import { UsersService } from '../identity/users.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Clock, vietnamDate } from '../platform/clock/clock';
import { AppException, badRequest, forbidden, notFound, versionConflict } from '../platform/errors/app-exception';
import { Assignment } from './assignment.entity';
import { AssignmentProgress } from './assignment-progress.entity';
import { AssignmentCompletionDto, DelegateAssignmentDto, RejectIncomingDto, DirectIncomingDto, SubmitIncomingDto } from './dto/direction.dto';
import { WorkingCalendarService } from '../platform/calendar/working-calendar.service';
import { IncomingDocument } from './incoming-document.entity';
import { IncomingService } from './incoming.service';

const invalidState = (vi: string, en: string) => new AppException(HttpStatus.CONFLICT, ErrorCode.InvalidState, vi, en);
const assignmentNotFound = () => notFound(ErrorCode.AssignmentNotFound, 'Không tìm thấy phân công.', 'Assignment not found.');

/**
 * In the order given — the lead first, then those supporting, then those informed — each followed
 * by the parts its unit head passed on, as the timeline of the document shows them.
 */
function inTreeOrder(assignments: Assignment[]): Assignment[] {
  const rank = (item: Assignment) => ASSIGNMENT_ROLES.indexOf(item.role);
  const sorted = [...assignments].sort((a, b) => a.assignedAt.getTime() - b.assignedAt.getTime() || rank(a) - rank(b));
  const ordered: Assignment[] = [];
  const visit = (parentId: string | null) => {
    for (const item of sorted.filter((candidate) => candidate.parentId === parentId)) {
      ordered.push(item);
      visit(item.id);
    }
  };
  visit(null);
  return ordered;
}

/** Where the work on a document stands, from the side of the one doing it. */
const OPEN: Assignment['state'][] = ['pending', 'in_progress'];

/**
 * Direction of incoming documents (Decree 30, Art. 24): the clerk submits to a leader, the leader
 * writes a directive and assigns a lead, supporters and those informed with a deadline; a unit
 * head passes the unit's part to an officer; assignees report progress, complete or return it.
 * Every step is one transaction with its history line and audit row; notifications go out after.
 */
@Injectable()
export class DirectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incoming: IncomingService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly calendar: WorkingCalendarService,
    private readonly clock: Clock,
  ) {}

  async submit(documentId: string, input: SubmitIncomingDto, clerk: AuthenticatedUser): Promise<void> {
    const leader = await this.users.requireActive(input.leaderId).catch(() => {
      throw badRequest(ErrorCode.UserNotFound, 'Lãnh đạo được chọn không tồn tại.', 'The chosen leader does not exist.', [{ field: 'leaderId' }]);
    });
    if (!leader.roles.includes('leader') && !leader.roles.includes('unit_head'))
      throw badRequest(ErrorCode.ValidationFailed, 'Chỉ trình được cho lãnh đạo.', 'A document can only be submitted to a leader.', [{ field: 'leaderId' }]);
    const document = await this.dataSource.transaction(async (manager) => {
      const document = await this.changeable(manager, documentId, clerk, input.version, ['registered', 'returned', 'submitted']);
      await manager.update(IncomingDocument, { id: document.id }, { state: 'submitted', submittedToId: leader.id, version: document.version + 1 });
      await this.incoming.addHistory(manager, document.id, clerk, 'submitted', { to: { id: leader.id, fullName: leader.fullName }, note: input.note ?? null });
      await this.audit.record({ action: 'incoming.submit', actor: clerk, entityType: 'incoming_document', entityId: document.id, details: { leaderId: leader.id } }, manager);
      return document;
    });
    await this.notify([leader.id], 'incoming.submitted', `Văn bản trình: ${document.subject}`, document.id);
  }

  async direct(documentId: string, input: DirectIncomingDto, leader: AuthenticatedUser): Promise<AssignmentDto[]> {
    const leads = input.assignees.filter((assignee) => assignee.role === 'lead');
    if (leads.length !== 1)
      throw badRequest(ErrorCode.ValidationFailed, 'Cần đúng một đơn vị hoặc người chủ trì.', 'Exactly one lead (unit or person) is needed.', [{ field: 'assignees' }]);
    for (const assignee of input.assignees)
      if (Boolean(assignee.unitId) === Boolean(assignee.userId))
        throw badRequest(ErrorCode.ValidationFailed, 'Mỗi người nhận là một đơn vị hoặc một người.', 'Each assignee is either a unit or a person.', [{ field: 'assignees' }]);
    const keys = input.assignees.map((assignee) => assignee.unitId ?? assignee.userId);
    if (new Set(keys).size !== keys.length)
      throw badRequest(ErrorCode.ValidationFailed, 'Một đơn vị hoặc người chỉ được giao một vai trò.', 'A unit or person can have one role only.', [{ field: 'assignees' }]);
    if (input.dueOn && input.dueInWorkingDays)
      throw badRequest(ErrorCode.ValidationFailed, 'Chọn hạn theo ngày hoặc theo số ngày làm việc, không cả hai.', 'Give the deadline as a date or as working days, not both.', [{ field: 'dueOn' }]);
    if (input.dueOn && input.dueOn < vietnamDate(this.clock.now()))
      throw badRequest(ErrorCode.ValidationFailed, 'Hạn xử lý không được ở trong quá khứ.', 'The deadline cannot be in the past.', [{ field: 'dueOn' }]);
    const dueOn = input.dueInWorkingDays ? vietnamDate(await this.calendar.addWorkingDays(this.clock.now(), input.dueInWorkingDays)) : (input.dueOn ?? null);

    const { document, assignments } = await this.dataSource.transaction(async (manager) => {
      const document = await this.changeable(manager, documentId, leader, input.version, ['registered', 'submitted', 'returned']);
      await this.requireAssignees(manager, input.assignees);
      const now = this.clock.now();
      const assignments = await manager.save(
        input.assignees.map((assignee) =>
          manager.create(Assignment, {
            documentId: document.id,
            role: assignee.role,
            unitId: assignee.unitId ?? null,
            userId: assignee.userId ?? null,
            assignedById: leader.id,
            assignedAt: now,
            directive: input.directive,
            dueOn,
            state: 'pending',
            parentId: null,
            completedAt: null,
            note: null,
          }),
        ),
      );
      await manager.update(IncomingDocument, { id: document.id }, { state: 'assigned', dueOn: dueOn ?? document.dueOn, version: document.version + 1 });
      await this.incoming.addHistory(manager, document.id, leader, 'directed', {
        directive: input.directive,
        dueOn,
        assignees: input.assignees.map((assignee) => ({ role: assignee.role, unitId: assignee.unitId ?? null, userId: assignee.userId ?? null })),
      });
      await this.audit.record(
        { action: 'incoming.direct', actor: leader, entityType: 'incoming_document', entityId: document.id, details: { assignments: assignments.map((item) => item.id), dueOn } },
        manager,
      );
      return { document, assignments };
    });
    await this.notifyAssignees(assignments, `Văn bản được giao: ${document.subject}`, document.id);
    return this.describe(assignments);
  }

  async delegate(assignmentId: string, input: DelegateAssignmentDto, head: AuthenticatedUser): Promise<AssignmentDto> {
    const { child, document } = await this.dataSource.transaction(async (manager) => {
      const parent = await this.lockAssignment(manager, assignmentId);
      if (!parent.unitId || parent.unitId !== head.unitId || !head.roles.includes('unit_head'))
        throw forbidden('Chỉ lãnh đạo của đơn vị được giao mới phân công lại trong đơn vị.', 'Only the head of the assigned unit can pass it on within the unit.');
      if (!OPEN.includes(parent.state)) throw invalidState('Phần việc này đã kết thúc.', 'This assignment is closed.');
      const officer = await this.users.requireActive(input.userId).catch(() => {
        throw badRequest(ErrorCode.UserNotFound, 'Người được chọn không tồn tại.', 'The chosen person does not exist.', [{ field: 'userId' }]);
      });
      if (officer.unitId !== parent.unitId)
        throw badRequest(ErrorCode.ValidationFailed, 'Chỉ phân công cho người trong đơn vị.', 'Only people of the unit can be given its part.', [{ field: 'userId' }]);
      if (input.dueOn && input.dueOn < vietnamDate(this.clock.now()))
        throw badRequest(ErrorCode.ValidationFailed, 'Hạn xử lý không được ở trong quá khứ.', 'The deadline cannot be in the past.', [{ field: 'dueOn' }]);
      if (input.dueOn && parent.dueOn && input.dueOn > parent.dueOn)
        throw badRequest(ErrorCode.ValidationFailed, 'Hạn giao lại không được muộn hơn hạn của đơn vị.', 'The deadline cannot be later than the unit’s.', [{ field: 'dueOn' }]);
      const child = await manager.save(
        manager.create(Assignment, {
          documentId: parent.documentId,
          role: parent.role,
          unitId: null,
          userId: officer.id,
          assignedById: head.id,
          assignedAt: this.clock.now(),
          directive: input.note ?? parent.directive,
          dueOn: input.dueOn ?? parent.dueOn,
          state: 'pending',
          parentId: parent.id,
          completedAt: null,
          note: null,
        }),
      );
      await this.incoming.addHistory(manager, parent.documentId, head, 'delegated', { to: { id: officer.id, fullName: officer.fullName }, role: parent.role, note: input.note ?? null });
      await this.audit.record({ action: 'assignment.delegate', actor: head, entityType: 'assignment', entityId: child.id, details: { parentId: parent.id, userId: officer.id } }, manager);
      const document = await manager.findOneByOrFail(IncomingDocument, { id: parent.documentId });
      return { child, document };
    });
    await this.notifyAssignees([child], `Văn bản được giao: ${document.subject}`, document.id);
    return (await this.describe([child]))[0];
  }

  async recordProgress(assignmentId: string, text: string, user: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await this.lockOwnAssignment(manager, assignmentId, user);
      await manager.insert(AssignmentProgress, { assignmentId, authorId: user.id, at: this.clock.now(), text });
      if (assignment.state === 'pending') await manager.update(Assignment, { id: assignment.id }, { state: 'in_progress', version: assignment.version + 1 });
      await manager.update(IncomingDocument, { id: assignment.documentId, state: 'assigned' }, { state: 'in_progress' });
      await this.incoming.addHistory(manager, assignment.documentId, user, 'progress', { assignmentId, role: assignment.role, text });
      await this.audit.record({ action: 'assignment.progress', actor: user, entityType: 'assignment', entityId: assignmentId }, manager);
    });
  }

  /** Completing the lead's part (or the officer's part under it) completes the document. */
  async complete(assignmentId: string, input: AssignmentCompletionDto, user: AuthenticatedUser): Promise<void> {
    const { text } = input;
    const replyReference = input.replyReference || null;
    const done = await this.dataSource.transaction(async (manager) => {
      const assignment = await this.lockOwnAssignment(manager, assignmentId, user);
      const now = this.clock.now();
      await manager.update(Assignment, { id: assignment.id }, { state: 'done', completedAt: now, note: text, version: assignment.version + 1 });
      let documentDone = false;
      // whoever gave the part (a unit head passing it on) and the leader who directed are told
      const toTell = [assignment.assignedById];
      if (assignment.parentId) {
        const parent = await manager.findOneByOrFail(Assignment, { id: assignment.parentId });
        toTell.push(parent.assignedById);
      }
      // a unit's part completed by its head closes what the head had passed on within the unit
      await manager.update(Assignment, { parentId: assignment.id, state: In(OPEN) }, { state: 'done', completedAt: now, note: text });
      if (assignment.role === 'lead') {
        // the unit's part is done when the officer it was passed to completes it
        if (assignment.parentId) await manager.update(Assignment, { id: assignment.parentId, state: In(OPEN) }, { state: 'done', completedAt: now, note: text });
        await manager.update(IncomingDocument, { id: assignment.documentId }, { state: 'done', replyReference });
        documentDone = true;
      }
      await this.incoming.addHistory(manager, assignment.documentId, user, 'completed', { assignmentId, role: assignment.role, text, replyReference: documentDone ? replyReference : null });
      await this.audit.record({ action: 'assignment.complete', actor: user, entityType: 'assignment', entityId: assignmentId, details: { documentDone } }, manager);
      return { assignment, documentDone, toTell };
    });
    if (done.documentDone) await this.notify([...new Set(done.toTell)], 'incoming.done', 'Văn bản đã được giải quyết xong', done.assignment.documentId);
  }

  /** An assignee sends back a document wrongly given to them, with the reason. */
  async returnAssignment(assignmentId: string, reason: string, user: AuthenticatedUser): Promise<void> {
    const returned = await this.dataSource.transaction(async (manager) => {
      const assignment = await this.lockOwnAssignment(manager, assignmentId, user);
      await manager.update(Assignment, { id: assignment.id }, { state: 'returned', note: reason, completedAt: this.clock.now(), version: assignment.version + 1 });
      // the lead giving it back sends the document back to whoever directed it, to be directed again
      const documentReturned = assignment.role === 'lead' && !assignment.parentId;
      if (documentReturned) {
        const document = await manager.findOneByOrFail(IncomingDocument, { id: assignment.documentId });
        await manager.update(IncomingDocument, { id: document.id }, { state: 'returned', version: document.version + 1 });
        await manager.update(Assignment, { documentId: document.id, state: In(OPEN) }, { state: 'returned', note: reason });
      }
      await this.incoming.addHistory(manager, assignment.documentId, user, 'returned', { assignmentId, role: assignment.role, reason });
      await this.audit.record({ action: 'assignment.return', actor: user, entityType: 'assignment', entityId: assignmentId, details: { reason } }, manager);
      return assignment;
    });
    await this.notify([returned.assignedById], 'incoming.returned', `Văn bản bị trả lại: ${reason}`, returned.documentId);
  }

  /**
   * Refusing a document (từ chối tiếp nhận): wrongly addressed, or not the agency's business. The
   * clerks of the registers may refuse it before it is directed; a leader may refuse what was
   * submitted to them. An arrival number already given stays used (the register has no gaps).
   */
  async reject(documentId: string, input: RejectIncomingDto, user: AuthenticatedUser): Promise<void> {
    const isClerk = user.permissions.includes(Permission.IncomingRegister);
    const rejected = await this.dataSource.transaction(async (manager) => {
      const document = await this.changeable(manager, documentId, user, input.version, ['received', 'registered', 'submitted', 'returned']);
      const isLeaderSubmittedTo = document.submittedToId === user.id && user.permissions.includes(Permission.IncomingDirect);
      if (!isClerk && !isLeaderSubmittedTo)
        throw forbidden('Chỉ văn thư hoặc lãnh đạo được trình mới từ chối được văn bản.', 'Only a clerk, or the leader it was submitted to, can refuse a document.');
      await manager.update(IncomingDocument, { id: document.id }, { state: 'rejected', rejectionReason: input.reason, version: document.version + 1 });
      await this.incoming.addHistory(manager, document.id, user, 'rejected', { reason: input.reason });
      await this.audit.record({ action: 'incoming.reject', actor: user, entityType: 'incoming_document', entityId: document.id, details: { reason: input.reason } }, manager);
      return document;
    });
    // whoever registered it learns it was refused by someone else
    const toTell = [rejected.registeredById, rejected.submittedToId].filter((id): id is string => Boolean(id) && id !== user.id);
    await this.notify(toTell, 'incoming.rejected', `Văn bản bị từ chối: ${rejected.subject}`, rejected.id);
  }

  async list(documentId: string, user: AuthenticatedUser): Promise<AssignmentDto[]> {
    await this.dataSource.transaction((manager) => this.incoming.lockVisible(manager, documentId, user));
    const assignments = await this.dataSource.getRepository(Assignment).find({ where: { documentId }, order: { assignedAt: 'ASC', createdAt: 'ASC' } });
    return this.describe(inTreeOrder(assignments));
  }

  private async changeable(manager: EntityManager, id: string, user: AuthenticatedUser, version: number, from: IncomingState[]): Promise<IncomingDocument> {
    const document = await this.incoming.lockVisible(manager, id, user);
    if (document.version !== version) throw versionConflict('Văn bản', 'The document');
    if (!from.includes(document.state))
      throw invalidState(
        `Văn bản đang ở trạng thái "${INCOMING_STATE_LABELS[document.state].vi}", không thực hiện được thao tác này.`,
        `The document is "${INCOMING_STATE_LABELS[document.state].en}"; this cannot be done now.`,
      );
    return document;
  }

  private async lockAssignment(manager: EntityManager, id: string): Promise<Assignment> {
    const assignment = await manager.findOne(Assignment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!assignment) throw assignmentNotFound();
    return assignment;
  }

  /** The caller's own open assignment: given to them, or to their unit. */
  private async lockOwnAssignment(manager: EntityManager, id: string, user: AuthenticatedUser): Promise<Assignment> {
    const assignment = await this.lockAssignment(manager, id);
    const own = assignment.userId === user.id || (assignment.unitId !== null && assignment.unitId === user.unitId);
    if (!own) throw forbidden('Phần việc này không được giao cho bạn.', 'This assignment is not yours.');
    if (!OPEN.includes(assignment.state)) throw invalidState('Phần việc này đã kết thúc.', 'This assignment is closed.');
    return assignment;
  }

  private async requireAssignees(manager: EntityManager, assignees: DirectIncomingDto['assignees']): Promise<void> {
    const unitIds = assignees.flatMap((assignee) => (assignee.unitId ? [assignee.unitId] : []));
    const userIds = assignees.flatMap((assignee) => (assignee.userId ? [assignee.userId] : []));
    if (unitIds.length && (await manager.countBy(Unit, { id: In(unitIds) })) !== unitIds.length)
      throw badRequest(ErrorCode.UnitNotFound, 'Có đơn vị được chọn không tồn tại.', 'A chosen unit does not exist.', [{ field: 'assignees' }]);
    for (const userId of userIds)
      await this.users.requireActive(userId).catch(() => {
        throw badRequest(ErrorCode.UserNotFound, 'Có người được chọn không tồn tại hoặc đã nghỉ.', 'A chosen person does not exist or is inactive.', [{ field: 'assignees' }]);
      });
  }

  private async describe(assignments: Assignment[]): Promise<AssignmentDto[]> {
    const names = await this.users.namesOf(assignments.flatMap((item) => [item.assignedById, ...(item.userId ? [item.userId] : [])]));
    const unitIds = assignments.flatMap((item) => (item.unitId ? [item.unitId] : []));
    const units = unitIds.length ? await this.dataSource.getRepository(Unit).findBy({ id: In(unitIds) }) : [];
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    return assignments.map((item) => ({
      id: item.id,
      documentId: item.documentId,
      role: item.role,
      unit: item.unitId ? { id: item.unitId, name: unitNames.get(item.unitId) ?? '' } : null,
      user: item.userId ? { id: item.userId, fullName: names.get(item.userId) ?? '' } : null,
      assignedBy: { id: item.assignedById, fullName: names.get(item.assignedById) ?? '' },
      assignedAt: item.assignedAt.toISOString(),
      directive: item.directive,
      dueOn: item.dueOn,
      state: item.state,
      parentId: item.parentId,
      completedAt: item.completedAt?.toISOString() ?? null,
      note: item.note,
      version: item.version,
    }));
  }

  /** People assigned directly, and the heads of units assigned, are told at once. */
  private async notifyAssignees(assignments: Assignment[], title: string, documentId: string): Promise<void> {
    const people = new Set<string>();
    for (const assignment of assignments) {
      if (assignment.userId) people.add(assignment.userId);
      if (assignment.unitId) for (const head of await this.users.headsOf(assignment.unitId)) people.add(head);
    }
    await this.notify([...people], 'incoming.assigned', title, documentId);
  }

  /** Stored and pushed once the step is committed; a failure there does not undo the step. */
  private notify(userIds: string[], kind: string, title: string, documentId: string): Promise<void> {
    return this.notifications.notifyAfterCommit(userIds, { kind, title, link: `/incoming/${documentId}` });
  }
}
