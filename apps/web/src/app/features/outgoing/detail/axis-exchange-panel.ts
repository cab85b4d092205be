import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { OutgoingExchange } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { API_ROOT } from '../../../core/api/api-client';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';

/**
 * Liên thông: for each agency the document went to over the national axis, whether its messages
 * left, and every status the agency sent back (đã đến, vào sổ, phân công, đang xử lý, hoàn thành,
 * từ chối with the reason; the answer to a recall), in the order it did them.
 */
@Component({
  selector: 'app-axis-exchange-panel',
  imports: [MatCardModule, MatIconModule, TranslatePipe, VietnamDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (exchange(); as data) {
      @if (data.recipients.length) {
        <mat-card appearance="outlined" class="panel" data-testid="axis-exchange">
          <h2>{{ 'exchange.title' | translate }}</h2>
          @for (recipient of data.recipients; track recipient.organId) {
            <section class="recipient" data-testid="axis-exchange-recipient">
              <strong>{{ recipient.organName }}</strong>
              <ul class="messages">
                @for (message of recipient.messages; track $index) {
                  <li [attr.data-status]="message.status">
                    <mat-icon aria-hidden="true">{{ message.status === 'sent' ? 'outbox' : message.status === 'failed' ? 'error' : 'schedule_send' }}</mat-icon>
                    {{ 'exchange.kind.' + message.kind | translate }} · {{ 'exchange.send.' + message.status | translate }}
                    @if (message.sentAt) {
                      · {{ message.sentAt | vietnamDate: 'dateTime' }}
                    } @else if (message.attempts) {
                      · {{ 'exchange.attempts' | translate: { count: message.attempts } }}
                    }
                  </li>
                }
              </ul>
              <ol class="statuses">
                @for (status of recipient.statuses; track $index) {
                  <li [attr.data-code]="status.code" data-testid="axis-exchange-status">
                    <span class="code">{{ status.code }}</span>
                    <span class="what">
                      {{ 'exchange.status.' + status.code | translate }}
                      @if (status.code === '02' || status.code === '16') {
                        <em>— {{ status.description }}</em>
                      }
                    </span>
                    <time [attr.datetime]="status.statedAt ?? status.receivedAt">{{ status.statedAt ?? status.receivedAt | vietnamDate: 'dateTime' }}</time>
                  </li>
                } @empty {
                  <li class="none">{{ 'exchange.noStatus' | translate }}</li>
                }
              </ol>
            </section>
          }
        </mat-card>
      }
    }
  `,
  styles: `
    .panel { padding: 16px; }
    h2 { margin: 0 0 12px; font: var(--mat-sys-title-medium); }
    .recipient + .recipient { margin-top: 16px; padding-top: 12px; border-top: 1px solid var(--mat-sys-outline-variant); }
    .messages, .statuses { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-direction: column; gap: 6px; font-size: 14px; }
    .messages li { display: flex; align-items: center; gap: 6px; color: var(--mat-sys-on-surface-variant); flex-wrap: wrap; }
    .messages li[data-status='failed'] { color: var(--mat-sys-error); }
    .statuses li { display: grid; grid-template-columns: 32px 1fr auto; gap: 8px; align-items: baseline; }
    .code { font-variant-numeric: tabular-nums; font-weight: 600; color: var(--mat-sys-primary); }
    .statuses li[data-code='02'] .code, .statuses li[data-code='16'] .code { color: var(--mat-sys-error); }
    time { font-size: 12px; color: var(--mat-sys-on-surface-variant); white-space: nowrap; }
    .none { color: var(--mat-sys-on-surface-variant); }
    @media (max-width: 600px) { .statuses li { grid-template-columns: 32px 1fr; } time { grid-column: 2; } }
  `,
})
export class AxisExchangePanel {
  private readonly http = inject(HttpClient);

  readonly documentId = input.required<string>();
  protected readonly exchange = signal<OutgoingExchange | null>(null);

  constructor() {
    effect(() => {
      const id = this.documentId();
      // the panel is a complement: when it cannot load, the page shows the rest without it
      this.http.get<OutgoingExchange>(`${API_ROOT}/outgoing-documents/${encodeURIComponent(id)}/exchange`).subscribe({
        next: (data) => this.exchange.set(data),
        error: () => this.exchange.set(null),
      });
    });
  }
}
