import { Routes } from '@angular/router';
import { Permission } from '@app/contracts';
import { permissionGuard } from '../../core/auth/auth.guards';

/**
 * Hồ sơ công việc: everyone signed in sees the case files the API lets them see; those who keep
 * case files open new ones; the plan and the archive have their own pages.
 */
export const CASE_FILES_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'caseFiles.title', loadComponent: () => import('./list/case-files-list-page').then((module) => module.CaseFilesListPage) },
  {
    path: 'new',
    title: 'caseFiles.open.title',
    canMatch: [permissionGuard(Permission.CaseFilesKeep)],
    loadComponent: () => import('./open/case-file-open-page').then((module) => module.CaseFileOpenPage),
  },
  { path: 'plan', title: 'caseFiles.plan.title', loadComponent: () => import('./plan/file-plan-page').then((module) => module.FilePlanPage) },
  {
    path: 'archive',
    title: 'caseFiles.archive.title',
    canMatch: [permissionGuard(Permission.ArchiveRead)],
    loadComponent: () => import('./archive/archive-page').then((module) => module.ArchivePage),
  },
  { path: ':id', title: 'caseFiles.detail.title', loadComponent: () => import('./detail/case-file-detail-page').then((module) => module.CaseFileDetailPage) },
];
