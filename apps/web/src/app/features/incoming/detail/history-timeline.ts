import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { IncomingHistoryEntryDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { historyActionLabel, historyDetailLines } from '../history-labels';

const ACTION_ICONS: Readonly<Record<string, string>> = {
  received: 'move_to_inbox',
  registered: 'how_to_reg',
  stamped: 'approval',
  ocr: 'document_scanner',
  text_extracted: 'text_snippet',
  preparation_failed: 'report',
  submitted: 'send',
  directed: 'edit_note',
  delegated: 'forward',
  progress: 'pending',
  completed: 'task_alt',
  returned: 'undo',
  rejected: 'block',
  done: 'verified',
  recalled: 'cancel_schedule_send',
};

/** Quá trình xử lý: who did what to the document and when, oldest first. */
@Component({
  selector: 'app-history-timeline',
  imports: [MatIconModule, TranslatePipe, VietnamDatePipe, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length === 0) {
      <app-empty-state icon="history" [message]="'incoming.history.empty' | translate" />
    }
    <ol class="timeline" data-testid="history">
      @for (entry of entries(); track $index) {
        @let label = actionLabel(entry.action);
        <li class="step" [class.last]="$last">
          <span class="dot" aria-hidden="true"><mat-icon>{{ icon(entry.action) }}</mat-icon></span>
          <div class="body">
            <div class="head">
              <span class="action">{{ label.key | translate: label.params }}</span>
              <time class="time" [attr.datetime]="entry.at">{{ entry.at | vietnamDate: 'dateTime' }}</time>
            </div>
            <div class="actor">{{ entry.actor?.fullName ?? ('incoming.history.system' | translate) }}</div>
            @for (line of detailLines(entry, registerNames()); track $index) {
              <div class="detail">{{ line.key | translate: line.params }}</div>
            }
          </div>
        </li>
      }
    </ol>
  `,
  styles: `
    .timeline { list-style: none; margin: 0; padding: 0; }
    .step { position: relative; display: flex; gap: 12px; padding-bottom: 18px; }
    .step::before { content: ''; position: absolute; left: 15px; top: 32px; bottom: 0; width: 2px; background: var(--mat-sys-outline-variant); }
    .step.last { padding-bottom: 0; }
    .step.last::before { display: none; }
    .dot {
      flex: none; display: grid; place-items: center; width: 32px; height: 32px; border-radius: 50%;
      background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container);
    }
    .dot mat-icon { font-size: 18px; width: 18px; height: 18px; }
    .body { min-width: 0; flex: 1 1 auto; padding-top: 5px; }
    .head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 2px 12px; }
    .action { font-weight: 600; }
    .time { font-size: 12px; color: var(--mat-sys-on-surface-variant); font-variant-numeric: tabular-nums; }
    .actor { font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .detail { margin-top: 4px; font-size: 13px; overflow-wrap: anywhere; }
  `,
})
export class HistoryTimeline {
  readonly entries = input.required<IncomingHistoryEntryDto[]>();
  /** register code → name, to name the register a document went into */
  readonly registerNames = input<ReadonlyMap<string, string>>(new Map());
  protected readonly actionLabel = historyActionLabel;
  protected readonly detailLines = historyDetailLines;

  protected icon(action: string): string {
    return ACTION_ICONS[action] ?? 'radio_button_checked';
  }
}
