import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { OutgoingDocumentDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { DialogError } from '../../../shared/dialog-error/dialog-error';
import { availableActions } from '../outgoing-actions';
import { OutgoingApi } from '../outgoing-api';
import { deliveryIcon, deliveryKey } from './delivery-status';
import { Failure, failureOf } from './failure';
import { PanelRequest } from './panel-request';

/**
 * Dispatch (phát hành) of the issued document: each recipient and how far it got — a unit of the
 * agency receives it as an incoming document at once, an agency of the directory waits for the
 * national axis (the interconnection sends it). A clerk dispatches.
 */
@Component({
  selector: 'app-outgoing-dispatch-panel',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink, TranslatePipe, VietnamDatePipe, DialogError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let doc = document();
    <mat-card appearance="outlined" class="panel" data-testid="outgoing-dispatch">
      <h2>{{ 'outgoing.delivery.title' | translate }}</h2>
      @if (failure(); as failed) {
        <app-dialog-error [message]="failed.message" [conflict]="failed.conflict" (reload)="reload.emit()" />
      }
      <ul class="recipients">
        @for (recipient of doc.recipients; track recipient.kind + recipient.id) {
          <li [attr.data-status]="recipient.status" data-testid="outgoing-recipient">
            <mat-icon aria-hidden="true">{{ icon(recipient) }}</mat-icon>
            <div>
              <strong>{{ recipient.name }}</strong>
              <span class="status">
                {{ key(recipient) | translate }}
                @if (recipient.deliveredAt) {
                  · {{ recipient.deliveredAt | vietnamDate: 'dateTime' }}
                }
              </span>
              @if (recipient.incomingDocumentId) {
                <a [routerLink]="['/incoming', recipient.incomingDocumentId]">{{ 'outgoing.delivery.openCopy' | translate }}</a>
              }
            </div>
          </li>
        } @empty {
          <li class="none">{{ 'outgoing.delivery.none' | translate }}</li>
        }
      </ul>
      @if (doc.recipientsText) {
        <p class="free">{{ doc.recipientsText }}</p>
      }
      @if (doc.dispatchedAt) {
        <p class="when">{{ 'outgoing.delivery.dispatchedAt' | translate: { when: (doc.dispatchedAt | vietnamDate: 'dateTime') } }}</p>
      }
      @if (canDispatch()) {
        <div class="buttons">
          <button mat-flat-button type="button" [disabled]="busy()" (click)="dispatch()" data-testid="outgoing-dispatch-submit">
            <mat-icon>send</mat-icon>{{ 'outgoing.delivery.dispatch' | translate }}
          </button>
        </div>
      }
    </mat-card>
  `,
  styles: `
    .panel { padding: 16px; }
    h2 { margin: 0 0 12px; font: var(--mat-sys-title-medium); }
    .recipients { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
    .recipients li { display: flex; gap: 10px; align-items: flex-start; }
    .recipients div { display: flex; flex-direction: column; }
    .status { font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    li[data-status='waiting_for_axis'] .status { color: var(--mat-sys-tertiary); font-weight: 500; }
    .free { white-space: pre-line; font-size: 14px; }
    .when { font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .buttons { display: flex; justify-content: flex-end; margin-top: 12px; }
  `,
})
export class DispatchPanel {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);

  readonly document = input.required<OutgoingDocumentDto>();
  readonly changed = output<void>();
  readonly reload = output<void>();

  protected readonly canDispatch = computed(() => availableActions(this.document(), this.session.user()).dispatch);
  protected readonly failure = linkedSignal<OutgoingDocumentDto, Failure | null>({ source: this.document, computation: () => null });
  private readonly request = new PanelRequest(this.failure, (error) => failureOf(error, this.notifier));
  protected readonly busy = this.request.busy;
  protected readonly key = deliveryKey;
  protected readonly icon = deliveryIcon;

  protected dispatch(): void {
    const doc = this.document();
    this.request.run(this.api.dispatch(doc.id, { version: doc.version }), () => {
      this.notifier.success('outgoing.delivery.dispatched');
      this.changed.emit();
    });
  }
}
