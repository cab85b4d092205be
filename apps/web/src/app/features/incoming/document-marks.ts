import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { CONFIDENTIALITY_LABELS, Confidentiality, URGENCY_LABELS, Urgency } from '@app/contracts';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../core/i18n/localized-label.pipe';

/**
 * The marks of an incoming document that change how it is handled: urgency (Khẩn, Thượng khẩn,
 * Hỏa tốc, in red shades like the stamps) and confidentiality (Mật, Tối mật, Tuyệt mật, with a lock).
 * Ordinary documents show nothing.
 */
@Component({
  selector: 'app-document-marks',
  imports: [MatIconModule, LocalizedLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (urgency() !== 'normal') {
      <span class="mark urgency" [class]="urgency()" data-testid="urgency-mark">
        <mat-icon aria-hidden="true">{{ urgency() === 'express' ? 'local_fire_department' : 'priority_high' }}</mat-icon>
        {{ urgencyLabels[urgency()] | localizedLabel: language.current() }}
      </span>
    }
    @if (confidentiality() !== 'normal') {
      <span class="mark secrecy" [class]="confidentiality()" data-testid="confidentiality-mark">
        <mat-icon aria-hidden="true">lock</mat-icon>
        {{ confidentialityLabels[confidentiality()] | localizedLabel: language.current() }}
      </span>
    }
  `,
  styles: `
    :host { display: inline-flex; flex-wrap: wrap; gap: 4px; vertical-align: middle; }
    :host:empty { display: none; }
    .mark {
      display: inline-flex; align-items: center; gap: 2px; padding: 1px 8px 1px 5px; border-radius: 6px;
      font-size: 12px; font-weight: 600; line-height: 20px; white-space: nowrap; border: 1px solid transparent;
    }
    mat-icon { font-size: 15px; width: 15px; height: 15px; }
    .urgent { background: #fdecea; color: #b3261e; border-color: #f6c7c2; }
    .very_urgent { background: #f9d2cd; color: #8c1d18; border-color: #ee9e95; }
    .express { background: #c62828; color: #fff; }
    .secrecy { background: #f3ecf8; color: #5b2a86; border-color: #dccbea; }
    .secret { background: #e6d6f2; color: #4a1772; }
    .top_secret { background: #4a1772; color: #fff; }
  `,
})
export class DocumentMarks {
  protected readonly language = inject(LanguageService);
  protected readonly urgencyLabels = URGENCY_LABELS;
  protected readonly confidentialityLabels = CONFIDENTIALITY_LABELS;
  readonly urgency = input<Urgency>('normal');
  readonly confidentiality = input<Confidentiality>('normal');
}
