import type { Permission, Role } from '@app/contracts';

/** Who is calling, as the authentication guard established it for this request. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  fullName: string;
  unitId: string | null;
  roles: Role[];
  permissions: Permission[];
  sessionId: string;
}
