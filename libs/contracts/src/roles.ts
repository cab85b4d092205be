/** The roles a user may hold (glossary: "People and organisation"). A user may hold several. */
export const ROLES = ['admin', 'clerk', 'officer', 'unit_head', 'leader', 'meeting_secretary', 'archivist'] as const;
export type Role = (typeof ROLES)[number];

/** What each role is called on screen, Vietnamese first. */
export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị', en: 'Administrator' },
  clerk: { vi: 'Văn thư', en: 'Clerk' },
  officer: { vi: 'Chuyên viên', en: 'Officer' },
  unit_head: { vi: 'Lãnh đạo đơn vị', en: 'Unit head' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  meeting_secretary: { vi: 'Thư ký cuộc họp', en: 'Meeting secretary' },
  archivist: { vi: 'Lưu trữ viên', en: 'Archivist' },
};
