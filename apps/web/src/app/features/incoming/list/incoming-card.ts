import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { DOCUMENT_TYPES, DocumentRegisterDto, IncomingDocumentSummaryDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { BilingualLabel } from '../../../core/i18n/language';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { DocumentMarks } from '../document-marks';
import { DueStatus, formatIsoDate } from '../incoming-format';
import { StateBadge } from '../state-badge';

const TYPE_LABELS: Readonly<Record<string, BilingualLabel>> = Object.fromEntries(DOCUMENT_TYPES.map((type) => [type.code, type]));

/** One incoming document on a phone: the register's columns as a card, the whole card a link. */
@Component({
  selector: 'app-incoming-card',
  imports: [RouterLink, MatIconModule, TranslatePipe, LocalizedLabelPipe, VietnamDatePipe, DocumentMarks, StateBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let item = document();
    <a class="card" [routerLink]="item.id" [class.urgent]="item.urgency !== 'normal'">
      <div class="top">
        <span class="number">
          <span class="number-label">{{ 'incoming.columns.arrivalNumber' | translate }}</span>
          {{ item.arrivalNumber ?? '—' }}
        </span>
        <span class="arrived">{{ item.arrivedAt | vietnamDate: 'dateTime' }}</span>
      </div>
      <div class="issuer">{{ item.issuerName }}</div>
      <div class="reference">
        <span class="type">{{ typeLabels[item.documentType] | localizedLabel: language.current() }}</span>
        @if (item.numberAndNotation) {
          <span>{{ item.numberAndNotation }}</span>
        }
        <span class="secondary">{{ 'incoming.card.promulgatedOn' | translate: { date: formatIsoDate(item.promulgatedOn) } }}</span>
      </div>
      <p class="subject">{{ item.subject }}</p>
      <div class="bottom">
        <app-state-badge [state]="item.state" />
        <app-document-marks [urgency]="item.urgency" [confidentiality]="item.confidentiality" />
        @if (item.dueOn) {
          <span class="due" [class]="due()">
            <mat-icon aria-hidden="true">event</mat-icon>
            {{ formatIsoDate(item.dueOn) }}
          </span>
        }
      </div>
      @if (register(); as book) {
        <div class="register">{{ book.name }}</div>
      }
    </a>
  `,
  styles: `
    .card {
      display: block; padding: 14px 16px; color: inherit; text-decoration: none;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .card:active { background: var(--mat-sys-surface-container-low); }
    .card.urgent { box-shadow: inset 3px 0 0 #d32f2f; }
    .top { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
    .number { font-size: 20px; font-weight: 600; color: var(--mat-sys-primary); font-variant-numeric: tabular-nums; }
    .number-label { font-size: 12px; font-weight: 500; color: var(--mat-sys-on-surface-variant); margin-inline-end: 2px; }
    .arrived, .secondary, .register { font-size: 12px; color: var(--mat-sys-on-surface-variant); }
    .issuer { margin-top: 4px; font-weight: 600; }
    .reference { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 8px; font-size: 13px; margin-top: 2px; }
    .type { font-size: 11px; font-weight: 600; text-transform: uppercase; color: var(--mat-sys-on-surface-variant); }
    .subject { margin: 6px 0 8px; line-height: 1.4; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
    .bottom { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
    .due { display: inline-flex; align-items: center; gap: 2px; font-size: 12px; margin-inline-start: auto; }
    .due mat-icon { font-size: 16px; width: 16px; height: 16px; }
    .due.overdue { color: var(--mat-sys-error); font-weight: 600; }
    .due.today, .due.soon { color: #a15c00; font-weight: 600; }
    .register { margin-top: 6px; }
  `,
})
export class IncomingCard {
  protected readonly language = inject(LanguageService);
  protected readonly typeLabels = TYPE_LABELS;
  protected readonly formatIsoDate = formatIsoDate;
  readonly document = input.required<IncomingDocumentSummaryDto>();
  readonly register = input<DocumentRegisterDto | null>(null);
  readonly due = input<DueStatus | null>(null);
}
