import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { DocumentRegisterDto, IncomingDocumentDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { pickRegister, registersFor } from '../register-choice';
import { DirectionFormBase } from './direction-form-base';
import { FormFooter } from './form-footer';

/**
 * Vào sổ a document that arrived through the System (dispatched by a unit, or from the axis): its
 * details came with it, so the clerk only confirms the register and it gets the next arrival number.
 */
@Component({
  selector: 'app-register-received-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, TranslatePipe, FormFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="send()" class="form" data-testid="register-received-form">
      <p class="note">{{ 'incoming.direction.registerReceivedNote' | translate }}</p>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.fields.register' | translate }}</mat-label>
        <mat-select formControlName="registerId" data-testid="field-received-register">
          @for (register of fitting(); track register.id) {
            <mat-option [value]="register.id">{{ register.name }}</mat-option>
          }
        </mat-select>
        @if (fieldMessage(form.controls.registerId); as error) {
          <mat-error>{{ error.key | translate: error.params }}</mat-error>
        }
      </mat-form-field>
      <app-form-footer
        [failure]="failure()"
        [sending]="sending()"
        label="incoming.direction.actions.register"
        icon="menu_book"
        testId="register-received-send"
        (cancel)="cancel.emit()"
        (reload)="reload.emit()"
      />
    </form>
  `,
  styleUrl: './direction-form.scss',
})
export class RegisterReceivedForm extends DirectionFormBase {
  readonly document = input.required<IncomingDocumentDto>();

  private readonly registers = signal<DocumentRegisterDto[]>([]);
  protected readonly fitting = computed(() => registersFor(this.registers(), this.document().confidentiality));
  protected readonly form = inject(NonNullableFormBuilder).group({ registerId: ['', Validators.required] });

  constructor() {
    super();
    this.api
      .documentRegisters('incoming')
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (registers) => {
          this.registers.set(registers);
          this.form.controls.registerId.setValue(pickRegister(registers, this.document().confidentiality, this.document().registerId) ?? '');
        },
        error: (error: unknown) => this.notifier.error(error),
      });
  }

  protected send(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.sending()) return;
    const request = this.api.registerReceivedIncoming(this.document().id, { registerId: this.form.controls.registerId.value, version: this.document().version });
    this.run(request, this.form.controls, { registerId: 'registerId' });
  }
}
