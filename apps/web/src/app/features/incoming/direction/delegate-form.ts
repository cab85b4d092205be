import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AssignmentDto, UserDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, catchError, switchMap } from 'rxjs';
import { SessionStore } from '../../../core/auth/session-store';
import { fromIsoDate, toIsoDate, vietnamToday } from '../incoming-format';
import { DirectionFormBase } from './direction-form-base';
import { FormFooter } from './form-footer';

/**
 * Giao lại: the head of the unit given a part passes it to one of the unit's officers, with a note
 * and, if wanted, an earlier deadline of the unit's own (never later than the leader's).
 */
@Component({
  selector: 'app-delegate-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatDatepickerModule, MatIconModule, TranslatePipe, FormFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="send()" class="form" data-testid="delegate-form">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.direction.officer' | translate }}</mat-label>
        <mat-icon matPrefix>person</mat-icon>
        <mat-select formControlName="userId" data-testid="field-officer">
          @for (person of people(); track person.id) {
            <mat-option [value]="person.id">
              {{ person.fullName }}
              @if (person.position) {
                <span class="hint">· {{ person.position }}</span>
              }
            </mat-option>
          }
        </mat-select>
        @if (fieldMessage(form.controls.userId); as error) {
          <mat-error>{{ error.key | translate: error.params }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.direction.delegateNote' | translate }}</mat-label>
        <textarea matInput formControlName="note" rows="2" data-testid="field-delegate-note"></textarea>
        @if (fieldMessage(form.controls.note); as error) {
          <mat-error>{{ error.key | translate: error.params }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="date-field">
        <mat-label>{{ 'incoming.direction.ownDeadline' | translate }}</mat-label>
        <input matInput [matDatepicker]="picker" formControlName="dueOn" [min]="today" [max]="latest()" placeholder="dd/mm/yyyy" autocomplete="off" />
        <mat-datepicker-toggle matIconSuffix [for]="picker" />
        <mat-datepicker #picker />
        <mat-hint>{{ 'incoming.direction.ownDeadlineHint' | translate }}</mat-hint>
        @if (fieldMessage(form.controls.dueOn); as error) {
          <mat-error>{{ error.key | translate: error.params }}</mat-error>
        }
      </mat-form-field>
      <app-form-footer
        [failure]="failure()"
        [sending]="sending()"
        label="incoming.direction.actions.delegate"
        icon="forward"
        testId="delegate-send"
        (cancel)="cancel.emit()"
        (reload)="reload.emit()"
      />
    </form>
  `,
  styleUrl: './direction-form.scss',
})
export class DelegateForm extends DirectionFormBase {
  private readonly session = inject(SessionStore);
  readonly assignment = input.required<AssignmentDto>();

  protected readonly today = fromIsoDate(vietnamToday());
  protected readonly latest = computed(() => fromIsoDate(this.assignment().dueOn));
  protected readonly form = inject(NonNullableFormBuilder).group({
    userId: ['', Validators.required],
    note: ['', Validators.maxLength(2000)],
    dueOn: [null as Date | null],
  });
  protected readonly people = signal<UserDto[]>([]);

  constructor() {
    super();
    // the unit's own people, the head excepted: passing the part to oneself changes nothing
    toObservable(this.assignment)
      .pipe(
        switchMap((assignment) =>
          assignment.unit
            ? this.api.users({ unitId: assignment.unit.id, limit: 200 }).pipe(
                catchError((error: unknown) => {
                  this.notifier.error(error);
                  return EMPTY;
                }),
              )
            : EMPTY,
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => this.people.set(page.items.filter((person) => person.active && person.id !== this.session.user()?.id)));
  }

  protected send(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.sending()) return;
    const { userId, note, dueOn } = this.form.getRawValue();
    const request = this.api.delegateAssignment(this.assignment().id, { userId, note: note.trim() || null, dueOn: dueOn ? toIsoDate(dueOn) : null });
    this.run(request, this.form.controls, { userId: 'userId', note: 'note', dueOn: 'dueOn' });
  }
}
