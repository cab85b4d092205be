import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ChangeAnswerRequest, Permission, ReceivedExchange } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { API_ROOT } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';

/**
 * A document received over the national axis whose sender asks to take it back (or update or
 * replace it): the clerk agrees — the document is withdrawn, kept with its history — or refuses
 * with the reason. The answer travels back to the sender. A replacement names the new document it
 * came with (received as a document of its own), linked.
 */
@Component({
  selector: 'app-axis-change-request',
  imports: [FormsModule, RouterLink, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (exchange(); as data) {
      @if (data.changeKind) {
        <mat-card appearance="outlined" class="panel" data-testid="axis-change-request">
          <h2><mat-icon aria-hidden="true">{{ data.changeKind === 'replace' ? 'swap_horiz' : 'undo' }}</mat-icon>{{ 'exchange.request.' + data.changeKind | translate: { from: data.fromOrganName ?? data.fromOrganId } }}</h2>
          @if (data.changeKind === 'replace' && data.replacedBy; as replacement) {
            <p class="replaced-by" data-testid="axis-replaced-by">
              {{ 'exchange.replacedBy' | translate }}
              <a [routerLink]="['/incoming', replacement.incomingDocumentId]">{{ replacement.numberAndNotation }}{{ replacement.subject ? ' — ' + replacement.subject : '' }}</a>
            </p>
          }
          @if (data.changeReason) {
            <p class="reason">{{ data.changeReason }}</p>
          }
          @if (data.changeAnswer) {
            <p class="answer">{{ 'exchange.answer.' + data.changeAnswer | translate }}</p>
          } @else if (canAnswer()) {
            <mat-form-field appearance="outline" class="field">
              <mat-label>{{ 'exchange.refusalReason' | translate }}</mat-label>
              <textarea matInput rows="2" maxlength="500" [(ngModel)]="reason" data-testid="axis-change-reason"></textarea>
            </mat-form-field>
            <div class="buttons">
              <button mat-stroked-button type="button" [disabled]="busy() || !reason.trim()" (click)="answer(false)" data-testid="axis-change-refuse">
                {{ 'exchange.refuse' | translate }}
              </button>
              <button mat-flat-button type="button" [disabled]="busy()" (click)="answer(true)" data-testid="axis-change-accept">
                {{ 'exchange.accept' | translate }}
              </button>
            </div>
          }
        </mat-card>
      }
    }
  `,
  styles: `
    .panel { padding: 16px; border-color: var(--mat-sys-tertiary); }
    h2 { display: flex; gap: 8px; align-items: center; margin: 0 0 8px; font: var(--mat-sys-title-medium); }
    .reason { margin: 0 0 8px; white-space: pre-line; }
    .replaced-by { margin: 0 0 8px; overflow-wrap: anywhere; }
    .answer { margin: 0; color: var(--mat-sys-on-surface-variant); }
    .field { width: 100%; }
    .buttons { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; }
  `,
})
export class AxisChangeRequest {
  private readonly http = inject(HttpClient);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);

  readonly documentId = input.required<string>();
  readonly changed = output<void>();
  protected readonly exchange = signal<ReceivedExchange | null>(null);
  protected readonly busy = signal(false);
  protected readonly canAnswer = computed(() => this.session.permissions().includes(Permission.IncomingRegister));
  protected reason = '';

  constructor() {
    effect(() => this.load(this.documentId()));
  }

  protected answer(accept: boolean): void {
    const body: ChangeAnswerRequest = accept ? { accept } : { accept, reason: this.reason.trim() };
    this.busy.set(true);
    this.http.post<void>(`${this.url(this.documentId())}/change-answer`, body).subscribe({
      next: () => {
        this.busy.set(false);
        this.notifier.success(accept ? 'exchange.answer.accepted' : 'exchange.answer.refused');
        this.load(this.documentId());
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.error(error);
      },
    });
  }

  private load(id: string): void {
    // only documents that came over the axis have this; the others answer 404 and show nothing
    this.http.get<ReceivedExchange>(this.url(id)).subscribe({ next: (data) => this.exchange.set(data), error: () => this.exchange.set(null) });
  }

  private url(id: string): string {
    return `${API_ROOT}/incoming-documents/${encodeURIComponent(id)}/exchange`;
  }
}
