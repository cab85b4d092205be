import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** What a list shows when it has nothing in it: an icon and one sentence. */
@Component({
  selector: 'app-empty-state',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-icon class="icon" aria-hidden="true">{{ icon() }}</mat-icon>
    <p class="message">{{ message() }}</p>
    <ng-content />
  `,
  styles: `
    :host { display: flex; flex-direction: column; align-items: center; text-align: center; padding: 24px 16px; color: var(--mat-sys-on-surface-variant); }
    .icon { font-size: 40px; width: 40px; height: 40px; opacity: 0.6; }
    .message { margin: 8px 0 0; font-size: 14px; text-wrap: balance; }
    @media (max-width: 599.98px) {
      :host { padding: 12px; }
      .icon { font-size: 32px; width: 32px; height: 32px; }
    }
  `,
})
export class EmptyState {
  readonly icon = input('inbox');
  readonly message = input.required<string>();
}
