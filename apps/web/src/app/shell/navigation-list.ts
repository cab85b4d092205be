import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../core/auth/session-store';
import { NAVIGATION, visibleNavigation } from './navigation';

@Component({
  selector: 'app-navigation-list',
  imports: [MatListModule, MatIconModule, RouterLink, RouterLinkActive, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-nav-list [attr.aria-label]="'navigation.label' | translate">
      @for (entry of entries(); track entry.label) {
        @if (entry.kind === 'link') {
          <a mat-list-item [routerLink]="entry.path" routerLinkActive #active="routerLinkActive" [activated]="active.isActive" (click)="navigated.emit()">
            <mat-icon matListItemIcon>{{ entry.icon }}</mat-icon>
            <span matListItemTitle>{{ entry.label | translate }}</span>
          </a>
        } @else {
          <h3 matSubheader class="group-label">{{ entry.label | translate }}</h3>
          @for (link of entry.links; track link.path) {
            <a mat-list-item [routerLink]="link.path" routerLinkActive #active="routerLinkActive" [activated]="active.isActive" (click)="navigated.emit()">
              <mat-icon matListItemIcon>{{ link.icon }}</mat-icon>
              <span matListItemTitle>{{ link.label | translate }}</span>
            </a>
          }
        }
      }
    </mat-nav-list>
  `,
  styles: `
    :host { display: block; padding: 8px 0; }
    .group-label {
      margin-top: 12px; border-top: 1px solid var(--mat-sys-outline-variant); padding-top: 12px;
      font-size: 12px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NavigationList {
  private readonly session = inject(SessionStore);
  /** emitted when a link is followed, so the phone drawer can close */
  readonly navigated = output<void>();
  protected readonly entries = computed(() => visibleNavigation(NAVIGATION, this.session.permissions()));
}
