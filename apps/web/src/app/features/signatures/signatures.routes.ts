import { Routes } from '@angular/router';

/** Kiểm tra chữ ký số: open to everyone signed in (signatures.verify is everyone's). */
export const SIGNATURE_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'verify' },
  {
    path: 'verify',
    title: 'signatureCheck.title',
    loadComponent: () => import('./verify-page').then((module) => module.VerifyPage),
  },
];
