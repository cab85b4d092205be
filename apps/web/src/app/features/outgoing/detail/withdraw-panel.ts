import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { OutgoingDocumentDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { DialogError } from '../../../shared/dialog-error/dialog-error';
import { availableActions } from '../outgoing-actions';
import { OutgoingApi } from '../outgoing-api';
import { Failure, failureOf } from './failure';
import { PanelRequest } from './panel-request';

/** The API asks at least this much of a reason (RecallOutgoingDto). */
const MIN_REASON = 5;

/**
 * Corrections of a document already out (Decree 30 Art. 18): recall it (thu hồi) with the reason,
 * by the signer or a clerk; or start the draft that replaces it (thay thế) — it takes effect when
 * that one is issued.
 */
@Component({
  selector: 'app-outgoing-withdraw-panel',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, RouterLink, TranslatePipe, DialogError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (actions().recall || actions().replace) {
      <mat-card appearance="outlined" class="panel" data-testid="outgoing-withdraw">
        <h2>{{ 'outgoing.withdraw.title' | translate }}</h2>
        @if (actions().replace) {
          <p class="hint">{{ 'outgoing.withdraw.replaceHint' | translate }}</p>
          <a mat-stroked-button [routerLink]="['/outgoing/new']" [queryParams]="{ replaces: document().id }" data-testid="outgoing-replace">
            <mat-icon>swap_horiz</mat-icon>{{ 'outgoing.withdraw.replace' | translate }}
          </a>
        }
        @if (actions().recall) {
          @if (failure(); as failed) {
            <app-dialog-error [message]="failed.message" [conflict]="failed.conflict" (reload)="reload.emit()" />
          }
          <mat-form-field appearance="outline" class="reason">
            <mat-label>{{ 'outgoing.withdraw.reason' | translate }}</mat-label>
            <textarea matInput rows="2" maxlength="2000" [(ngModel)]="reason" data-testid="outgoing-recall-reason"></textarea>
            <mat-hint>{{ 'outgoing.withdraw.reasonHint' | translate }}</mat-hint>
          </mat-form-field>
          <div class="buttons">
            <button mat-stroked-button color="warn" type="button" [disabled]="busy() || reason.trim().length < minReason" (click)="recall()" data-testid="outgoing-recall">
              <mat-icon>undo</mat-icon>{{ 'outgoing.withdraw.recall' | translate }}
            </button>
          </div>
        }
      </mat-card>
    }
  `,
  styles: `
    .panel { padding: 16px; }
    h2 { margin: 0 0 8px; font: var(--mat-sys-title-medium); }
    .hint { margin: 0 0 8px; font-size: 14px; color: var(--mat-sys-on-surface-variant); }
    .reason { width: 100%; margin-top: 16px; }
    .buttons { display: flex; justify-content: flex-end; }
  `,
})
export class WithdrawPanel {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);

  readonly document = input.required<OutgoingDocumentDto>();
  readonly changed = output<void>();
  readonly reload = output<void>();

  protected readonly actions = computed(() => availableActions(this.document(), this.session.user()));
  protected readonly minReason = MIN_REASON;
  protected reason = '';
  protected readonly failure = linkedSignal<OutgoingDocumentDto, Failure | null>({ source: this.document, computation: () => null });
  private readonly request = new PanelRequest(this.failure, (error) => failureOf(error, this.notifier));
  protected readonly busy = this.request.busy;

  protected recall(): void {
    const doc = this.document();
    const reason = this.reason.trim();
    if (reason.length < MIN_REASON) return;
    this.request.run(this.api.recall(doc.id, { reason, version: doc.version }), () => {
      this.reason = '';
      this.notifier.success('outgoing.withdraw.recalled');
      this.changed.emit();
    });
  }
}
