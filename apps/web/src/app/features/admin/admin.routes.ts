import { Routes } from '@angular/router';
import { Permission } from '@app/contracts';
import { permissionGuard } from '../../core/auth/auth.guards';

/** Administration pages: readable with the `*.read` codes, changeable only with `*.manage` (the pages hide the buttons). */
export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'units' },
  {
    path: 'units',
    title: 'units.title',
    canMatch: [permissionGuard(Permission.UnitsRead, Permission.UnitsManage)],
    loadComponent: () => import('./units/units-page').then((module) => module.UnitsPage),
  },
  {
    path: 'users',
    title: 'users.title',
    canMatch: [permissionGuard(Permission.UsersRead, Permission.UsersManage)],
    loadComponent: () => import('./users/users-page').then((module) => module.UsersPage),
  },
  {
    path: 'organs',
    title: 'organs.title',
    canMatch: [permissionGuard(Permission.OrgansRead, Permission.OrgansManage)],
    loadComponent: () => import('./organs/organs-page').then((module) => module.OrgansPage),
  },
  {
    path: 'audit',
    title: 'audit.title',
    canMatch: [permissionGuard(Permission.AuditRead)],
    loadComponent: () => import('./audit/audit-page').then((module) => module.AuditPage),
  },
];
