import type { SelectQueryBuilder } from 'typeorm';
import { IncomingView, Permission } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import type { IncomingDocument } from './incoming-document.entity';

/**
 * The SQL meaning of each working list (INCOMING_VIEWS in libs/contracts), one place for both the
 * lists and their badge counts so that a badge always counts exactly what its list shows.
 * Visibility is not decided here: callers add restrictToVisible() on top.
 *
 * Work is "open" while the document is assigned or in progress and the part is pending or in
 * progress: a supporting part left pending after the lead completed the document is no longer
 * work. These literals are repeated in the partial indexes of migration 1795400000700, which
 * the planner uses only when the query says the same thing — change both together.
 */
export const OPEN_DOCUMENT_STATES = `('assigned', 'in_progress')`;
export const OPEN_PART_STATES = `('pending', 'in_progress')`;

/** Today and the last day of "due soon" (3 working days ahead), as Vietnamese dates. */
export interface DeadlineWindow {
  today: string;
  soonUntil: string;
}

/** Clerks and leaders follow up every ordinary document (Decree 30, Art. 24), not only their own. */
export function overseesAgency(user: AuthenticatedUser): boolean {
  return user.permissions.includes(Permission.IncomingRegister) || user.roles.includes('leader');
}

/**
 * How the query will be run, which decides the cheaper of two equivalent ways to say "has a part":
 * - `page`: newest first, stopping after a page — a probe per document (EXISTS), answered from
 *   the parts-by-document index, so the work follows the page;
 * - `count`: the whole set up to the cap — the user's and the unit's parts as two index-only
 *   scans joined by UNION ALL, where an `OR` of the two would make PostgreSQL read table rows.
 */
export type ViewShape = 'page' | 'count';

/** A part of the document given to the user or to their unit, in one of the roles, with an extra condition on it. */
function hasPart(alias: string, roles: string, extra: string, shape: ViewShape): string {
  if (shape === 'page')
    return `EXISTS (SELECT 1 FROM assignment view_part
                     WHERE view_part.document_id = ${alias}.id AND view_part.role IN ${roles}
                       AND (view_part.user_id = :viewUser OR view_part.unit_id = :viewUnit) ${extra})`;
  const parts = (holder: string) => `SELECT view_part.document_id FROM assignment view_part
                   WHERE view_part.${holder} AND view_part.role IN ${roles} ${extra}`;
  return `${alias}.id IN (${parts('user_id = :viewUser')} UNION ALL ${parts('unit_id = :viewUnit')})`;
}

/** An open lead part of the document held by `holder` (the person, or the unit). */
function openLeadPart(alias: string, holder: string): string {
  return `EXISTS (SELECT 1 FROM assignment view_part
                   WHERE view_part.document_id = ${alias}.id AND view_part.${holder}
                     AND view_part.role = 'lead' AND view_part.state IN ${OPEN_PART_STATES})`;
}

/**
 * Open work on the document — a lead or support part still pending or in progress — held by the
 * unit `:heldByUnit`, given to it or to one of its people: what the per-unit workload counts, so
 * a click on a unit's figure lists exactly those documents.
 */
export function heldByUnit(alias: string): string {
  return `EXISTS (SELECT 1 FROM assignment unit_part LEFT JOIN "user" unit_person ON unit_person.id = unit_part.user_id
                   WHERE unit_part.document_id = ${alias}.id AND unit_part.role IN ('lead', 'support')
                     AND unit_part.state IN ${OPEN_PART_STATES}
                     AND (unit_part.unit_id = :heldByUnit OR unit_person.unit_id = :heldByUnit))`;
}

export function applyView(
  query: SelectQueryBuilder<IncomingDocument>,
  alias: string,
  view: IncomingView,
  user: AuthenticatedUser,
  window: DeadlineWindow,
  shape: ViewShape,
): SelectQueryBuilder<IncomingDocument> {
  const parameters = { viewUser: user.id, viewUnit: user.unitId, today: window.today, soonUntil: window.soonUntil };
  const openDocument = `${alias}.state IN ${OPEN_DOCUMENT_STATES}`;
  // Those who follow up the whole agency go by the document's deadline; everyone else by the
  // deadline of their own open part, or their unit's (a unit head may have given an officer an
  // earlier one). Two separate conditions rather than one OR, so that each can use its index.
  const deadline = (within: (column: string) => string) =>
    overseesAgency(user)
      ? `${openDocument} AND ${within(`${alias}.due_on`)}`
      : `${openDocument} AND ${hasPart(alias, `('lead', 'support')`, `AND view_part.state IN ${OPEN_PART_STATES} AND ${within('view_part.due_on')}`, shape)}`;
  // a copy its sender recalled is no one's work any more; it stays under 'all' with its history
  if (view !== 'all') query.andWhere(`${alias}.recalled_at IS NULL`);
  switch (view) {
    case 'all':
      return query;
    case 'to_register':
      // received over the axis or by upload: no arrival number yet; only a clerk can give one
      return query.andWhere(`:canRegister AND ${alias}.arrival_number IS NULL AND ${alias}.state = 'received'`, {
        canRegister: user.permissions.includes(Permission.IncomingRegister),
      });
    case 'to_direct':
      return query.andWhere(`${alias}.submitted_to_id = :viewUser AND ${alias}.state = 'submitted'`, parameters);
    case 'assigned_to_me':
      return query.andWhere(`${openDocument} AND ${openLeadPart(alias, 'user_id = :viewUser')}`, parameters);
    case 'my_unit':
      return query.andWhere(`${openDocument} AND ${openLeadPart(alias, 'unit_id = :viewUnit')}`, parameters);
    case 'supporting':
      return query.andWhere(`${openDocument} AND ${hasPart(alias, `('support')`, `AND view_part.state IN ${OPEN_PART_STATES}`, shape)}`, parameters);
    case 'for_information':
      // kept after the work is done: it is reading matter; only a part sent back is gone
      return query.andWhere(hasPart(alias, `('inform')`, `AND view_part.state <> 'returned'`, shape), parameters);
    case 'due_soon':
      return query.andWhere(deadline((due) => `${due} BETWEEN :today AND :soonUntil`), parameters);
    case 'overdue':
      return query.andWhere(deadline((due) => `${due} < :today`), parameters);
    case 'done':
      return query.andWhere(`${alias}.state = 'done'`);
  }
}
