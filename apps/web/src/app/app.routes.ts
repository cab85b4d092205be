import { Routes } from '@angular/router';
import { anonymousGuard, authenticatedGuard } from './core/auth/auth.guards';

/** Placeholder pages for the features the next steps bring; each already has its own lazy route. */
function comingSoon(path: string, title: string, icon: string): Routes[number] {
  return {
    path,
    title,
    data: { feature: title, icon },
    loadComponent: () => import('./features/coming-soon/coming-soon-page').then((module) => module.ComingSoonPage),
  };
}

export const routes: Routes = [
  {
    path: 'login',
    title: 'login.title',
    canActivate: [anonymousGuard],
    loadComponent: () => import('./features/login/login-page').then((module) => module.LoginPage),
  },
  {
    path: '',
    canActivate: [authenticatedGuard],
    loadComponent: () => import('./shell/shell').then((module) => module.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'desk' },
      {
        path: 'desk',
        title: 'desk.title',
        loadComponent: () => import('./features/desk/desk-page').then((module) => module.DeskPage),
      },
      { path: 'incoming', loadChildren: () => import('./features/incoming/incoming.routes').then((module) => module.INCOMING_ROUTES) },
      // the placeholder's old address, kept for bookmarks
      { path: 'incoming-documents', pathMatch: 'full', redirectTo: 'incoming' },
      { path: 'outgoing', loadChildren: () => import('./features/outgoing/outgoing.routes').then((module) => module.OUTGOING_ROUTES) },
      // the placeholder's old address, kept for bookmarks
      { path: 'outgoing-documents', pathMatch: 'full', redirectTo: 'outgoing' },
      { path: 'signatures', loadChildren: () => import('./features/signatures/signatures.routes').then((module) => module.SIGNATURE_ROUTES) },
      { path: 'case-files', loadChildren: () => import('./features/case-files/case-files.routes').then((module) => module.CASE_FILES_ROUTES) },
      { path: 'meetings', loadChildren: () => import('./features/meetings/meetings.routes').then((module) => module.MEETINGS_ROUTES) },
      { path: 'tasks', loadChildren: () => import('./features/tasks/tasks.routes').then((module) => module.TASK_ROUTES) },
      { path: 'dashboard', loadChildren: () => import('./features/dashboard/dashboard.routes').then((module) => module.DASHBOARD_ROUTES) },
      { path: 'admin', loadChildren: () => import('./features/admin/admin.routes').then((module) => module.ADMIN_ROUTES) },
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('./features/not-found/not-found-page').then((module) => module.NotFoundPage),
      },
    ],
  },
];
