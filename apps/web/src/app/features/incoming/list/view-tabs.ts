import { ChangeDetectionStrategy, Component, ElementRef, afterRenderEffect, inject, input, output } from '@angular/core';
import { IncomingCounts, IncomingView } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { countBadge } from './list-query';

/**
 * The working lists as a row of tabs with how many wait in each. On a narrow screen the row scrolls
 * sideways rather than wrapping into a wall of buttons.
 */
@Component({
  selector: 'app-view-tabs',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="tabs" [attr.aria-label]="'incoming.views.label' | translate" data-testid="view-tabs">
      @for (view of views(); track view) {
        @let badge = badgeOf(view);
        <button
          type="button"
          class="tab"
          [class.active]="view === active()"
          [class.alert]="view === 'overdue' && badge"
          [attr.aria-current]="view === active() ? 'page' : null"
          (click)="choose.emit(view)"
          [attr.data-testid]="'view-' + view"
        >
          {{ 'incoming.views.' + view | translate }}
          @if (badge) {
            <span class="badge" data-testid="view-count">{{ badge }}</span>
          }
        </button>
      }
    </nav>
  `,
  styles: `
    .tabs { position: relative; display: flex; gap: 6px; overflow-x: auto; padding: 2px 0 6px; scrollbar-width: thin; }
    .tab {
      flex: none; display: inline-flex; align-items: center; gap: 6px; height: 36px; padding: 0 14px; border-radius: 18px;
      border: 1px solid var(--mat-sys-outline-variant); background: var(--mat-sys-surface); color: var(--mat-sys-on-surface);
      font: inherit; font-size: 14px; font-weight: 500; cursor: pointer; white-space: nowrap;
    }
    .tab:hover { background: var(--mat-sys-surface-container-low); }
    .tab:focus-visible { outline: 2px solid var(--mat-sys-primary); outline-offset: 1px; }
    .tab.active { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); border-color: transparent; }
    .badge {
      min-width: 20px; height: 20px; padding: 0 6px; border-radius: 10px; display: inline-grid; place-items: center;
      font-size: 12px; font-weight: 600; font-variant-numeric: tabular-nums;
      background: var(--mat-sys-primary); color: var(--mat-sys-on-primary);
    }
    .alert .badge { background: var(--mat-sys-error); color: var(--mat-sys-on-error); }
  `,
})
export class ViewTabs {
  readonly views = input.required<readonly IncomingView[]>();
  readonly active = input.required<IncomingView>();
  readonly counts = input<IncomingCounts | null>(null);
  readonly choose = output<IncomingView>();

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    // on a phone the row scrolls: the chosen tab is brought into sight (after back or a reload too)
    afterRenderEffect(() => {
      this.active();
      const row = host.querySelector<HTMLElement>('.tabs');
      const tab = row?.querySelector<HTMLElement>('.tab.active');
      if (!row || !tab) return;
      const hidden = tab.offsetLeft < row.scrollLeft || tab.offsetLeft + tab.offsetWidth > row.scrollLeft + row.clientWidth;
      if (hidden) row.scrollLeft = Math.max(0, tab.offsetLeft - 24);
    });
  }

  protected badgeOf(view: IncomingView): string | null {
    return countBadge(this.counts(), view);
  }
}
