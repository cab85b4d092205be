import type { AuthenticatedUser } from '../identity/auth/authenticated-user';

/**
 * Who may see a task, as SQL on the alias of the `task` table, with its parameters: the agency's
 * leaders, the one who gave it, the person it was given to, the members of the unit it was given
 * to, and the head of the unit accountable for it (a task given to one of the unit's officers).
 */
export function visibleTask(alias: string, user: AuthenticatedUser, first: number): { sql: string; parameters: unknown[] } {
  const me = `$${first}`;
  const myUnit = `$${first + 1}`;
  const seesAll = `$${first + 2}`;
  const heads = `$${first + 3}`;
  return {
    sql: `(${seesAll}::boolean OR ${alias}.assigned_by_id = ${me} OR ${alias}.assignee_user_id = ${me}
           OR ${alias}.assignee_unit_id = ${myUnit} OR (${heads}::boolean AND ${alias}.unit_id = ${myUnit}))`,
    parameters: [user.id, user.unitId, user.roles.includes('leader'), user.roles.includes('unit_head')],
  };
}

/** May act on the task as its assignee: the person it was given to, or a member of the unit it was given to. */
export function isAssignee(task: { assigneeUserId: string | null; assigneeUnitId: string | null }, user: AuthenticatedUser): boolean {
  return task.assigneeUserId === user.id || (task.assigneeUnitId !== null && task.assigneeUnitId === user.unitId);
}
