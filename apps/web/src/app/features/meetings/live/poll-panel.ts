import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { PollDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * Votes (biểu quyết) in the room: the open ones with a button per option for each participant the
 * user may vote for (their own, an absent member they represent), the count of ballots, results
 * live for the chair and for everyone once closed. The chair opens (open or secret ballot) and closes.
 */
@Component({
  selector: 'app-poll-panel',
  imports: [FormsModule, MatButtonModule, MatIconModule, MatSlideToggleModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ 'meetingsLive.polls.title' | translate }}</h2>
    @for (poll of polls(); track poll.id) {
      <section class="poll" data-testid="poll">
        <p class="question">
          {{ poll.question }}
          <span class="muted">· {{ (poll.secret ? 'meetingsLive.polls.secret' : 'meetingsLive.polls.open') | translate }} · {{ 'meetingsLive.polls.voted' | translate: { voted: poll.voted, eligible: poll.eligible } }}</span>
        </p>
        @if (poll.state === 'open') {
          @for (participantId of poll.mayVoteFor; track participantId) {
            <div class="options">
              @for (option of poll.options; track option.id) {
                <button mat-stroked-button (click)="vote.emit({ pollId: poll.id, optionId: option.id, participantId })">{{ option.label }}</button>
              }
            </div>
          }
        }
        @if (poll.results; as results) {
          <ul class="results">
            @for (result of results; track result.optionId) {
              <li>{{ result.label }}: <strong>{{ result.votes }}</strong></li>
            }
          </ul>
        }
        @if (chairs() && poll.state === 'open') {
          <button mat-button (click)="close.emit(poll.id)">{{ 'meetingsLive.polls.close' | translate }}</button>
        }
      </section>
    } @empty {
      <p class="muted">{{ 'meetingsLive.polls.none' | translate }}</p>
    }
    @if (chairs()) {
      <form class="new" (submit)="$event.preventDefault(); submit()">
        <input name="question" [(ngModel)]="question" maxlength="1000" [placeholder]="'meetingsLive.polls.question' | translate" />
        <mat-slide-toggle name="secret" [(ngModel)]="secret">{{ 'meetingsLive.polls.secret' | translate }}</mat-slide-toggle>
        <button mat-flat-button type="submit" [disabled]="question.trim().length < 3">{{ 'meetingsLive.polls.start' | translate }}</button>
      </form>
    }
  `,
  styles: `
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .poll { border-top: 1px solid var(--mat-sys-outline-variant); padding: 8px 0; }
    .question { margin: 0 0 6px; font-weight: 500; }
    .options { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 6px; }
    .results { margin: 4px 0; }
    .new { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 8px; }
    .new input { flex: 1; min-width: 12em; padding: 8px; font: inherit; }
    .muted { color: var(--mat-sys-on-surface-variant); font-weight: normal; font-size: 13px; }
  `,
})
export class PollPanel {
  readonly polls = input.required<PollDto[]>();
  readonly chairs = input(false);
  readonly vote = output<{ pollId: string; optionId: string; participantId: string }>();
  readonly close = output<string>();
  readonly open = output<{ question: string; secret: boolean }>();

  protected question = '';
  protected secret = false;

  protected submit(): void {
    this.open.emit({ question: this.question.trim(), secret: this.secret });
    this.question = '';
  }
}
