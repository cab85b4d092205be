import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { StoredNotificationDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../core/i18n/language.service';
import { NotificationCenter } from '../core/notifications/notification-center';
import { relativeTime } from '../core/notifications/relative-time';

/** More than this shows as "99+": the badge is a hint, the list tells the rest. */
const BADGE_MAX = 99;

/** An icon per kind of notification, so the list can be read at a glance. */
const ICONS: Record<string, string> = {
  'incoming.submitted': 'move_to_inbox',
  'incoming.assigned': 'assignment_ind',
  'incoming.returned': 'undo',
  'incoming.done': 'task_alt',
  'incoming.overdue': 'alarm',
  'incoming.due-today': 'alarm',
  'incoming.due-soon': 'schedule',
};

export function badgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > BADGE_MAX ? `${BADGE_MAX}+` : String(unread);
}

/** The bell in the toolbar: the unread badge, and a panel with the latest notifications. */
@Component({
  selector: 'app-notification-bell',
  imports: [MatBadgeModule, MatButtonModule, MatIconModule, MatMenuModule, MatDividerModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      class="notification-bell"
      [matMenuTriggerFor]="panel"
      (menuOpened)="opened()"
      data-testid="notification-bell"
      [matBadge]="badge()"
      [matBadgeHidden]="!badge()"
      matBadgeColor="warn"
      matBadgeDescription=""
      [attr.aria-label]="(center.unread() ? 'notifications.openWithUnread' : 'notifications.open') | translate: { count: center.unread() }"
    >
      <mat-icon>{{ center.unread() ? 'notifications_unread' : 'notifications' }}</mat-icon>
    </button>
    <mat-menu #panel="matMenu" xPosition="before" class="notification-panel">
      <div class="head" role="presentation" (click)="$event.stopPropagation()" (keydown)="$event.stopPropagation()">
        <span class="head-title">{{ 'notifications.title' | translate }}</span>
        <button mat-button (click)="center.markAllRead()" [disabled]="!center.unread()" data-testid="notifications-read-all">
          {{ 'notifications.markAllRead' | translate }}
        </button>
      </div>
      <mat-divider />
      @if (center.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @for (item of center.items(); track item.id) {
        <button mat-menu-item class="item" [class.unread]="!item.readAt" (click)="center.open(item)" data-testid="notification-item">
          <mat-icon>{{ iconOf(item) }}</mat-icon>
          <span class="item-text">
            <span class="item-title">{{ item.title }}</span>
            <span class="item-time">{{ timeOf(item) }}</span>
          </span>
          @if (!item.readAt) {
            <span class="dot" [attr.aria-label]="'notifications.unread' | translate"></span>
          }
        </button>
      } @empty {
        @if (center.failed()) {
          <div class="note" role="alert">{{ 'notifications.loadFailed' | translate }}</div>
        } @else if (!center.loading()) {
          <div class="note">{{ 'notifications.empty' | translate }}</div>
        }
      }
      @if (center.hasMore()) {
        <mat-divider />
        <button mat-menu-item (click)="$event.stopPropagation(); center.loadMore()" data-testid="notifications-more">
          <mat-icon>expand_more</mat-icon>
          <span>{{ 'common.loadMore' | translate }}</span>
        </button>
      }
    </mat-menu>
  `,
  // The panel lives in an overlay outside this component, so its rules cannot be scoped by Angular:
  // every selector below starts with the panel's own class instead.
  encapsulation: ViewEncapsulation.None,
  styles: `
    /* in a toolbar the bell takes the toolbar's text colour (white on the blue bar), elsewhere the default */
    .notification-bell { --mat-icon-button-icon-color: var(--mat-toolbar-container-text-color, var(--mat-sys-on-surface-variant)); }
    .notification-bell .mat-badge-content { font-size: 11px; }
    .mat-mdc-menu-panel.notification-panel { width: min(400px, calc(100vw - 16px)); max-width: none; }
    .notification-panel .head { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 4px 8px 4px 16px; }
    .notification-panel .head-title { font-weight: 600; }
    .notification-panel .item { height: auto; min-height: 56px; padding-block: 8px; }
    .notification-panel .item .mat-mdc-menu-item-text { display: flex; align-items: center; gap: 8px; width: 100%; }
    .notification-panel .item-text { flex: 1; min-width: 0; display: flex; flex-direction: column; white-space: normal; line-height: 1.35; }
    .notification-panel .item-title { display: -webkit-box; -webkit-line-clamp: 2; line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
    .notification-panel .item-time { font-size: 12px; color: var(--mat-sys-on-surface-variant); margin-top: 2px; }
    .notification-panel .item.unread .item-title { font-weight: 600; }
    .notification-panel .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--mat-sys-primary); flex: none; }
    .notification-panel .note { padding: 16px; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class NotificationBell {
  protected readonly center = inject(NotificationCenter);
  private readonly language = inject(LanguageService);
  /** "now" for the relative times, taken when the panel opens (a list open for minutes may lag: fine) */
  private readonly now = signal(new Date());

  protected readonly badge = computed(() => badgeText(this.center.unread()));

  protected opened(): void {
    this.now.set(new Date());
    void this.center.load();
  }

  protected iconOf(item: StoredNotificationDto): string {
    return ICONS[item.kind] ?? 'notifications';
  }

  protected timeOf(item: StoredNotificationDto): string {
    return relativeTime(item.createdAt, this.now(), this.language.current());
  }
}
