import { Routes } from '@angular/router';
import { Permission } from '@app/contracts';
import { permissionGuard } from '../../core/auth/auth.guards';

/**
 * Văn bản đi. Everyone signed in opens the working lists and the drafts the API lets them see (a
 * reviewer, the signer, the clerk checking form); only those who draft (`outgoing.draft`) open the form.
 */
export const OUTGOING_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'outgoing.title',
    loadComponent: () => import('./list/outgoing-list-page').then((module) => module.OutgoingListPage),
  },
  {
    path: 'new',
    title: 'outgoing.form.title',
    canMatch: [permissionGuard(Permission.OutgoingDraft)],
    loadComponent: () => import('./new/outgoing-new-page').then((module) => module.OutgoingNewPage),
  },
  {
    path: ':id',
    title: 'outgoing.detail.title',
    loadComponent: () => import('./detail/outgoing-detail-page').then((module) => module.OutgoingDetailPage),
  },
];
