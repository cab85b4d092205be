import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { map } from 'rxjs';
import { ActivityIndicator } from '../core/activity/activity-indicator';
import { SessionStore } from '../core/auth/session-store';
import { LanguageSwitch } from '../shared/language-switch/language-switch';
import { NavigationList } from './navigation-list';
import { NotificationBell } from './notification-bell';
import { UserMenu } from './user-menu';

/** Below this width the navigation is a drawer over the content instead of a column beside it. */
const DRAWER_QUERY = '(max-width: 959.98px)';

/** The frame of every signed-in page: toolbar, navigation, activity bar and the page itself. */
@Component({
  selector: 'app-shell',
  imports: [
    MatToolbarModule,
    MatSidenavModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterOutlet,
    RouterLink,
    TranslatePipe,
    NavigationList,
    UserMenu,
    LanguageSwitch,
    NotificationBell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly session = inject(SessionStore);
  protected readonly activity = inject(ActivityIndicator);
  protected readonly drawer = toSignal(
    inject(BreakpointObserver)
      .observe(DRAWER_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  private readonly sidenav = viewChild.required(MatSidenav);

  protected closeDrawer(): void {
    if (this.drawer()) void this.sidenav().close();
  }

  protected toggleDrawer(): void {
    void this.sidenav().toggle();
  }
}
