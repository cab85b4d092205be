import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { IncomingDocumentDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { DirectionFormBase } from './direction-form-base';
import { FormFooter } from './form-footer';

/**
 * Từ chối tiếp nhận: a document sent to the wrong agency, or not its business, is refused with the
 * reason (which goes back to the sender once the exchange over the axis carries it).
 */
@Component({
  selector: 'app-reject-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, TranslatePipe, FormFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="send()" class="form" data-testid="reject-form">
      <p class="note">{{ 'incoming.direction.rejectWarning' | translate }}</p>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.direction.rejectReason' | translate }}</mat-label>
        <textarea matInput formControlName="reason" rows="3" data-testid="field-reject-reason"></textarea>
        <mat-hint>{{ 'incoming.direction.rejectHint' | translate }}</mat-hint>
        @if (fieldMessage(form.controls.reason); as error) {
          <mat-error>{{ error.key | translate: error.params }}</mat-error>
        }
      </mat-form-field>
      <app-form-footer
        [failure]="failure()"
        [sending]="sending()"
        label="incoming.direction.actions.reject"
        icon="block"
        [danger]="true"
        testId="reject-send"
        (cancel)="cancel.emit()"
        (reload)="reload.emit()"
      />
    </form>
  `,
  styleUrl: './direction-form.scss',
})
export class RejectForm extends DirectionFormBase {
  readonly document = input.required<IncomingDocumentDto>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.minLength(5), Validators.maxLength(2000)]],
  });

  protected send(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.sending()) return;
    const request = this.api.rejectIncoming(this.document().id, { reason: this.form.controls.reason.value.trim(), version: this.document().version });
    this.run(request, this.form.controls, { reason: 'reason' });
  }
}
