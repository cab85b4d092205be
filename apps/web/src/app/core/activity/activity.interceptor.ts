import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { finalize } from 'rxjs';
import { OWN_PROGRESS } from '../api/http-context';
import { ActivityIndicator } from './activity-indicator';

/** Every HTTP call counts as activity, except those that draw their own progress (uploads). */
export const activityInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.context.get(OWN_PROGRESS)) return next(request);
  const end = inject(ActivityIndicator).start();
  return next(request).pipe(finalize(end));
};
