import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { ErrorCode, UNIT_KINDS, UNIT_KIND_LABELS, UnitDto, UnitKind } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { apiErrorCode } from '../../../core/errors/error-message';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { DialogError, DialogOutcome } from '../../../shared/dialog-error/dialog-error';
import { UnitTreeNode, buildUnitTree, flattenUnitTree, unitWithDescendants } from './unit-tree';

export interface UnitDialogData {
  /** absent when creating */
  unit?: UnitDto;
  /** all units, for the parent list */
  units: readonly UnitDto[];
  /** the parent preselected for a new unit ("add a unit under this one") */
  parentId?: string | null;
}

@Component({
  selector: 'app-unit-dialog',
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
  template: `
    <h2 mat-dialog-title>{{ (data.unit ? 'units.dialog.editTitle' : 'units.dialog.createTitle') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        @if (error() || conflict()) {
          <app-dialog-error [message]="error()" [conflict]="conflict()" (reload)="reload()" />
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'units.fields.code' | translate }}</mat-label>
          <input matInput formControlName="code" maxlength="50" data-testid="unit-code" />
          @if (form.controls.code.hasError('required')) {
            <mat-error>{{ 'validation.required' | translate }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'units.fields.name' | translate }}</mat-label>
          <input matInput formControlName="name" maxlength="255" data-testid="unit-name" />
          @if (form.controls.name.hasError('required')) {
            <mat-error>{{ 'validation.required' | translate }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'units.fields.kind' | translate }}</mat-label>
          <mat-select formControlName="kind">
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ kindLabels[kind] | localizedLabel: language.current() }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'units.fields.parent' | translate }}</mat-label>
          <mat-select formControlName="parentId">
            <mat-option [value]="null">{{ 'units.fields.noParent' | translate }}</mat-option>
            @for (node of parentOptions; track node.unit.id) {
              <mat-option [value]="node.unit.id">
                <span [style.padding-inline-start.px]="node.depth * 16">{{ node.unit.name }}</span>
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'units.fields.sortOrder' | translate }}</mat-label>
          <input matInput type="number" formControlName="sortOrder" min="0" step="1" />
          <mat-hint>{{ 'units.fields.sortOrderHint' | translate }}</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="unit-save">
          @if (saving()) {
            <mat-spinner diameter="18" />
          } @else {
            {{ 'common.save' | translate }}
          }
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 12px; min-width: min(440px, 80vw); padding-top: 8px; }
  `,
})
export class UnitDialog {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject<MatDialogRef<UnitDialog, DialogOutcome<UnitDto>>>(MatDialogRef);
  protected readonly data = inject<UnitDialogData>(MAT_DIALOG_DATA);
  protected readonly language = inject(LanguageService);

  protected readonly kinds = UNIT_KINDS;
  protected readonly kindLabels = UNIT_KIND_LABELS;
  protected readonly parentOptions: UnitTreeNode[];
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [this.data.unit?.code ?? '', [Validators.required, Validators.maxLength(50)]],
    name: [this.data.unit?.name ?? '', [Validators.required, Validators.maxLength(255)]],
    kind: [this.data.unit?.kind ?? ('division' as UnitKind), Validators.required],
    parentId: [this.data.unit ? this.data.unit.parentId : (this.data.parentId ?? null)],
    sortOrder: [this.data.unit?.sortOrder ?? 0, [Validators.min(0)]],
  });

  constructor() {
    const tree = buildUnitTree(this.data.units);
    // a unit cannot move under itself or under one of its own sub-units
    const excluded = this.data.unit ? unitWithDescendants(tree, this.data.unit.id) : new Set<string>();
    this.parentOptions = flattenUnitTree(tree).filter((node) => !excluded.has(node.unit.id));
  }

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const fields = { code: value.code.trim(), name: value.name.trim(), kind: value.kind, parentId: value.parentId, sortOrder: Number(value.sortOrder) || 0 };
    const request: Observable<UnitDto> = this.data.unit
      ? this.api.updateUnit(this.data.unit.id, { ...fields, version: this.data.unit.version })
      : this.api.createUnit(fields);
    this.saving.set(true);
    this.error.set(null);
    request.subscribe({
      next: (unit) => this.dialog.close({ kind: 'saved', value: unit }),
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
