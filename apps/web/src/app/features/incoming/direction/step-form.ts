import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AssignmentDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { AssignmentStep } from '../../../core/api/api-client';
import { DirectionFormBase } from './direction-form-base';
import { FormFooter } from './form-footer';

/** The action of the panel each step belongs to, for its words and icon. */
const STEP_ACTION: Record<AssignmentStep, 'progress' | 'complete' | 'return'> = { progress: 'progress', completion: 'complete', return: 'return' };
const STEP_ICON: Record<AssignmentStep, string> = { progress: 'update', completion: 'task_alt', return: 'undo' };

/**
 * Cập nhật tiến độ, Hoàn thành, Trả lại: one text each — what was done, the result, or why the part
 * is sent back. Completing the lead's part completes the document, which the note says beforehand.
 */
@Component({
  selector: 'app-step-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, TranslatePipe, FormFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="send()" class="form" [attr.data-testid]="'step-form-' + step()">
      @if (step() === 'completion' && assignment().role === 'lead') {
        <p class="note">{{ 'incoming.direction.completesDocument' | translate }}</p>
      }
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.direction.stepText.' + action() | translate }}</mat-label>
        <textarea matInput formControlName="text" rows="3" data-testid="field-step-text"></textarea>
        @if (fieldMessage(form.controls.text); as error) {
          <mat-error>{{ error.key | translate: error.params }}</mat-error>
        }
      </mat-form-field>
      @if (step() === 'completion' && assignment().role === 'lead') {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'incoming.direction.replyReference' | translate }}</mat-label>
          <input matInput formControlName="replyReference" autocomplete="off" data-testid="field-reply-reference" />
          <mat-hint>{{ 'incoming.direction.replyReferenceHint' | translate }}</mat-hint>
          @if (fieldMessage(form.controls.replyReference); as error) {
            <mat-error>{{ error.key | translate: error.params }}</mat-error>
          }
        </mat-form-field>
      }
      <app-form-footer
        [failure]="failure()"
        [sending]="sending()"
        [label]="'incoming.direction.actions.' + action()"
        [icon]="icon()"
        [danger]="step() === 'return'"
        testId="step-send"
        (cancel)="cancel.emit()"
        (reload)="reload.emit()"
      />
    </form>
  `,
  styleUrl: './direction-form.scss',
})
export class StepForm extends DirectionFormBase {
  readonly assignment = input.required<AssignmentDto>();
  readonly step = input.required<AssignmentStep>();

  protected readonly action = computed(() => STEP_ACTION[this.step()]);
  protected readonly icon = computed(() => STEP_ICON[this.step()]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    text: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(4000)]],
    replyReference: ['', Validators.maxLength(200)],
  });

  protected send(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.sending()) return;
    const { text, replyReference } = this.form.getRawValue();
    const reply = this.step() === 'completion' && this.assignment().role === 'lead' ? replyReference.trim() || null : null;
    this.run(this.api.assignmentStep(this.assignment().id, this.step(), text.trim(), reply), this.form.controls, { text: 'text', replyReference: 'replyReference' });
  }
}
