import { Permission, ROLE_PERMISSIONS } from '@app/contracts';
import { NAVIGATION, NavigationEntry, visibleNavigation } from './navigation';

/** Labels of what is shown, groups as "group > link". */
function labels(entries: NavigationEntry[]): string[] {
  return entries.flatMap((entry) => (entry.kind === 'link' ? [entry.label] : entry.links.map((link) => `${entry.label} > ${link.label}`)));
}

describe('visibleNavigation', () => {
  it('shows an administrator everything', () => {
    const shown = labels(visibleNavigation(NAVIGATION, ROLE_PERMISSIONS.admin));
    expect(shown).toEqual([
      'navigation.desk',
      'navigation.tasks',
      'navigation.incomingDocuments',
      'navigation.outgoingDocuments',
      'navigation.verifySignatures',
      'navigation.caseFiles',
      'navigation.meetings',
      'navigation.administration > navigation.units',
      'navigation.administration > navigation.users',
      'navigation.administration > navigation.organs',
      'navigation.administration > navigation.audit',
    ]);
  });

  it('shows a clerk only the organ directory under administration', () => {
    const shown = labels(visibleNavigation(NAVIGATION, ROLE_PERMISSIONS.clerk));
    expect(shown).toContain('navigation.desk');
    expect(shown.filter((label) => label.startsWith('navigation.administration'))).toEqual(['navigation.administration > navigation.organs']);
  });

  it('drops the administration group when none of its pages is allowed', () => {
    const entries = visibleNavigation(NAVIGATION, ROLE_PERMISSIONS.officer);
    expect(entries.some((entry) => entry.kind === 'group')).toBe(false);
    expect(labels(entries)).toContain('navigation.meetings');
    // anyone may check a signed PDF
    expect(labels(entries)).toContain('navigation.verifySignatures');
  });

  it('shows nothing without permissions', () => {
    expect(visibleNavigation(NAVIGATION, [])).toEqual([]);
  });

  it('needs only one of the listed permissions', () => {
    const entries: NavigationEntry[] = [
      { kind: 'link', label: 'either', icon: 'x', path: '/x', requiresAny: [Permission.UsersManage, Permission.AuditRead] },
    ];
    expect(labels(visibleNavigation(entries, [Permission.AuditRead]))).toEqual(['either']);
  });

  it('does not change the definition it filters', () => {
    const before = JSON.stringify(NAVIGATION);
    visibleNavigation(NAVIGATION, [Permission.OrgansManage]);
    expect(JSON.stringify(NAVIGATION)).toBe(before);
  });
});
