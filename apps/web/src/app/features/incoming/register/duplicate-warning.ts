import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { IncomingDocumentSummaryDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';

/**
 * "This may already be registered": documents with the same issuer, number, notation and date.
 * A warning, not a block — a copy can arrive twice on purpose (by the axis and on paper).
 */
@Component({
  selector: 'app-duplicate-warning',
  imports: [MatIconModule, TranslatePipe, VietnamDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-icon class="icon" aria-hidden="true">content_copy</mat-icon>
    <div class="body">
      <strong>{{ (after() ? 'incoming.duplicates.titleAfter' : 'incoming.duplicates.title') | translate: { count: duplicates().length } }}</strong>
      <ul>
        @for (duplicate of duplicates(); track duplicate.id) {
          <li>
            <a [href]="'/incoming/' + duplicate.id" target="_blank" rel="noopener">
              {{ 'incoming.duplicates.item' | translate: { number: duplicate.arrivalNumber ?? '—', year: duplicate.arrivalYear ?? '' } }}
            </a>
            <span class="date">{{ duplicate.arrivedAt | vietnamDate: 'dateTime' }}</span>
            <span class="subject">{{ duplicate.subject }}</span>
          </li>
        }
      </ul>
      @if (!after()) {
        <span class="note">{{ 'incoming.duplicates.note' | translate }}</span>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex; gap: 10px; align-items: flex-start; padding: 12px 14px; border-radius: 12px;
      background: #fff4e0; color: #5c3b00; border: 1px solid #f3d19c; font-size: 14px;
    }
    .icon { color: #a15c00; flex: none; }
    .body { min-width: 0; }
    ul { margin: 6px 0; padding: 0; list-style: none; }
    li { display: flex; flex-wrap: wrap; gap: 0 8px; padding: 3px 0; }
    a { color: inherit; font-weight: 600; }
    .date { font-variant-numeric: tabular-nums; }
    .subject { flex-basis: 100%; opacity: 0.85; overflow-wrap: anywhere; }
    .note { font-size: 13px; opacity: 0.85; }
  `,
  host: { role: 'status', 'data-testid': 'duplicate-warning' },
})
export class DuplicateWarning {
  readonly duplicates = input.required<IncomingDocumentSummaryDto[]>();
  /** shown after registering: the document is in, the look-alikes are for checking */
  readonly after = input(false);
}
