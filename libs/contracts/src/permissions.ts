import { Role } from './roles';

/**
 * Permission codes. The API checks them with a guard on every route and every socket room join;
 * the web app uses the same codes only to hide what a user may not do.
 * A later context adds its own codes here and grants them in ROLE_PERMISSIONS.
 */
export const Permission = {
  /** See the desk (everyone who can log in). */
  DeskView: 'desk.view',
  UnitsRead: 'units.read',
  UnitsManage: 'units.manage',
  UsersRead: 'users.read',
  UsersManage: 'users.manage',
  OrgansRead: 'organs.read',
  OrgansManage: 'organs.manage',
  AuditRead: 'audit.read',
  FilesUpload: 'files.upload',
  FilesRead: 'files.read',
  /** see the working-day calendar and compute deadlines */
  CalendarRead: 'calendar.read',
  /** add or remove days off and swapped working days */
  CalendarManage: 'calendar.manage',
  /** configure document registers (sổ văn bản) */
  RegistersManage: 'registers.manage',
  /** register incoming documents in a register (văn thư) */
  IncomingRegister: 'incoming.register',
  /** write directives and assign incoming documents (lãnh đạo) */
  IncomingDirect: 'incoming.direct',
  /** upload and revoke signing credentials (.p12) and signature/seal images for anyone (quản trị) */
  SignaturesManage: 'signatures.manage',
  /** sign documents digitally as the competent signer (ký số: lãnh đạo) */
  SignaturesSign: 'signatures.sign',
  /** apply the organisation's signature, the digital seal, at issuance (ký số cơ quan: văn thư, Decree 30 Art. 32) */
  SignaturesSeal: 'signatures.seal',
  /** check the digital signatures of an uploaded PDF (every member of staff) */
  SignaturesVerify: 'signatures.verify',
  /** write drafts of outgoing documents and send them for review (soạn thảo: chuyên viên, lãnh đạo) */
  OutgoingDraft: 'outgoing.draft',
  /** be the signer-to-be of a draft and approve it for signing (người ký: lãnh đạo, lãnh đạo đơn vị ký thừa lệnh) */
  OutgoingSign: 'outgoing.sign',
  /** check the form (thể thức) of a draft before signing (Decree 30 Art. 11: a designated clerk) */
  OutgoingCheckForm: 'outgoing.check_form',
  /** schedule meetings, invite, prepare agenda and materials (thư ký cuộc họp); the chair and secretaries of a meeting act on it without it */
  MeetingsOrganise: 'meetings.organise',
  /** keep the list of meeting rooms (phòng họp) */
  MeetingRoomsManage: 'meetings.rooms',
  /** send written consultations (phiếu lấy ý kiến) to members */
  ConsultationsManage: 'consultations.manage',
  /** open case files, link documents, close them (lập hồ sơ: chuyên viên, lãnh đạo, văn thư) */
  CaseFilesKeep: 'case_files.keep',
  /** draft the yearly file plan (danh mục hồ sơ: văn thư, lưu trữ) */
  CaseFilesPlan: 'case_files.plan',
  /** approve the yearly file plan (the head of the agency, Decree 30 Art. 28) */
  CaseFilesApprovePlan: 'case_files.approve_plan',
  /** the share of case files processed online, by unit and year (lãnh đạo) */
  CaseFilesFigures: 'case_files.figures',
  /** search the archive and ask to borrow an archived file (every member of staff) */
  ArchiveRead: 'archive.read',
  /** receive handovers, make packages, decide borrowing, appraise expiring files (lưu trữ viên) */
  ArchiveManage: 'archive.manage',
  /** give tasks to units and people, and accept or send back their work (giao việc: lãnh đạo; lãnh đạo đơn vị within the unit) */
  TasksGive: 'tasks.give',
  /** the leader's dashboard and the e-government figures (lãnh đạo) */
  DashboardView: 'dashboard.view',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

const EVERYONE: Permission[] = [
  Permission.DeskView,
  Permission.UnitsRead,
  Permission.UsersRead,
  Permission.OrgansRead,
  Permission.FilesUpload,
  Permission.FilesRead,
  Permission.CalendarRead,
  Permission.SignaturesVerify,
  Permission.ArchiveRead,
];

/** What each role may do. A user's permissions are the union over their roles. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...EVERYONE, Permission.UnitsManage, Permission.UsersManage, Permission.OrgansManage, Permission.AuditRead, Permission.CalendarManage, Permission.RegistersManage, Permission.SignaturesManage, Permission.MeetingRoomsManage],
  clerk: [...EVERYONE, Permission.OrgansManage, Permission.IncomingRegister, Permission.SignaturesSeal, Permission.OutgoingCheckForm, Permission.CaseFilesKeep, Permission.CaseFilesPlan],
  officer: [...EVERYONE, Permission.OutgoingDraft, Permission.CaseFilesKeep],
  unit_head: [...EVERYONE, Permission.SignaturesSign, Permission.OutgoingDraft, Permission.OutgoingSign, Permission.CaseFilesKeep, Permission.CaseFilesFigures, Permission.TasksGive],
  leader: [...EVERYONE, Permission.IncomingDirect, Permission.SignaturesSign, Permission.OutgoingDraft, Permission.OutgoingSign, Permission.CaseFilesKeep, Permission.CaseFilesApprovePlan, Permission.CaseFilesFigures, Permission.TasksGive, Permission.DashboardView],
  meeting_secretary: [...EVERYONE, Permission.MeetingsOrganise, Permission.MeetingRoomsManage, Permission.ConsultationsManage],
  archivist: [...EVERYONE, Permission.CaseFilesPlan, Permission.ArchiveManage, Permission.CaseFilesFigures],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role] ?? []) granted.add(permission);
  return [...granted].sort();
}
