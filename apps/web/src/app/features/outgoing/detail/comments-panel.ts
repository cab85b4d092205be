import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { DraftCommentDto, OutgoingDocumentDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { OutgoingApi } from '../outgoing-api';

/** Threads grouped by the version they are about, newest version first. */
export function threadsByVersion(comments: readonly DraftCommentDto[]): { versionNumber: number; threads: DraftCommentDto[] }[] {
  const groups = new Map<number, DraftCommentDto[]>();
  for (const comment of comments) groups.set(comment.versionNumber, [...(groups.get(comment.versionNumber) ?? []), comment]);
  return [...groups.entries()].sort(([a], [b]) => b - a).map(([versionNumber, threads]) => ({ versionNumber, threads }));
}

/** Góp ý: comments on the versions, each with its answers; anyone who sees the draft may write. */
@Component({
  selector: 'app-outgoing-comments',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe, VietnamDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="comments" data-testid="outgoing-comments">
      <h2>{{ 'outgoing.comments.title' | translate }}</h2>
      @for (group of groups(); track group.versionNumber) {
        <h3>{{ 'outgoing.versions.number' | translate: { number: group.versionNumber } }}</h3>
        @for (thread of group.threads; track thread.id) {
          <div class="comment">
            <div class="byline"><strong>{{ thread.author.fullName }}</strong> · {{ thread.at | vietnamDate: 'dateTime' }}</div>
            <p>{{ thread.text }}</p>
            @for (reply of thread.replies; track reply.id) {
              <div class="comment reply">
                <div class="byline"><strong>{{ reply.author.fullName }}</strong> · {{ reply.at | vietnamDate: 'dateTime' }}</div>
                <p>{{ reply.text }}</p>
              </div>
            }
            @if (replyingTo() === thread.id) {
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ 'outgoing.comments.reply' | translate }}</mat-label>
                <textarea matInput rows="2" maxlength="2000" [(ngModel)]="replyText"></textarea>
              </mat-form-field>
              <div class="buttons">
                <button mat-button type="button" (click)="replyingTo.set(null)">{{ 'common.cancel' | translate }}</button>
                <button mat-flat-button type="button" [disabled]="!replyText.trim() || busy()" (click)="send(thread)">{{ 'outgoing.comments.send' | translate }}</button>
              </div>
            } @else {
              <button mat-button type="button" (click)="replyingTo.set(thread.id)"><mat-icon>reply</mat-icon>{{ 'outgoing.comments.reply' | translate }}</button>
            }
          </div>
        }
      } @empty {
        <p class="meta">{{ 'outgoing.comments.none' | translate }}</p>
      }
      @if (latestNumber(); as number) {
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'outgoing.comments.new' | translate: { number } }}</mat-label>
          <textarea matInput rows="2" maxlength="2000" [(ngModel)]="text" data-testid="outgoing-comment-text"></textarea>
        </mat-form-field>
        <div class="buttons">
          <button mat-stroked-button type="button" [disabled]="!text.trim() || busy()" (click)="send(null)" data-testid="outgoing-comment-send">
            {{ 'outgoing.comments.send' | translate }}
          </button>
        </div>
      }
    </mat-card>
  `,
  styles: `
    .comments { padding: 16px; }
    h2 { margin: 0 0 8px; font: var(--mat-sys-title-medium); }
    h3 { margin: 12px 0 4px; font: var(--mat-sys-title-small); color: var(--mat-sys-on-surface-variant); }
    .comment { padding: 8px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .reply { margin-inline-start: 24px; border-bottom: none; border-inline-start: 2px solid var(--mat-sys-outline-variant); padding-inline-start: 8px; }
    .byline, .meta { font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    p { margin: 4px 0; white-space: pre-wrap; }
    .wide { width: 100%; margin-top: 8px; }
    .buttons { display: flex; justify-content: flex-end; gap: 8px; }
  `,
})
export class CommentsPanel {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);

  readonly document = input.required<OutgoingDocumentDto>();
  readonly comments = input.required<DraftCommentDto[]>();
  /** the page reads the comments again */
  readonly posted = output<void>();
  protected readonly groups = computed(() => threadsByVersion(this.comments()));
  protected readonly latestNumber = computed(() => this.document().latestVersion?.number ?? null);
  protected readonly replyingTo = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected text = '';
  protected replyText = '';

  /** A reply stays on its thread's version; a new comment is about the latest version. */
  protected send(thread: DraftCommentDto | null): void {
    const text = (thread ? this.replyText : this.text).trim();
    const versionNumber = thread?.versionNumber ?? this.latestNumber();
    if (!text || !versionNumber) return;
    this.busy.set(true);
    this.api.addComment(this.document().id, { versionNumber, parentId: thread?.id ?? null, text }).subscribe({
      next: () => {
        this.busy.set(false);
        if (thread) {
          this.replyText = '';
          this.replyingTo.set(null);
        } else this.text = '';
        this.posted.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.error(error);
      },
    });
  }
}
