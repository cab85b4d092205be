import { Routes } from '@angular/router';
import { Permission } from '@app/contracts';
import { permissionGuard } from '../../core/auth/auth.guards';

/** Nhiệm vụ: everyone sees the tasks on their desk; those who may give tasks open the form. */
export const TASK_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'tasks.title', loadComponent: () => import('./task-list-page').then((module) => module.TaskListPage) },
  {
    path: 'new',
    title: 'tasks.form.title',
    canMatch: [permissionGuard(Permission.TasksGive)],
    loadComponent: () => import('./task-form-page').then((module) => module.TaskFormPage),
  },
  { path: ':id', title: 'tasks.detail.title', loadComponent: () => import('./task-detail-page').then((module) => module.TaskDetailPage) },
];
