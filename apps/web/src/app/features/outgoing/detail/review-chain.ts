import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { OutgoingDocumentDto, REVIEW_STEP_KIND_LABELS, ReviewStepInput, ReviewStepKind, UserDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiClient } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { DialogError } from '../../../shared/dialog-error/dialog-error';
import { availableActions } from '../outgoing-actions';
import { OutgoingApi } from '../outgoing-api';
import { Failure, failureOf } from './failure';

const PEOPLE_LIMIT = 200;

/** A step being edited: who, and their name to show. */
interface EditedStep extends ReviewStepInput {
  name: string;
}

/**
 * The review chain as numbered steps, the current one highlighted. While the draft is in the
 * drafter's hands they may add a reviewer (a colleague's content review) before the signer's
 * approval, or skip one; the signer's approval and the one check of form stay (the API enforces
 * the chain's rules and says which one is broken).
 */
@Component({
  selector: 'app-outgoing-review-chain',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatSelectModule, TranslatePipe, LocalizedLabelPipe, VietnamDatePipe, DialogError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="chain">
      <div class="head">
        <h2>{{ 'outgoing.chain.title' | translate }}</h2>
        @if (editable() && !editing()) {
          <button mat-button type="button" (click)="startEditing()" data-testid="outgoing-chain-edit">
            <mat-icon>edit</mat-icon>{{ 'outgoing.chain.edit' | translate }}
          </button>
        }
      </div>
      @if (!editing()) {
        <ol class="steps" data-testid="outgoing-chain">
          @for (step of document().reviewChain; track step.id) {
            <li [class]="step.state" [attr.aria-current]="step.state === 'current' ? 'step' : null" [attr.data-state]="step.state">
              <mat-icon aria-hidden="true">{{ icons[step.state] }}</mat-icon>
              <div>
                <strong>{{ kindLabels[step.kind] | localizedLabel: language.current() }}</strong>
                <span class="who">{{ step.reviewer.fullName }}</span>
                <span class="when">
                  {{ 'outgoing.chain.states.' + step.state | translate }}
                  @if (step.decidedAt) {
                    · {{ step.decidedAt | vietnamDate: 'dateTime' }}
                  }
                  @if (step.decidedOnVersion) {
                    · {{ 'outgoing.versions.number' | translate: { number: step.decidedOnVersion } }}
                  }
                </span>
              </div>
            </li>
          } @empty {
            <li class="none">{{ 'outgoing.chain.none' | translate }}</li>
          }
        </ol>
      } @else {
        @if (failure(); as failed) {
          <app-dialog-error [message]="failed.message" [conflict]="failed.conflict" (reload)="reload.emit()" />
        }
        <ol class="steps editing">
          @for (step of edited(); track $index) {
            <li>
              <div>
                <strong>{{ kindLabels[step.kind] | localizedLabel: language.current() }}</strong>
                <span class="who">{{ step.name }}</span>
              </div>
              @if (step.kind !== 'approve') {
                <button mat-icon-button type="button" (click)="skip($index)" [attr.aria-label]="'outgoing.chain.skip' | translate" data-testid="outgoing-chain-skip">
                  <mat-icon>remove_circle_outline</mat-icon>
                </button>
              }
            </li>
          }
        </ol>
        <div class="add">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'outgoing.chain.kind' | translate }}</mat-label>
            <mat-select [(ngModel)]="newKind">
              @for (kind of addableKinds; track kind) {
                <mat-option [value]="kind">{{ kindLabels[kind] | localizedLabel: language.current() }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'outgoing.chain.reviewer' | translate }}</mat-label>
            <mat-select [(ngModel)]="newReviewerId" data-testid="outgoing-chain-person">
              @for (person of people(); track person.id) {
                <mat-option [value]="person.id">{{ person.fullName }}{{ person.position ? ' — ' + person.position : '' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button mat-stroked-button type="button" [disabled]="!newReviewerId" (click)="add()" data-testid="outgoing-chain-add">
            <mat-icon>person_add</mat-icon>{{ 'outgoing.chain.add' | translate }}
          </button>
        </div>
        <div class="buttons">
          <button mat-button type="button" (click)="editing.set(false)">{{ 'common.cancel' | translate }}</button>
          <button mat-flat-button type="button" [disabled]="busy()" (click)="save()" data-testid="outgoing-chain-save">{{ 'common.save' | translate }}</button>
        </div>
      }
    </mat-card>
  `,
  styles: `
    .chain { padding: 16px; }
    .head { display: flex; justify-content: space-between; align-items: center; }
    h2 { margin: 0; font: var(--mat-sys-title-medium); }
    .steps { list-style: none; margin: 12px 0 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
    .steps li { display: flex; gap: 12px; align-items: flex-start; padding: 8px; border-radius: 8px; }
    .steps.editing li { justify-content: space-between; align-items: center; border: 1px solid var(--mat-sys-outline-variant); }
    .steps li div { display: flex; flex-direction: column; }
    li.current { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    li.done mat-icon { color: var(--mat-sys-primary); }
    li.returned mat-icon { color: var(--mat-sys-error); }
    .who, .when { font-size: 13px; }
    .when { color: var(--mat-sys-on-surface-variant); }
    li.current .when { color: inherit; }
    .add { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; margin-top: 12px; }
    .buttons { display: flex; justify-content: flex-end; gap: 8px; }
  `,
})
export class ReviewChain {
  private readonly api = inject(OutgoingApi);
  private readonly directory = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  protected readonly kindLabels = REVIEW_STEP_KIND_LABELS;
  protected readonly icons: Record<string, string> = { waiting: 'radio_button_unchecked', current: 'pending', done: 'check_circle', returned: 'undo' };
  /** the signer's approval follows the signer chosen in the metadata; only reviews and the check of form are added here */
  protected readonly addableKinds: ReviewStepKind[] = ['review', 'form_check'];

  readonly document = input.required<OutgoingDocumentDto>();
  readonly changed = output<void>();
  readonly reload = output<void>();

  protected readonly editable = computed(() => availableActions(this.document(), this.session.user()).edit);
  protected readonly editing = signal(false);
  protected readonly edited = signal<EditedStep[]>([]);
  protected readonly people = signal<UserDto[]>([]);
  protected readonly busy = signal(false);
  /** cleared when the draft is read again (after a reload offered by a 409, the message would be stale) */
  protected readonly failure = linkedSignal<OutgoingDocumentDto, Failure | null>({ source: this.document, computation: () => null });
  protected newKind: ReviewStepKind = 'review';
  protected newReviewerId = '';

  protected startEditing(): void {
    this.edited.set(this.document().reviewChain.map((step) => ({ kind: step.kind, reviewerId: step.reviewer.id, name: step.reviewer.fullName })));
    this.failure.set(null);
    this.editing.set(true);
    if (!this.people().length)
      this.directory.users({ limit: PEOPLE_LIMIT }).subscribe({
        next: (page) => this.people.set(page.items.filter((person) => person.active && person.id !== this.document().drafter.id)),
        error: (error: unknown) => this.notifier.error(error),
      });
  }

  protected skip(index: number): void {
    this.edited.update((steps) => steps.filter((_, at) => at !== index));
  }

  /** A content review goes before the signer's approval (Decree 30: changes after approval go back to the signer); a check of form at the end. */
  protected add(): void {
    const person = this.people().find((candidate) => candidate.id === this.newReviewerId);
    if (!person) return;
    const step: EditedStep = { kind: this.newKind, reviewerId: person.id, name: person.fullName };
    this.edited.update((steps) => {
      const approval = steps.findIndex((candidate) => candidate.kind === 'approve');
      const at = this.newKind === 'review' && approval >= 0 ? approval : steps.length;
      return [...steps.slice(0, at), step, ...steps.slice(at)];
    });
    this.newReviewerId = '';
  }

  protected save(): void {
    const doc = this.document();
    this.busy.set(true);
    this.failure.set(null);
    const steps = this.edited().map(({ kind, reviewerId }) => ({ kind, reviewerId }));
    this.api.setChain(doc.id, { steps, version: doc.version }).subscribe({
      next: () => {
        this.busy.set(false);
        this.editing.set(false);
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(failureOf(error, this.notifier));
      },
    });
  }
}
