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
  const seesOrdinary = user.permissions.includes(Permission.IncomingRegister) || user.roles.includes('leader');
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
