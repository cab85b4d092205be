import { AssignmentDto, AssignmentState, CurrentUser, IncomingState, Permission } from '@app/contracts';

/**
 * What a user can do on an incoming document right now. The API decides (it checks permission,
 * state and ownership again); the page only offers what would be accepted, so nobody fills in a
 * form just to be told no.
 */
export type DirectionAction = 'register' | 'submit' | 'direct' | 'delegate' | 'progress' | 'complete' | 'return' | 'reject';

/** The user as the rules need them: who, which unit, which roles and permissions. */
export type Actor = Pick<CurrentUser, 'id' | 'unitId' | 'roles' | 'permissions'>;

export interface AvailableActions {
  actions: DirectionAction[];
  /** the part the assignee's actions (delegate, progress, complete, return) apply to */
  assignment: AssignmentDto | null;
}

const OPEN: readonly AssignmentState[] = ['pending', 'in_progress'];
/** A clerk submits once registered, again after a return, or to another leader while still waiting. */
const SUBMITTABLE: readonly IncomingState[] = ['registered', 'returned', 'submitted'];
/** A leader directs what has been registered (directly, or submitted to them), or redirects after a return. */
const DIRECTABLE: readonly IncomingState[] = ['registered', 'submitted', 'returned'];
/** Refused (từ chối tiếp nhận) before anyone works on it: by a clerk, or by the leader it was submitted to. */
const REFUSABLE: readonly IncomingState[] = ['received', 'registered', 'submitted', 'returned'];
/** The lead first, then support, then inform: the part that matters most is the one acted on. */
const ROLE_RANK = { lead: 0, support: 1, inform: 2 } as const;

export function isOpen(assignment: Pick<AssignmentDto, 'state'>): boolean {
  return OPEN.includes(assignment.state);
}

/**
 * The user's own open part of the work. A part given to them by name comes first. A part given to
 * their unit is the unit head's to act on while nobody in the unit holds it: once passed on, the
 * officer it went to works it. The API would also let any officer of the unit act on the unit's
 * part; the interface leaves that to the head so the unit does not answer twice.
 */
export function ownAssignment(actor: Actor, assignments: readonly AssignmentDto[]): AssignmentDto | null {
  const open = assignments.filter(isOpen).sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role]);
  const personal = open.find((item) => item.user?.id === actor.id);
  if (personal) return personal;
  if (!actor.unitId || !actor.roles.includes('unit_head')) return null;
  return open.find((item) => item.unit?.id === actor.unitId && !hasOpenChild(item, assignments)) ?? null;
}

function hasOpenChild(parent: AssignmentDto, assignments: readonly AssignmentDto[]): boolean {
  return assignments.some((item) => item.parentId === parent.id && isOpen(item));
}

/** The actions offered, in the order the panel shows them. */
export function availableActions(
  actor: Actor | null,
  state: IncomingState,
  assignments: readonly AssignmentDto[],
  submittedToId: string | null = null,
): AvailableActions {
  if (!actor) return { actions: [], assignment: null };
  const actions: DirectionAction[] = [];
  // arrived through the System (a unit of this agency, the axis): registered first, then submitted
  if (actor.permissions.includes(Permission.IncomingRegister) && state === 'received') actions.push('register');
  if (actor.permissions.includes(Permission.IncomingDirect) && DIRECTABLE.includes(state)) actions.push('direct');
  if (actor.permissions.includes(Permission.IncomingRegister) && SUBMITTABLE.includes(state)) actions.push('submit');
  const assignment = state === 'done' ? null : ownAssignment(actor, assignments);
  if (assignment) {
    // only a unit's part can be passed on, by its head, to someone of the unit
    if (assignment.unit && assignment.unit.id === actor.unitId && actor.roles.includes('unit_head')) actions.push('delegate');
    actions.push('progress', 'complete', 'return');
  }
  const isClerk = actor.permissions.includes(Permission.IncomingRegister);
  const isLeaderSubmittedTo = submittedToId === actor.id && actor.permissions.includes(Permission.IncomingDirect);
  // last: refusing is the exception, never the first button
  if (REFUSABLE.includes(state) && (isClerk || isLeaderSubmittedTo)) actions.push('reject');
  return { actions, assignment };
}

/** An assignment with how deep it sits in the tree (0 = given by the leader, 1 = passed on by a unit head …). */
export interface AssignmentNode {
  assignment: AssignmentDto;
  depth: number;
}

/**
 * The API sends the assignments in tree order already; the depth is counted from `parentId` so the
 * tree can be indented. A part whose parent is missing (not visible to this user) sits at the top.
 */
export function assignmentTree(assignments: readonly AssignmentDto[]): AssignmentNode[] {
  const depths = new Map<string, number>();
  return assignments.map((assignment) => {
    const parentDepth = assignment.parentId ? depths.get(assignment.parentId) : undefined;
    const depth = parentDepth === undefined ? 0 : parentDepth + 1;
    depths.set(assignment.id, depth);
    return { assignment, depth };
  });
}
