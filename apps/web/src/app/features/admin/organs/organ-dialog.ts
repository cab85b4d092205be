import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ErrorCode, ORGAN_ID_PATTERN, OrganDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { apiErrorCode } from '../../../core/errors/error-message';
import { Notifier } from '../../../core/errors/notifier';
import { DialogError, DialogOutcome } from '../../../shared/dialog-error/dialog-error';

export interface OrganDialogData {
  /** absent when creating */
  organ?: OrganDto;
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * An agency in the exchange directory. The organ id is checked here against ORGAN_ID_PATTERN to catch
 * typing mistakes early; the server checks it again and decides. It cannot change after creation,
 * because documents already exchanged refer to it.
 */
@Component({
  selector: 'app-organ-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    MatButtonModule,
    MatProgressSpinnerModule,
    TranslatePipe,
    DialogError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organ-dialog.html',
  styles: `
    .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 12px 16px; min-width: min(600px, 80vw); padding-top: 8px; }
    .wide { grid-column: 1 / -1; }
    .organ-id { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; }
    @media (max-width: 599.98px) { .fields { grid-template-columns: 1fr; } }
  `,
})
export class OrganDialog {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject<MatDialogRef<OrganDialog, DialogOutcome<OrganDto>>>(MatDialogRef);
  protected readonly data = inject<OrganDialogData>(MAT_DIALOG_DATA);

  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);

  private readonly organ = this.data.organ;
  protected readonly form = inject(NonNullableFormBuilder).group({
    organId: [{ value: this.organ?.organId ?? '', disabled: !!this.organ }, [Validators.required, Validators.pattern(ORGAN_ID_PATTERN)]],
    name: [this.organ?.name ?? '', [Validators.required, Validators.maxLength(255)]],
    shortName: [this.organ?.shortName ?? '', [Validators.maxLength(100)]],
    notation: [this.organ?.notation ?? '', [Validators.maxLength(30)]],
    parentOrganId: [this.organ?.parentOrganId ?? '', [Validators.pattern(ORGAN_ID_PATTERN)]],
    email: [this.organ?.email ?? '', [Validators.email, Validators.maxLength(255)]],
    phone: [this.organ?.phone ?? '', [Validators.maxLength(50)]],
    address: [this.organ?.address ?? '', [Validators.maxLength(500)]],
    active: [this.organ?.active ?? true],
  });

  /** Organ ids are written in capitals; accept lower case while typing and fix it. */
  protected upperCaseOrganId(control: 'organId' | 'parentOrganId'): void {
    const field = this.form.controls[control];
    const upper = field.value.toUpperCase().trim();
    if (upper !== field.value) field.setValue(upper);
  }

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const fields = {
      name: value.name.trim(),
      shortName: orNull(value.shortName),
      notation: orNull(value.notation),
      parentOrganId: orNull(value.parentOrganId),
      email: orNull(value.email),
      phone: orNull(value.phone),
      address: orNull(value.address),
    };
    const request: Observable<OrganDto> = this.organ
      ? this.api.updateOrgan(this.organ.id, { ...fields, active: value.active, version: this.organ.version })
      : this.api.createOrgan({ ...fields, organId: value.organId.trim() });
    this.saving.set(true);
    this.error.set(null);
    request.subscribe({
      next: (organ) => this.dialog.close({ kind: 'saved', value: organ }),
      error: (error: unknown) => {
        this.saving.set(false);
        this.conflict.set(apiErrorCode(error) === ErrorCode.VersionConflict);
        this.error.set(this.notifier.errorText(error));
      },
    });
  }

  protected reload(): void {
    this.dialog.close({ kind: 'reload' });
  }
}
