import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { IncomingState } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';

/** Where an incoming document is in its flow: vào sổ → trình → phân công → đang xử lý → hoàn thành. */
@Component({
  selector: 'app-state-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="state()">{{ 'incoming.states.' + state() | translate }}</span>`,
  styles: `
    .badge {
      display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px 2px 8px; border-radius: 12px;
      font-size: 12px; font-weight: 500; white-space: nowrap;
      background: var(--mat-sys-surface-container-high); color: var(--mat-sys-on-surface-variant);
    }
    .badge::before { content: ''; width: 7px; height: 7px; border-radius: 50%; background: currentColor; }
    .registered, .received { background: #e3eefb; color: #1c5fa8; }
    .submitted, .assigned { background: #fff1dc; color: #8a5100; }
    .in_progress { background: #e6f4f1; color: #00695c; }
    .done { background: #e3f4e8; color: #1b7f3b; }
    .returned, .rejected { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class StateBadge {
  readonly state = input.required<IncomingState>();
}
