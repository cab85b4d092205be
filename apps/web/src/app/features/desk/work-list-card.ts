import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { EmptyState } from '../../shared/empty-state/empty-state';

/**
 * One list on the desk (documents waiting, deadlines, meetings, tasks): its heading and count, the empty
 * state while the count is 0, and the items and links the list projects into it (DeskTasksCard does).
 */
@Component({
  selector: 'app-work-list-card',
  imports: [MatCardModule, MatIconModule, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="card">
      <mat-card-header>
        <mat-icon mat-card-avatar class="avatar" [class]="tone()">{{ icon() }}</mat-icon>
        <mat-card-title class="title">{{ heading() }}</mat-card-title>
        <span class="count" [attr.aria-label]="count()">{{ count() }}</span>
      </mat-card-header>
      <mat-card-content>
        @if (count() === 0) {
          <app-empty-state [icon]="emptyIcon()" [message]="emptyMessage()" />
        }
        <ng-content />
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host { display: block; }
    .card { height: 100%; }
    mat-card-header { align-items: center; }
    .avatar { display: grid; place-items: center; border-radius: 10px; width: 40px; height: 40px; }
    .primary { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    .error { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .tertiary { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    .secondary { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .title { font-size: 16px; font-weight: 600; }
    .count {
      margin-inline-start: auto; min-width: 28px; padding: 2px 8px; border-radius: 12px; text-align: center;
      background: var(--mat-sys-surface-container-high); font-weight: 600; font-size: 13px;
    }
  `,
})
export class WorkListCard {
  readonly heading = input.required<string>();
  readonly icon = input.required<string>();
  readonly tone = input<'primary' | 'secondary' | 'tertiary' | 'error'>('primary');
  readonly emptyIcon = input('inbox');
  readonly emptyMessage = input.required<string>();
  readonly count = input(0);
}
