import { Permission } from './permissions';
import { Role } from './roles';

export interface LoginRequest {
  username: string;
  password: string;
}

/** Answer to login and refresh. The refresh token travels only in an httpOnly cookie, never in JSON. */
export interface AuthSession {
  accessToken: string;
  /** seconds until the access token expires */
  expiresIn: number;
  user: CurrentUser;
}

export interface CurrentUser {
  id: string;
  username: string;
  fullName: string;
  position: string | null;
  unitId: string | null;
  unitName: string | null;
  roles: Role[];
  permissions: Permission[];
  organ: { id: string; organId: string; name: string };
}

export interface AuthConfig {
  /** true when the agency's single sign-on (OpenID Connect) is configured */
  oidcEnabled: boolean;
  oidcLabel: string | null;
}

export const UNIT_KINDS = ['office', 'department', 'bureau', 'division', 'centre', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  office: { vi: 'Văn phòng', en: 'Office' },
  department: { vi: 'Vụ', en: 'Department' },
  bureau: { vi: 'Cục', en: 'Bureau' },
  division: { vi: 'Phòng', en: 'Division' },
  centre: { vi: 'Trung tâm', en: 'Centre' },
  other: { vi: 'Khác', en: 'Other' },
};

export interface UnitDto {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  sortOrder: number;
  version: number;
}
export interface CreateUnitRequest {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
  sortOrder?: number;
}
/** `version` is the one last read: a stale one gets 409 VERSION_CONFLICT. */
export interface UpdateUnitRequest extends Partial<CreateUnitRequest> {
  version: number;
}

export interface UserDto {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  position: string | null;
  unitId: string | null;
  roles: Role[];
  active: boolean;
  /** set while the account is locked after repeated failed logins */
  lockedUntil: string | null;
  version: number;
  createdAt: string;
}
export interface CreateUserRequest {
  username: string;
  fullName: string;
  email?: string | null;
  position?: string | null;
  unitId?: string | null;
  roles: Role[];
  password: string;
}
export interface UpdateUserRequest {
  fullName?: string;
  email?: string | null;
  position?: string | null;
  unitId?: string | null;
  roles?: Role[];
  active?: boolean;
  /** a new password, set by an administrator */
  password?: string;
  version: number;
}
export interface RoleDto {
  code: Role;
  labelVi: string;
  labelEn: string;
  permissions: Permission[];
}

export interface UserListQuery {
  q?: string;
  unitId?: string;
  role?: Role;
  cursor?: string;
  limit?: number;
}
