import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { ErrorCode, ROLES, ROLE_LABELS, Role, UnitDto, UpdateUserRequest, UserDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { apiErrorCode } from '../../../core/errors/error-message';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { DialogError, DialogOutcome } from '../../../shared/dialog-error/dialog-error';
import { UnitTreeNode, buildUnitTree, flattenUnitTree } from '../units/unit-tree';

export interface UserDialogData {
  /** absent when creating */
  user?: UserDto;
  units: readonly UnitDto[];
}

/** The shortest password accepted here; the server's own rule is the one that counts. */
export const MINIMUM_PASSWORD_LENGTH = 8;

/** Empty inputs mean "not given": the API stores null, not an empty string. */
function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

@Component({
  selector: 'app-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatProgressSpinnerModule,
    TranslatePipe,
    LocalizedLabelPipe,
    DialogError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-dialog.html',
  styles: `
    .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 12px 16px; min-width: min(600px, 80vw); padding-top: 8px; }
    .wide { grid-column: 1 / -1; }
    @media (max-width: 599.98px) { .fields { grid-template-columns: 1fr; } }
  `,
})
export class UserDialog {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject<MatDialogRef<UserDialog, DialogOutcome<UserDto>>>(MatDialogRef);
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  protected readonly language = inject(LanguageService);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly unitOptions: UnitTreeNode[] = flattenUnitTree(buildUnitTree(this.data.units));
  protected readonly minimumPasswordLength = MINIMUM_PASSWORD_LENGTH;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);

  private readonly user = this.data.user;
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [{ value: this.user?.username ?? '', disabled: !!this.user }, [Validators.required, Validators.maxLength(100), Validators.pattern(/^[a-zA-Z0-9._-]+$/)]],
    fullName: [this.user?.fullName ?? '', [Validators.required, Validators.maxLength(255)]],
    email: [this.user?.email ?? '', [Validators.email, Validators.maxLength(255)]],
    position: [this.user?.position ?? '', [Validators.maxLength(255)]],
    unitId: [this.user?.unitId ?? (null as string | null)],
    roles: [this.user?.roles ?? ([] as Role[]), [Validators.required]],
    // required for a new account; for an existing one, filled only to reset the password
    password: ['', this.user ? [Validators.minLength(MINIMUM_PASSWORD_LENGTH)] : [Validators.required, Validators.minLength(MINIMUM_PASSWORD_LENGTH)]],
  });

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const fields = {
      fullName: value.fullName.trim(),
      email: orNull(value.email),
      position: orNull(value.position),
      unitId: value.unitId,
      roles: value.roles,
    };
    let request: Observable<UserDto>;
    if (this.user) {
      const update: UpdateUserRequest = { ...fields, version: this.user.version };
      if (value.password) update.password = value.password;
      request = this.api.updateUser(this.user.id, update);
    } else {
      request = this.api.createUser({ ...fields, username: value.username.trim(), password: value.password });
    }
    this.saving.set(true);
    this.error.set(null);
    request.subscribe({
      next: (user) => this.dialog.close({ kind: 'saved', value: user }),
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
