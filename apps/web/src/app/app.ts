import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { NavigationCancel, NavigationEnd, NavigationError, NavigationStart, Router, RouterOutlet } from '@angular/router';
import { ActivityIndicator } from './core/activity/activity-indicator';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<router-outlet />',
})
export class App {
  constructor() {
    // a lazy page loading over a slow network is activity too: the progress bar covers it
    const activity = inject(ActivityIndicator);
    let end: (() => void) | null = null;
    const subscription = inject(Router).events.subscribe((event) => {
      if (event instanceof NavigationStart) {
        end?.();
        end = activity.start();
      } else if (event instanceof NavigationEnd || event instanceof NavigationCancel || event instanceof NavigationError) {
        end?.();
        end = null;
      }
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }
}
