import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { OutgoingHistoryEntryDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';

/** The actions the API writes into a document's history (review, versions, the converter, signing, issuance, dispatch, recall, replacement). */
export const OUTGOING_HISTORY_ACTIONS = [
  'created',
  'updated',
  'version_added',
  'chain_set',
  'submitted',
  'resubmitted',
  'forwarded',
  'form_checked',
  'approved',
  'returned',
  'commented',
  'converted_for_signing',
  'no_pdf_for_signing',
  'signed',
  'issued',
  'dispatched',
  'recalled',
  'replacement_drafted',
  'replaced',
  'replaces',
] as const;

const ICONS: Readonly<Record<string, string>> = {
  created: 'edit_document',
  updated: 'edit',
  version_added: 'upload_file',
  chain_set: 'account_tree',
  submitted: 'send',
  resubmitted: 'send',
  forwarded: 'forward',
  form_checked: 'rule',
  approved: 'verified',
  returned: 'undo',
  commented: 'comment',
  converted_for_signing: 'picture_as_pdf',
  no_pdf_for_signing: 'report',
  signed: 'draw',
  issued: 'approval',
  dispatched: 'outgoing_mail',
  recalled: 'undo',
  replacement_drafted: 'edit_document',
  replaced: 'swap_horiz',
  replaces: 'swap_horiz',
};

/** The translation key of an action; one the web app does not know yet still shows, by its name. */
export function historyActionKey(action: string): string {
  return (OUTGOING_HISTORY_ACTIONS as readonly string[]).includes(action) ? `outgoing.history.${action}` : 'outgoing.history.other';
}

/** Quá trình: who did what to the draft and when, oldest first; a decision's comment is shown under it. */
@Component({
  selector: 'app-outgoing-timeline',
  imports: [MatIconModule, TranslatePipe, VietnamDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline" data-testid="outgoing-history">
      @for (entry of entries(); track $index) {
        <li>
          <mat-icon aria-hidden="true">{{ icon(entry.action) }}</mat-icon>
          <div class="body">
            <div class="head">
              <span class="action">{{ key(entry.action) | translate: { action: entry.action } }}</span>
              <time [attr.datetime]="entry.at">{{ entry.at | vietnamDate: 'dateTime' }}</time>
            </div>
            <div class="actor">{{ entry.actor?.fullName ?? ('outgoing.history.system' | translate) }}</div>
            @if (comment(entry); as text) {
              <div class="detail">“{{ text }}”</div>
            }
          </div>
        </li>
      } @empty {
        <li class="none">{{ 'outgoing.history.empty' | translate }}</li>
      }
    </ol>
  `,
  styles: `
    .timeline { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 12px; }
    li { display: flex; gap: 12px; }
    mat-icon { color: var(--mat-sys-primary); flex: none; }
    .body { flex: 1 1 auto; min-width: 0; }
    .head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2px 12px; }
    .action { font-weight: 600; }
    time, .actor { font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .detail { font-size: 13px; overflow-wrap: anywhere; }
  `,
})
export class OutgoingTimeline {
  readonly entries = input.required<OutgoingHistoryEntryDto[]>();

  protected icon(action: string): string {
    return ICONS[action] ?? 'history';
  }
  protected key(action: string): string {
    return historyActionKey(action);
  }
  protected comment(entry: OutgoingHistoryEntryDto): string | null {
    const comment = entry.details?.['comment'] ?? entry.details?.['note'];
    return typeof comment === 'string' && comment.trim() ? comment : null;
  }
}
