import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { ROLE_LABELS } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthService } from '../core/auth/auth.service';
import { SessionStore } from '../core/auth/session-store';
import { LanguageService } from '../core/i18n/language.service';

/** Initials for the avatar: the first letter of the family name and of the given name ("Nguyễn Thị Lan" → "NL"). */
export function initialsOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0].charAt(0);
  const last = words.length > 1 ? words[words.length - 1].charAt(0) : '';
  return (first + last).toLocaleUpperCase('vi');
}

@Component({
  selector: 'app-user-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatDividerModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.user(); as user) {
      <button mat-button class="trigger" [matMenuTriggerFor]="menu" data-testid="user-menu" [attr.aria-label]="'userMenu.open' | translate">
        <span class="avatar" aria-hidden="true">{{ initials() }}</span>
        <span class="name">{{ user.fullName }}</span>
        <mat-icon class="chevron" iconPositionEnd>expand_more</mat-icon>
      </button>
      <mat-menu #menu="matMenu" xPosition="before" class="user-menu-panel">
        <div class="identity" role="presentation">
          <div class="identity-name">{{ user.fullName }}</div>
          @if (user.position) {
            <div class="identity-line">{{ user.position }}</div>
          }
          @if (user.unitName) {
            <div class="identity-line">{{ user.unitName }}</div>
          }
          <div class="identity-line roles">{{ roleNames() }}</div>
        </div>
        <mat-divider />
        <button mat-menu-item (click)="switchLanguage()" data-testid="user-menu-language">
          <mat-icon>translate</mat-icon>
          <span>{{ 'userMenu.switchLanguage' | translate }}</span>
        </button>
        <button mat-menu-item (click)="logout()" data-testid="logout">
          <mat-icon>logout</mat-icon>
          <span>{{ 'userMenu.logout' | translate }}</span>
        </button>
      </mat-menu>
    }
  `,
  styles: `
    .trigger { padding-inline: 6px 4px; min-width: 0; }
    .avatar {
      display: inline-grid; place-items: center; width: 32px; height: 32px; border-radius: 50%;
      background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container);
      font-weight: 600; font-size: 13px; margin-inline-end: 8px;
    }
    .name { max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .chevron { margin-inline-start: 2px; }
    .identity { padding: 12px 16px; min-width: 220px; }
    .identity-name { font-weight: 600; }
    .identity-line { color: var(--mat-sys-on-surface-variant); font-size: 13px; margin-top: 2px; }
    .roles { color: var(--mat-sys-primary); }
    @media (max-width: 599.98px) {
      .trigger .name, .trigger .chevron { display: none; }
      .avatar { margin-inline-end: 0; }
    }
  `,
})
export class UserMenu {
  protected readonly session = inject(SessionStore);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);

  protected readonly initials = computed(() => initialsOf(this.session.user()?.fullName ?? ''));
  protected readonly roleNames = computed(() => {
    const language = this.language.current();
    return (this.session.user()?.roles ?? []).map((role) => ROLE_LABELS[role]?.[language] ?? role).join(', ');
  });

  protected switchLanguage(): void {
    void this.language.use(this.language.current() === 'vi' ? 'en' : 'vi');
  }

  protected logout(): void {
    void this.auth.logout();
  }
}
