import { DOCUMENT_TYPES, type DocumentTypeCode } from '@app/contracts';

export interface NotationParts {
  number: number;
  documentType: DocumentTypeCode;
  /** the agency's abbreviation (ORGAN_NOTATION), `BYT` */
  organNotation: string;
  /** the code of the drafting unit, `VP` or `VP.HC`; null when the drafter has no unit */
  unitCode: string | null;
}

/**
 * Số và ký hiệu (Decree 30 Art. 15; Phụ lục I §II.3): the number with a leading 0 below 10, "/",
 * then the type's abbreviation and the agency's (`15/QĐ-BYT`); a công văn (no type abbreviation)
 * names the agency and the drafting unit (`05/BYT-VP`). The unit is the one directly under the
 * agency — a division inside the Văn phòng drafts as `VP` — which is the first part of the unit
 * code. Groups are joined by "-", without spaces.
 */
export function numberAndNotation(parts: NotationParts): string {
  const number = String(parts.number).padStart(2, '0');
  const abbreviation = DOCUMENT_TYPES.find((type) => type.code === parts.documentType)?.abbreviation ?? null;
  const unit = parts.unitCode?.split('.')[0]?.trim() || null;
  const groups = abbreviation ? [abbreviation, parts.organNotation] : [parts.organNotation, unit];
  return `${number}/${groups.filter((group): group is string => Boolean(group)).join('-')}`;
}
