import type { SelectQueryBuilder } from 'typeorm';
import { Permission } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import type { IncomingDocument } from './incoming-document.entity';

/**
 * Who may see an incoming document, as a condition on the query (never a filter in the UI):
 * the clerks who keep the registers and the leaders see the agency's ordinary documents; a
 * confidential one only the people named on it (for now: whoever registered it; assignments will
 * name more). Kept in one place so that lists, searches and single reads agree.
 */
export function restrictToVisible(query: SelectQueryBuilder<IncomingDocument>, alias: string, user: AuthenticatedUser): SelectQueryBuilder<IncomingDocument> {
  const seesOrdinary = user.permissions.includes(Permission.IncomingRegister) || user.roles.includes('leader');
  return query.andWhere(
    `((:seesOrdinary AND ${alias}.confidentiality = 'normal') OR ${alias}.registered_by_id = :visibleToUser)`,
    { seesOrdinary, visibleToUser: user.id },
  );
}
