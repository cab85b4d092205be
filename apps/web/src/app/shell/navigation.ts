import { Permission } from '@app/contracts';

export interface NavigationLink {
  kind: 'link';
  /** translation key of the label */
  label: string;
  /** Material Symbols ligature */
  icon: string;
  path: string;
  /** shown when the user holds at least one of these */
  requiresAny: readonly Permission[];
}

export interface NavigationGroup {
  kind: 'group';
  label: string;
  links: readonly NavigationLink[];
}

export type NavigationEntry = NavigationLink | NavigationGroup;

/**
 * The side navigation. Document, case-file and meeting pages are open to every user for now (the
 * contexts that bring them will add their own permission codes); the administration pages appear only
 * to those who may change what they show (or, for the audit log, read it). Read-only users can still
 * open a page by its address: the route guards accept the `*.read` codes.
 */
export const NAVIGATION: readonly NavigationEntry[] = [
  { kind: 'link', label: 'navigation.desk', icon: 'space_dashboard', path: '/desk', requiresAny: [Permission.DeskView] },
  { kind: 'link', label: 'navigation.dashboard', icon: 'monitoring', path: '/dashboard', requiresAny: [Permission.DashboardView] },
  { kind: 'link', label: 'navigation.tasks', icon: 'assignment', path: '/tasks', requiresAny: [Permission.DeskView] },
  { kind: 'link', label: 'navigation.incomingDocuments', icon: 'move_to_inbox', path: '/incoming', requiresAny: [Permission.DeskView] },
  { kind: 'link', label: 'navigation.outgoingDocuments', icon: 'outbox', path: '/outgoing', requiresAny: [Permission.DeskView] },
  { kind: 'link', label: 'navigation.verifySignatures', icon: 'verified_user', path: '/signatures/verify', requiresAny: [Permission.SignaturesVerify] },
  { kind: 'link', label: 'navigation.caseFiles', icon: 'folder_open', path: '/case-files', requiresAny: [Permission.DeskView] },
  { kind: 'link', label: 'navigation.meetings', icon: 'groups', path: '/meetings', requiresAny: [Permission.DeskView] },
  {
    kind: 'group',
    label: 'navigation.administration',
    links: [
      { kind: 'link', label: 'navigation.units', icon: 'account_tree', path: '/admin/units', requiresAny: [Permission.UnitsManage] },
      { kind: 'link', label: 'navigation.users', icon: 'manage_accounts', path: '/admin/users', requiresAny: [Permission.UsersManage] },
      { kind: 'link', label: 'navigation.organs', icon: 'contacts', path: '/admin/organs', requiresAny: [Permission.OrgansManage] },
      { kind: 'link', label: 'navigation.audit', icon: 'history', path: '/admin/audit', requiresAny: [Permission.AuditRead] },
    ],
  },
];

/** The entries a user with these permissions may see; a group with nothing left in it disappears. */
export function visibleNavigation(entries: readonly NavigationEntry[], permissions: readonly Permission[]): NavigationEntry[] {
  const granted = new Set(permissions);
  const allowed = (link: NavigationLink): boolean => link.requiresAny.some((permission) => granted.has(permission));
  const visible: NavigationEntry[] = [];
  for (const entry of entries) {
    if (entry.kind === 'link') {
      if (allowed(entry)) visible.push(entry);
      continue;
    }
    const links = entry.links.filter(allowed);
    if (links.length > 0) visible.push({ ...entry, links });
  }
  return visible;
}
