import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The failure of a dialog's save, shown inside the dialog so the typed values stay. For a lost race
 * (409 VERSION_CONFLICT) it offers to reload: only a fresh copy can be saved.
 */
@Component({
  selector: 'app-dialog-error',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-icon aria-hidden="true">{{ conflict() ? 'sync_problem' : 'error' }}</mat-icon>
    <div class="body">
      <span>{{ conflict() ? ('errors.versionConflict' | translate) : message() }}</span>
      @if (conflict()) {
        <button mat-button type="button" (click)="reload.emit()" data-testid="reload-after-conflict">
          <mat-icon>refresh</mat-icon>
          {{ 'common.reload' | translate }}
        </button>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex; gap: 8px; align-items: flex-start; padding: 10px 12px; margin-bottom: 12px; border-radius: 8px;
      background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); font-size: 14px;
    }
    .body { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; }
    button { --mat-button-text-label-text-color: var(--mat-sys-on-error-container); margin-inline-start: -12px; }
  `,
  host: { role: 'alert' },
})
export class DialogError {
  readonly message = input<string | null>(null);
  readonly conflict = input(false);
  readonly reload = output<void>();
}

/** How an edit dialog ended: saved (with the server's new copy) or "reload the list, then try again". */
export type DialogOutcome<T> = { kind: 'saved'; value: T } | { kind: 'reload' };
