import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { CaseFileState } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { STATE_ICONS } from './case-file-labels';

/** Đang xử lý / Đã kết thúc / Đã nộp lưu. */
@Component({
  selector: 'app-case-file-state-badge',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<mat-icon aria-hidden="true">{{ icons[state()] }}</mat-icon><span data-testid="case-file-state">{{ 'caseFiles.state.' + state() | translate }}</span>`,
  styles: `
    :host { display: inline-flex; align-items: center; gap: 4px; padding: 2px 10px 2px 6px; border-radius: 12px; font-size: 13px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); white-space: nowrap; }
    :host(.closed) { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
    mat-icon { font-size: 16px; width: 16px; height: 16px; }
  `,
  host: { '[class.closed]': "state() !== 'open'" },
})
export class CaseFileStateBadge {
  readonly state = input.required<CaseFileState>();
  protected readonly icons = STATE_ICONS;
}
