import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { DOCUMENT_TYPES, IncomingSearchHitDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { BilingualLabel } from '../../../core/i18n/language';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { DocumentMarks } from '../document-marks';
import { StateBadge } from '../state-badge';

const TYPE_LABELS: Readonly<Record<string, BilingualLabel>> = Object.fromEntries(DOCUMENT_TYPES.map((type) => [type.code, type]));

/**
 * Search results, best first, each with the passage where the words were found. The matched words
 * are drawn as <mark> through bindings: the snippet is text from documents, never HTML to trust.
 */
@Component({
  selector: 'app-search-results',
  imports: [RouterLink, MatIconModule, TranslatePipe, LocalizedLabelPipe, VietnamDatePipe, DocumentMarks, StateBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="hits" data-testid="search-results">
      @for (hit of hits(); track hit.document.id) {
        @let item = hit.document;
        <li>
          <a class="hit" [routerLink]="item.id" data-testid="search-hit">
            <div class="top">
              <span class="type">{{ typeLabels[item.documentType] | localizedLabel: language.current() }}</span>
              @if (item.numberAndNotation) {
                <span class="notation">{{ item.numberAndNotation }}</span>
              }
              <span class="issuer">{{ item.issuerName }}</span>
              <span class="arrived">{{ 'incoming.columns.arrivalNumber' | translate }} {{ item.arrivalNumber ?? '—' }} · {{ item.arrivedAt | vietnamDate }}</span>
            </div>
            <div class="subject">{{ item.subject }}</div>
            @if (hit.snippet.length) {
              <p class="snippet" data-testid="search-snippet">
                <mat-icon aria-hidden="true">{{ hit.foundIn === 'text' ? 'article' : 'label' }}</mat-icon>
                <span>@for (part of hit.snippet; track $index) {@if (part.match) {<mark>{{ part.text }}</mark>} @else {<span>{{ part.text }}</span>}}</span>
              </p>
            }
            <div class="bottom">
              <app-state-badge [state]="item.state" />
              <app-document-marks [urgency]="item.urgency" [confidentiality]="item.confidentiality" />
              <span class="found">{{ 'incoming.search.foundIn.' + hit.foundIn | translate }}</span>
            </div>
          </a>
        </li>
      }
    </ol>
  `,
  styles: `
    .hits { list-style: none; margin: 0; padding: 0; }
    .hit { display: block; padding: 14px 16px; color: inherit; text-decoration: none; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .hit:hover { background: var(--mat-sys-surface-container-low); }
    .top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 10px; font-size: 13px; }
    .type { font-size: 11px; font-weight: 600; text-transform: uppercase; color: var(--mat-sys-on-surface-variant); }
    .notation { font-weight: 600; }
    .arrived { margin-inline-start: auto; color: var(--mat-sys-on-surface-variant); font-variant-numeric: tabular-nums; }
    .subject { margin-top: 4px; font-weight: 600; line-height: 1.4; }
    .snippet { display: flex; gap: 6px; margin: 6px 0; font-size: 13px; line-height: 1.5; color: var(--mat-sys-on-surface-variant); overflow-wrap: anywhere; }
    .snippet mat-icon { flex: none; font-size: 16px; width: 16px; height: 16px; margin-top: 2px; }
    mark { background: #fff1a8; color: inherit; padding: 0 1px; border-radius: 2px; font-weight: 600; }
    .bottom { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
    .found { margin-inline-start: auto; font-size: 12px; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class SearchResults {
  protected readonly language = inject(LanguageService);
  protected readonly typeLabels = TYPE_LABELS;
  readonly hits = input.required<readonly IncomingSearchHitDto[]>();
}
