import type { SelectQueryBuilder } from 'typeorm';
import { Permission } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import type { IncomingDocument } from './incoming-document.entity';

/**
 * Who may see an incoming document, as a condition on the query (never a filter in the UI), kept
 * in one place so that lists, searches and single reads agree:
 * - the clerks who keep the registers and the leaders see the agency's ordinary documents;
 * - the people it was registered by, submitted to, or assigned to see it;
 * - the members of a unit it was assigned to see it — unless it is confidential: a confidential
 *   document is seen only by the people named on it (Decree 30; state-secret rules).
 */
export function restrictToVisible(query: SelectQueryBuilder<IncomingDocument>, alias: string, user: AuthenticatedUser): SelectQueryBuilder<IncomingDocument> {
  const seesOrdinary = seesOrdinaryDocuments(user);
  return query.andWhere(
    `((:seesOrdinary AND ${alias}.confidentiality = 'normal')
      OR ${alias}.registered_by_id = :visibleToUser
      OR ${alias}.submitted_to_id = :visibleToUser
      OR EXISTS (SELECT 1 FROM assignment visible_assignment
                  WHERE visible_assignment.document_id = ${alias}.id
                    AND (visible_assignment.user_id = :visibleToUser
                         OR (${alias}.confidentiality = 'normal' AND visible_assignment.unit_id = :visibleToUnit))))`,
    { seesOrdinary, visibleToUser: user.id, visibleToUnit: user.unitId },
  );
}

/** Clerks who keep the registers and leaders see every ordinary (not confidential) document. */
export const seesOrdinaryDocuments = (user: AuthenticatedUser): boolean =>
  user.permissions.includes(Permission.IncomingRegister) || user.roles.includes('leader');

/**
 * For a user who does not see the agency's ordinary documents (an officer, a unit head), the
 * documents named on them — registered by or submitted to them, assigned to them or their unit —
 * as a condition the planner can start from: a few hundred ids read from indexed columns, instead
 * of testing restrictToVisible on every row of a long scan (a search for a common word over a
 * million documents). A superset of what restrictToVisible allows, so it goes with it, never
 * instead of it. Nothing for clerks and leaders.
 */
export function narrowToNamed(query: SelectQueryBuilder<IncomingDocument>, alias: string, user: AuthenticatedUser): SelectQueryBuilder<IncomingDocument> {
  if (seesOrdinaryDocuments(user)) return query;
  return query.andWhere(
    `${alias}.id IN (SELECT named_assignment.document_id FROM assignment named_assignment
                      WHERE named_assignment.user_id = :namedUser OR named_assignment.unit_id = :namedUnit
                     UNION ALL
                     SELECT named_document.id FROM incoming_document named_document
                      WHERE named_document.registered_by_id = :namedUser OR named_document.submitted_to_id = :namedUser)`,
    { namedUser: user.id, namedUnit: user.unitId },
  );
}
