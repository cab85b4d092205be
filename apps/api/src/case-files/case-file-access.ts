import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Permission } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { CaseFile } from './case-file.entity';

/** What a person may do in a case file, from least to most. */
export type CaseFileAccess = 'read' | 'contribute' | 'manage' | 'archive';

const isArchivist = (user: AuthenticatedUser) => user.permissions.includes(Permission.ArchiveManage);
const headsUnit = (user: AuthenticatedUser, file: Pick<CaseFile, 'unitId'>) => user.roles.includes('unit_head') && user.unitId !== null && user.unitId === file.unitId;

/**
 * Who may see a case file, as a condition on the query (lists and single reads agree):
 * its keeper; the colleagues it is shared with; the head of the keeper's unit; the archivists once
 * it is closed (they receive it); and, once archived, whoever borrowed it with approval, until the
 * day the loan ends.
 */
export function restrictToVisible(query: SelectQueryBuilder<CaseFile>, alias: string, user: AuthenticatedUser, today: string): SelectQueryBuilder<CaseFile> {
  return query.andWhere(
    `(${alias}.keeper_id = :caseFileViewer
      OR EXISTS (SELECT 1 FROM case_file_share visible_share WHERE visible_share.case_file_id = ${alias}.id AND visible_share.user_id = :caseFileViewer)
      OR (:caseFileViewerIsHead AND ${alias}.unit_id = :caseFileViewerUnit)
      OR (:caseFileViewerIsArchivist AND ${alias}.state <> 'open')
      OR (${alias}.state = 'archived' AND EXISTS (SELECT 1 FROM archive_borrow_request visible_loan
            WHERE visible_loan.case_file_id = ${alias}.id AND visible_loan.requester_id = :caseFileViewer
              AND visible_loan.state = 'approved' AND visible_loan.until >= :caseFileToday)))`,
    {
      caseFileViewer: user.id,
      caseFileViewerIsHead: user.roles.includes('unit_head') && user.unitId !== null,
      caseFileViewerUnit: user.unitId,
      caseFileViewerIsArchivist: isArchivist(user),
      caseFileToday: today,
    },
  );
}

/**
 * The access of a person who can see the case file: the keeper and the head of the unit manage
 * it, a share gives read or contribute, the archivist handles it once closed, anyone else who
 * sees it (a borrower) reads.
 */
export async function accessTo(manager: EntityManager, file: CaseFile, user: AuthenticatedUser): Promise<CaseFileAccess> {
  if (file.keeperId === user.id || headsUnit(user, file)) return 'manage';
  const [share] = await manager.query(`SELECT access FROM case_file_share WHERE case_file_id = $1 AND user_id = $2`, [file.id, user.id]);
  if (share?.access === 'contribute') return 'contribute';
  if (isArchivist(user) && file.state !== 'open') return 'archive';
  return 'read';
}

const RANK: Record<CaseFileAccess, number> = { read: 0, contribute: 1, manage: 2, archive: 2 };

/** Contributing is less than managing; the archivist's access is for the archive's own steps, not for the work in the file. */
export function allows(access: CaseFileAccess, needed: 'contribute' | 'manage'): boolean {
  if (access === 'archive') return false;
  return RANK[access] >= RANK[needed];
}
