import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { OutgoingDocumentDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { DialogError } from '../../../shared/dialog-error/dialog-error';
import { approveLabelKey, availableActions } from '../outgoing-actions';
import { OutgoingApi } from '../outgoing-api';
import { Failure, failureOf } from './failure';

/**
 * What the user may do with the draft now, and nothing else: the drafter submits; the reviewer whose
 * turn it is passes it on or returns it with a comment. Each request names the version read.
 */
@Component({
  selector: 'app-outgoing-action-panel',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe, DialogError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (actions().submit || actions().decide) {
      <mat-card appearance="outlined" class="panel" data-testid="outgoing-actions">
        <h2>{{ 'outgoing.actions.title' | translate }}</h2>
        @if (failure(); as failed) {
          <app-dialog-error [message]="failed.message" [conflict]="failed.conflict" (reload)="reload.emit()" />
        }
        <mat-form-field appearance="outline" class="comment">
          <mat-label>{{ (actions().decide ? 'outgoing.actions.comment' : 'outgoing.actions.note') | translate }}</mat-label>
          <textarea matInput rows="2" maxlength="2000" [(ngModel)]="text" data-testid="outgoing-action-text"></textarea>
        </mat-form-field>
        @if (returnNeedsComment()) {
          <p class="hint error" role="alert">{{ 'outgoing.actions.commentRequired' | translate }}</p>
        }
        <div class="buttons">
          @if (actions().submit) {
            @if (actions().restartOffered) {
              <mat-checkbox [(ngModel)]="restart">{{ 'outgoing.actions.restartFromFirst' | translate }}</mat-checkbox>
            }
            <button mat-flat-button type="button" [disabled]="busy()" (click)="submit()" data-testid="outgoing-submit">
              <mat-icon>send</mat-icon>{{ 'outgoing.actions.submit' | translate }}
            </button>
          }
          @if (actions().decide) {
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="giveBack()" data-testid="outgoing-return">
              <mat-icon>undo</mat-icon>{{ 'outgoing.actions.return' | translate }}
            </button>
            <button mat-flat-button type="button" [disabled]="busy()" (click)="passOn()" data-testid="outgoing-approve">
              <mat-icon>check</mat-icon>{{ approveKey() | translate }}
            </button>
          }
        </div>
      </mat-card>
    }
  `,
  styles: `
    .panel { padding: 16px; }
    h2 { margin: 0 0 12px; font: var(--mat-sys-title-medium); }
    .comment { width: 100%; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; align-items: center; }
    .hint.error { color: var(--mat-sys-error); margin: -8px 0 8px; font-size: 13px; }
  `,
})
export class ActionPanel {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);

  readonly document = input.required<OutgoingDocumentDto>();
  readonly changed = output<void>();
  readonly reload = output<void>();

  protected readonly actions = computed(() => availableActions(this.document(), this.session.user()));
  protected readonly approveKey = computed(() => approveLabelKey(this.actions().decideKind));
  protected text = '';
  protected restart = false;
  protected readonly busy = signal(false);
  /** cleared when the draft is read again (after a reload offered by a 409, the message would be stale) */
  protected readonly failure = linkedSignal<OutgoingDocumentDto, Failure | null>({ source: this.document, computation: () => null });
  protected readonly returnNeedsComment = signal(false);

  protected submit(): void {
    const doc = this.document();
    this.run(this.api.submit(doc.id, { version: doc.version, note: this.text.trim() || null, restartFromFirst: this.restart }), 'outgoing.actions.submitted');
  }

  protected passOn(): void {
    const doc = this.document();
    this.run(this.api.decide(doc.id, { decision: 'approve', comment: this.text.trim() || null, version: doc.version }), 'outgoing.actions.decided');
  }

  /** A return says why (the API keeps it as a comment on the version); checked here first. */
  protected giveBack(): void {
    const comment = this.text.trim();
    this.returnNeedsComment.set(comment === '');
    if (!comment) return;
    const doc = this.document();
    this.run(this.api.decide(doc.id, { decision: 'return', comment, version: doc.version }), 'outgoing.actions.returned');
  }

  private run(request: Observable<void>, doneKey: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    request.subscribe({
      next: () => {
        this.busy.set(false);
        this.text = '';
        this.restart = false;
        this.returnNeedsComment.set(false);
        this.notifier.success(doneKey);
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(failureOf(error, this.notifier));
      },
    });
  }
}
