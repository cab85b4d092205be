import { Routes } from '@angular/router';
import { Permission } from '@app/contracts';
import { permissionGuard } from '../../core/auth/auth.guards';

/**
 * Họp không giấy. Everyone signed in sees the weekly schedule and the meetings the API lets them
 * see; secretaries (`meetings.organise`) schedule new ones. The room (live) and the material
 * viewer are the live part's pages.
 */
export const MEETINGS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'meetings.week.title',
    loadComponent: () => import('./week/meeting-week-page').then((module) => module.MeetingWeekPage),
  },
  {
    path: 'new',
    title: 'meetings.form.title',
    canMatch: [permissionGuard(Permission.MeetingsOrganise)],
    loadComponent: () => import('./form/meeting-form-page').then((module) => module.MeetingFormPage),
  },
  {
    path: 'consultations',
    title: 'meetings.consultations.title',
    loadComponent: () => import('./consultations/consultations-page').then((module) => module.ConsultationsPage),
  },
  {
    path: 'consultations/:consultationId',
    title: 'meetings.consultations.title',
    loadComponent: () => import('./consultations/consultation-page').then((module) => module.ConsultationPage),
  },
  {
    path: ':meetingId',
    title: 'meetings.detail.title',
    loadComponent: () => import('./detail/meeting-page').then((module) => module.MeetingPage),
  },
  {
    path: ':meetingId/edit',
    title: 'meetings.form.editTitle',
    loadComponent: () => import('./form/meeting-form-page').then((module) => module.MeetingFormPage),
  },
  {
    path: ':meetingId/room',
    title: 'meetings.roomTitle',
    loadComponent: () => import('./live/meeting-room-page').then((module) => module.MeetingRoomPage),
  },
  {
    path: ':meetingId/materials/:versionId',
    title: 'meetings.viewerTitle',
    loadComponent: () => import('./viewer/material-viewer-page').then((module) => module.MaterialViewerPage),
  },
];
