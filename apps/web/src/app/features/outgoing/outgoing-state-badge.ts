import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { OUTGOING_STATE_LABELS, OutgoingState } from '@app/contracts';
import { LanguageService } from '../../core/i18n/language.service';

/** The draft's state as a coloured chip; the words come from the contracts (vi/en). */
@Component({
  selector: 'app-outgoing-state-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ label() }}`,
  styles: `
    :host { display: inline-block; padding: 2px 10px; border-radius: 12px; font-size: 12px; font-weight: 500; white-space: nowrap;
      background: var(--mat-sys-surface-container-high); color: var(--mat-sys-on-surface); }
    :host(.returned) { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    :host(.in_review) { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    :host(.approved), :host(.form_checked) { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
  `,
  host: { '[class]': 'state()', '[attr.data-state]': 'state()' },
})
export class OutgoingStateBadge {
  private readonly language = inject(LanguageService);
  readonly state = input.required<OutgoingState>();
  protected readonly label = computed(() => OUTGOING_STATE_LABELS[this.state()][this.language.current()]);
}
