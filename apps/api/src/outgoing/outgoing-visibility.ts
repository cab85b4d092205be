import type { SelectQueryBuilder } from 'typeorm';
import { Permission } from '@app/contracts';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import type { OutgoingDocument } from './outgoing-document.entity';

/** From approval on, the clerks of the outgoing registers work on the document (form check, number, seal, dispatch). */
export const APPROVED_STATES = ['approved', 'form_checked', 'signed', 'issued', 'dispatched', 'recalled', 'replaced'] as const;

/**
 * Who may see an outgoing document, as a condition on the query (never a filter in the UI), kept
 * in one place so that lists and single reads agree:
 * - the drafter, the signer-to-be and everyone on the review chain;
 * - the head of the drafting unit;
 * - the clerks of the outgoing registers, once it is approved;
 * - a confidential document only the people named on it: the drafter, the signer, the chain.
 */
export function restrictToVisible(query: SelectQueryBuilder<OutgoingDocument>, alias: string, user: AuthenticatedUser): SelectQueryBuilder<OutgoingDocument> {
  return query.andWhere(
    `(${alias}.drafter_id = :outgoingViewer
      OR ${alias}.signer_id = :outgoingViewer
      OR EXISTS (SELECT 1 FROM review_step visible_step WHERE visible_step.document_id = ${alias}.id AND visible_step.reviewer_id = :outgoingViewer)
      OR (${alias}.confidentiality = 'normal' AND :outgoingViewerIsHead AND ${alias}.drafting_unit_id = :outgoingViewerUnit)
      OR (${alias}.confidentiality = 'normal' AND :outgoingViewerIsClerk AND ${alias}.state IN (:...outgoingApprovedStates)))`,
    {
      outgoingViewer: user.id,
      outgoingViewerUnit: user.unitId,
      outgoingViewerIsHead: user.roles.includes('unit_head') && user.unitId !== null,
      outgoingViewerIsClerk: user.permissions.includes(Permission.OutgoingCheckForm),
      outgoingApprovedStates: [...APPROVED_STATES],
    },
  );
}
