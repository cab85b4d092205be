import { Routes } from '@angular/router';
import { Permission } from '@app/contracts';
import { provideCharts, withDefaultRegisterables } from 'ng2-charts';
import { permissionGuard } from '../../core/auth/auth.guards';

/** Bảng điều hành: the leaders' (dashboard.view); Chart.js is loaded with this route only. */
export const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    canMatch: [permissionGuard(Permission.DashboardView)],
    providers: [provideCharts(withDefaultRegisterables())],
    children: [
      { path: '', pathMatch: 'full', title: 'dashboard.title', loadComponent: () => import('./dashboard-page').then((module) => module.DashboardPage) },
    ],
  },
];
