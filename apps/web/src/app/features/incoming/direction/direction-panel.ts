import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { AssignmentDto, IncomingDocumentDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { AssignmentStep } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
import { DelegateForm } from './delegate-form';
import { DirectForm } from './direct-form';
import { DirectionAction, availableActions } from './direction-actions';
import { RegisterReceivedForm } from './register-received-form';
import { RejectForm } from './reject-form';
import { StepForm } from './step-form';
import { SubmitForm } from './submit-form';

const ICONS: Record<DirectionAction, string> = {
  register: 'menu_book',
  submit: 'send',
  direct: 'edit_note',
  delegate: 'forward',
  progress: 'update',
  complete: 'task_alt',
  return: 'undo',
  reject: 'block',
};
const STEPS: Partial<Record<DirectionAction, AssignmentStep>> = { progress: 'progress', complete: 'completion', return: 'return' };

/**
 * Việc cần làm: only what the signed-in user may do on this document now, one button each; the
 * chosen action opens its form in place (no dialog: on a phone a form in the page scrolls better).
 * Nothing to do, nothing shown.
 */
@Component({
  selector: 'app-direction-panel',
  imports: [MatButtonModule, MatIconModule, TranslatePipe, SubmitForm, DirectForm, DelegateForm, StepForm, RejectForm, RegisterReceivedForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let available = offer();
    @if (available.actions.length) {
      <section class="panel" data-testid="direction-panel" [attr.aria-label]="'incoming.direction.title' | translate">
        <h2 class="title">
          <mat-icon aria-hidden="true">bolt</mat-icon>
          {{ 'incoming.direction.title' | translate }}
        </h2>
        @if (available.assignment; as part) {
          <p class="own">{{ 'incoming.direction.yourPart' | translate: { role: ('incoming.roles.' + part.role | translate) } }}</p>
        }
        @if (active(); as action) {
          <h3 class="form-title">{{ 'incoming.direction.actions.' + action | translate }}</h3>
          <!-- the forms (pickers, datepicker) load when first asked for: most visits only read the document -->
          @defer (on immediate) {
          @switch (action) {
            @case ('submit') {
              <app-submit-form [document]="document()" (done)="finish('submit')" (cancel)="active.set(null)" (reload)="reload.emit()" />
            }
            @case ('direct') {
              <app-direct-form [document]="document()" (done)="finish('direct')" (cancel)="active.set(null)" (reload)="reload.emit()" />
            }
            @case ('register') {
              <app-register-received-form [document]="document()" (done)="finish('register')" (cancel)="active.set(null)" (reload)="reload.emit()" />
            }
            @case ('reject') {
              <app-reject-form [document]="document()" (done)="finish('reject')" (cancel)="active.set(null)" (reload)="reload.emit()" />
            }
            @case ('delegate') {
              <app-delegate-form [assignment]="available.assignment!" (done)="finish('delegate')" (cancel)="active.set(null)" (reload)="reload.emit()" />
            }
            @default {
              <app-step-form [assignment]="available.assignment!" [step]="step(action)" (done)="finish(action)" (cancel)="active.set(null)" (reload)="reload.emit()" />
            }
          }
          } @loading (minimum 200ms) {
            <p class="own">…</p>
          }
        } @else {
          <div class="buttons">
            @for (action of available.actions; track action; let first = $first) {
              @if (first) {
                <button mat-flat-button type="button" (click)="active.set(action)" [attr.data-testid]="'action-' + action">
                  <mat-icon>{{ icons[action] }}</mat-icon>
                  {{ 'incoming.direction.actions.' + action | translate }}
                </button>
              } @else {
                <button mat-stroked-button type="button" (click)="active.set(action)" [class.danger]="action === 'return' || action === 'reject'" [attr.data-testid]="'action-' + action">
                  <mat-icon>{{ icons[action] }}</mat-icon>
                  {{ 'incoming.direction.actions.' + action | translate }}
                </button>
              }
            }
          </div>
        }
      </section>
    }
  `,
  styles: `
    .panel {
      padding: 16px; border-radius: 12px; border: 1px solid var(--mat-sys-primary);
      background: color-mix(in srgb, var(--mat-sys-primary-container) 35%, var(--mat-sys-surface));
    }
    .title { display: flex; align-items: center; gap: 8px; margin: 0 0 8px; font-size: 16px; font-weight: 600; }
    .title mat-icon { color: var(--mat-sys-primary); }
    .own { margin: 0 0 12px; font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .form-title { margin: 4px 0 12px; font-size: 15px; font-weight: 600; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; }
    .danger { --mat-button-outlined-label-text-color: var(--mat-sys-error); }
    @media (max-width: 599.98px) {
      .buttons button { flex: 1 1 calc(50% - 8px); }
    }
  `,
})
export class DirectionPanel {
  private readonly session = inject(SessionStore);
  readonly document = input.required<IncomingDocumentDto>();
  readonly assignments = input.required<readonly AssignmentDto[]>();
  /** an action went through: the page reloads the document, its parts and its history */
  readonly changed = output<DirectionAction>();
  /** a lost race: the page reloads so the user acts on a fresh copy */
  readonly reload = output<void>();

  protected readonly icons = ICONS;
  protected readonly active = signal<DirectionAction | null>(null);
  protected readonly offer = computed(() => availableActions(this.session.user(), this.document().state, this.assignments(), this.document().submittedTo?.id ?? null));

  protected step(action: DirectionAction): AssignmentStep {
    return STEPS[action] ?? 'progress';
  }

  protected finish(action: DirectionAction): void {
    this.active.set(null);
    this.changed.emit(action);
  }
}
