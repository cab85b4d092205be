import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { IncomingDocumentDto, UserDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { DirectionFormBase } from './direction-form-base';
import { FormFooter } from './form-footer';

/** Trình lãnh đạo: the clerk picks the leader who will direct the document, with a note if needed. */
@Component({
  selector: 'app-submit-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatIconModule, TranslatePipe, FormFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="send()" class="form" data-testid="submit-form">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.direction.leader' | translate }}</mat-label>
        <mat-icon matPrefix>supervisor_account</mat-icon>
        <mat-select formControlName="leaderId" data-testid="field-leader">
          @for (leader of leaders(); track leader.id) {
            <mat-option [value]="leader.id">
              {{ leader.fullName }}
              @if (leader.position) {
                <span class="hint">· {{ leader.position }}</span>
              }
            </mat-option>
          }
        </mat-select>
        @if (fieldMessage(form.controls.leaderId); as error) {
          <mat-error>{{ error.key | translate: error.params }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.direction.note' | translate }}</mat-label>
        <textarea matInput formControlName="note" rows="2" data-testid="field-submit-note"></textarea>
        @if (fieldMessage(form.controls.note); as error) {
          <mat-error>{{ error.key | translate: error.params }}</mat-error>
        }
      </mat-form-field>
      <app-form-footer [failure]="failure()" [sending]="sending()" label="incoming.direction.actions.submit" testId="submit-send" (cancel)="cancel.emit()" (reload)="reload.emit()" />
    </form>
  `,
  styleUrl: './direction-form.scss',
})
export class SubmitForm extends DirectionFormBase {
  readonly document = input.required<IncomingDocumentDto>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    leaderId: ['', Validators.required],
    note: ['', Validators.maxLength(2000)],
  });
  protected readonly leaders = signal<UserDto[]>([]);

  constructor() {
    super();
    this.api
      .users({ role: 'leader', limit: 100 })
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (page) => {
          const leaders = page.items.filter((user) => user.active);
          this.leaders.set(leaders);
          // most agencies have one leader who directs incoming mail: no choice to make then
          if (leaders.length === 1) this.form.controls.leaderId.setValue(leaders[0].id);
        },
        error: (error: unknown) => this.notifier.error(error),
      });
  }

  protected send(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.sending()) return;
    const { leaderId, note } = this.form.getRawValue();
    const request = this.api.submitIncoming(this.document().id, { leaderId, note: note.trim() || null, version: this.document().version });
    this.run(request, this.form.controls, { leaderId: 'leaderId', note: 'note' });
  }
}
