import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { DirectIncomingRequest, IncomingDocumentDto } from '@app/contracts';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, debounceTime, distinctUntilChanged, forkJoin, map, of, startWith, switchMap } from 'rxjs';
import { FieldMessage } from '../form-errors';
import { fromIsoDate, toIsoDate, vietnamToday } from '../incoming-format';
import { AssigneeOption, assigneeOptions, toAssignees } from './assignee-options';
import { AssigneePicker } from './assignee-picker';
import { workingDaysPreview } from './deadline-text';
import { DirectionFormBase } from './direction-form-base';
import { FormFooter } from './form-footer';

/** The usual deadlines, one tap each; any other number can be typed. */
const QUICK_DAYS = [3, 5, 7, 10, 15] as const;
/** The API loads at most this many people per page; enough to pick by name in one agency's directory. */
const PEOPLE_LIMIT = 200;

type DueMode = 'days' | 'date' | 'none';

/**
 * Chỉ đạo & phân công: the leader's directive, one lead, those supporting and those informed, and a
 * deadline as working days (the date it falls on is shown before sending) or as a date.
 */
@Component({
  selector: 'app-direct-form',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatDatepickerModule,
    MatIconModule,
    TranslatePipe,
    AssigneePicker,
    FormFooter,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="send()" class="form" data-testid="direct-form">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.direction.directive' | translate }}</mat-label>
        <textarea matInput formControlName="directive" rows="3" data-testid="field-directive"></textarea>
        <mat-hint>{{ 'incoming.direction.directiveHint' | translate }}</mat-hint>
        @if (fieldMessage(form.controls.directive); as error) {
          <mat-error>{{ error.key | translate: error.params }}</mat-error>
        }
      </mat-form-field>

      <app-assignee-picker
        [label]="'incoming.roles.lead' | translate"
        [options]="options()"
        [taken]="takenBy('lead')"
        [single]="true"
        [(selected)]="lead"
        [error]="assigneesError()"
        testId="field-lead"
      />
      <app-assignee-picker [label]="'incoming.roles.support' | translate" [options]="options()" [taken]="takenBy('support')" [(selected)]="support" testId="field-support" />
      <app-assignee-picker [label]="'incoming.roles.inform' | translate" [options]="options()" [taken]="takenBy('inform')" [(selected)]="inform" testId="field-inform" />

      <fieldset class="deadline">
        <legend>{{ 'incoming.direction.deadline' | translate }}</legend>
        <mat-button-toggle-group formControlName="dueMode" [hideSingleSelectionIndicator]="true" data-testid="field-due-mode">
          <mat-button-toggle value="days" data-testid="due-mode-days">{{ 'incoming.direction.dueModes.days' | translate }}</mat-button-toggle>
          <mat-button-toggle value="date" data-testid="due-mode-date">{{ 'incoming.direction.dueModes.date' | translate }}</mat-button-toggle>
          <mat-button-toggle value="none">{{ 'incoming.direction.dueModes.none' | translate }}</mat-button-toggle>
        </mat-button-toggle-group>
        @switch (mode()) {
          @case ('days') {
            <div class="days">
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="days-field">
                <mat-label>{{ 'incoming.direction.workingDays' | translate }}</mat-label>
                <input matInput type="number" inputmode="numeric" min="1" max="365" formControlName="dueDays" data-testid="field-due-days" />
                @if (fieldMessage(form.controls.dueDays); as error) {
                  <mat-error>{{ error.key | translate: error.params }}</mat-error>
                }
              </mat-form-field>
              <div class="quick" role="group" [attr.aria-label]="'incoming.direction.workingDays' | translate">
                @for (days of quickDays; track days) {
                  <button mat-stroked-button type="button" (click)="form.controls.dueDays.setValue(days)" [class.chosen]="form.controls.dueDays.value === days">{{ days }}</button>
                }
              </div>
            </div>
            <p class="preview" aria-live="polite" data-testid="due-preview">
              @if (preview(); as line) {
                <mat-icon aria-hidden="true">event_available</mat-icon>
                {{ line.key | translate: line.params }}
              }
            </p>
          }
          @case ('date') {
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="date-field">
              <mat-label>{{ 'incoming.fields.dueOn' | translate }}</mat-label>
              <input matInput [matDatepicker]="picker" formControlName="dueOn" [min]="today" placeholder="dd/mm/yyyy" autocomplete="off" data-testid="field-due-on-date" />
              <mat-datepicker-toggle matIconSuffix [for]="picker" />
              <mat-datepicker #picker />
              @if (fieldMessage(form.controls.dueOn); as error) {
                <mat-error>{{ error.key | translate: error.params }}</mat-error>
              }
            </mat-form-field>
          }
        }
      </fieldset>

      <app-form-footer [failure]="failure()" [sending]="sending()" label="incoming.direction.directSend" testId="direct-send" (cancel)="cancel.emit()" (reload)="reload.emit()" />
    </form>
  `,
  styleUrl: './direction-form.scss',
})
export class DirectForm extends DirectionFormBase {
  private readonly translate = inject(TranslateService);
  readonly document = input.required<IncomingDocumentDto>();

  protected readonly quickDays = QUICK_DAYS;
  protected readonly today = fromIsoDate(vietnamToday());
  protected readonly form = inject(NonNullableFormBuilder).group({
    directive: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(4000)]],
    dueMode: ['days' as DueMode],
    dueDays: [5 as number | null, [Validators.min(1), Validators.max(365)]],
    dueOn: [null as Date | null],
  });
  protected readonly mode = toSignal(this.form.controls.dueMode.valueChanges, { initialValue: this.form.controls.dueMode.value });

  protected readonly options = signal<AssigneeOption[]>([]);
  protected readonly lead = signal<AssigneeOption[]>([]);
  protected readonly support = signal<AssigneeOption[]>([]);
  protected readonly inform = signal<AssigneeOption[]>([]);
  private readonly assigneesMessage = signal<FieldMessage | null>(null);
  protected readonly assigneesError = computed(() => {
    this.language.current();
    const message = this.assigneesMessage();
    return message ? (this.translate.instant(message.key, message.params) as string) : null;
  });

  /** "5 ngày làm việc → 07/12/2026", computed by the API's calendar (holidays, swapped days) as it will be on sending. */
  protected readonly preview = toSignal(
    this.form.controls.dueDays.valueChanges.pipe(
      startWith(this.form.controls.dueDays.value),
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((days) =>
        typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 365
          ? this.api.workingDayDeadline(new Date().toISOString(), days).pipe(
              map((deadline) => workingDaysPreview(days, deadline.dueDate)),
              catchError(() => of(null)),
            )
          : of(null),
      ),
    ),
    { initialValue: null },
  );

  constructor() {
    super();
    // a new choice of people answers the message about them, the server's as well as ours
    effect(() => {
      this.lead();
      this.support();
      this.inform();
      untracked(() => this.assigneesMessage.set(null));
    });
    forkJoin([this.api.units(), this.api.users({ limit: PEOPLE_LIMIT })])
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: ([units, people]) => this.options.set(assigneeOptions(units, people.items)),
        error: (error: unknown) => this.notifier.error(error),
      });
  }

  /** The ids the other two roles hold: one unit or person, one role. */
  protected takenBy(role: 'lead' | 'support' | 'inform'): ReadonlySet<string> {
    const others = { lead: [this.support(), this.inform()], support: [this.lead(), this.inform()], inform: [this.lead(), this.support()] }[role];
    return new Set(others.flat().map((option) => option.id));
  }

  protected send(): void {
    this.form.markAllAsTouched();
    this.assigneesMessage.set(this.lead().length === 1 ? null : { key: 'incoming.direction.leadRequired' });
    const { dueMode, dueDays, dueOn } = this.form.getRawValue();
    if (dueMode === 'days' && !dueDays) this.form.controls.dueDays.setErrors({ required: true });
    if (dueMode === 'date' && !dueOn) this.form.controls.dueOn.setErrors({ required: true });
    const invalid = dueMode === 'days' ? this.form.controls.dueDays.invalid : dueMode === 'date' ? this.form.controls.dueOn.invalid : false;
    if (this.form.controls.directive.invalid || invalid || this.assigneesMessage() || this.sending()) return;

    const request: DirectIncomingRequest = {
      directive: this.form.controls.directive.value.trim(),
      assignees: toAssignees(this.lead()[0] ?? null, this.support(), this.inform()),
      dueInWorkingDays: dueMode === 'days' ? dueDays : null,
      dueOn: dueMode === 'date' && dueOn ? toIsoDate(dueOn) : null,
      version: this.document().version,
    };
    // a refused deadline is shown on the field the leader used: the days or the date
    const fieldMap = { directive: 'directive', dueOn: dueMode === 'days' ? 'dueDays' : 'dueOn', dueInWorkingDays: 'dueDays', assignees: 'assignees' };
    this.run(this.api.directIncoming(this.document().id, request), this.form.controls, fieldMap, (failure) => this.assigneesMessage.set(failure.others['assignees'] ?? null));
  }
}
