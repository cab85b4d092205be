import { Routes } from '@angular/router';
import { Permission } from '@app/contracts';
import { permissionGuard } from '../../core/auth/auth.guards';
import { provideVietnamDateAdapter } from './vietnam-date-adapter';

/**
 * Văn bản đến. Everyone signed in opens the list and the documents the API lets them see; only the
 * clerks who keep the registers (`incoming.register`) open the registration form.
 */
export const INCOMING_ROUTES: Routes = [
  {
    path: '',
    providers: [provideVietnamDateAdapter()],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'incoming.title',
        loadComponent: () => import('./list/incoming-list-page').then((module) => module.IncomingListPage),
      },
      {
        path: 'new',
        title: 'incoming.form.title',
        canMatch: [permissionGuard(Permission.IncomingRegister)],
        loadComponent: () => import('./register/incoming-register-page').then((module) => module.IncomingRegisterPage),
      },
      {
        path: ':id',
        title: 'incoming.detail.title',
        loadComponent: () => import('./detail/incoming-detail-page').then((module) => module.IncomingDetailPage),
      },
    ],
  },
];
