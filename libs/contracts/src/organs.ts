/**
 * Organ ids (mã định danh) per QCVN 102 / Decision 20/2020: groups of digits and capital letters
 * separated by dots, e.g. `000.00.00.G10`, `000.00.12.H17`. The directory also holds the odd ids real
 * senders use (`28.22.H17`), so the rule is: 2–7 groups of 1–5 letters or digits, dot-separated.
 */
export const ORGAN_ID_PATTERN = /^[A-Z0-9]{1,5}(\.[A-Z0-9]{1,5}){1,6}$/;

export interface OrganDto {
  id: string;
  organId: string;
  name: string;
  shortName: string | null;
  /** the notation used in code notations, e.g. `BYT` in `15/QĐ-BYT` */
  notation: string | null;
  parentOrganId: string | null;
  email: string | null;
  address: string | null;
  phone: string | null;
  /** true for this agency itself */
  isSelf: boolean;
  active: boolean;
  version: number;
}
export interface CreateOrganRequest {
  organId: string;
  name: string;
  shortName?: string | null;
  notation?: string | null;
  parentOrganId?: string | null;
  email?: string | null;
  address?: string | null;
  phone?: string | null;
}
export interface UpdateOrganRequest extends Partial<Omit<CreateOrganRequest, 'organId'>> {
  active?: boolean;
  version: number;
}
export interface OrganListQuery {
  q?: string;
  cursor?: string;
  limit?: number;
}
