import { HttpErrorResponse, HttpResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { DocumentRegisterDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiClient } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { DialogError } from '../../../shared/dialog-error/dialog-error';
import { saveBlob } from '../file-save';
import { fromIsoDate, toIsoDate, vietnamToday } from '../incoming-format';

export interface ExportDialogData {
  registers: DocumentRegisterDto[];
  /** the register the list is filtered on, if any: the likely one to print */
  registerId: string | null;
}

/** The file name the API gives in Content-Disposition (RFC 5987 `filename*` first), else a plain one. */
export function exportFileName(response: Pick<HttpResponse<unknown>, 'headers'>, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed name: the plain one below, or the fallback
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** FileReader rather than Blob.text(): older office browsers (and jsdom) lack the latter. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** A refused file download carries its JSON error as a Blob; the same error with the body parsed, when it is JSON. */
export async function readBlobError(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  try {
    const body: unknown = JSON.parse(await blobText(error.error));
    return new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined });
  } catch {
    return error;
  }
}

/**
 * In sổ: the clerk prints or hands over the incoming register (Decree 30, Appendix IV) for a range
 * of arrival dates, as a spreadsheet to work on or a PDF to print and sign.
 */
@Component({
  selector: 'app-export-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatSelectModule, MatDatepickerModule, MatButtonModule, MatButtonToggleModule, MatIconModule, TranslatePipe, DialogError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'incoming.export.title' | translate }}</h2>
    <form mat-dialog-content [formGroup]="form" (ngSubmit)="download()" id="export-form" class="form" data-testid="export-form">
      @if (failure()) {
        <app-dialog-error [message]="failure()" />
      }
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.filters.register' | translate }}</mat-label>
        <mat-select formControlName="registerId" data-testid="export-register">
          @for (register of data.registers; track register.id) {
            <mat-option [value]="register.id">{{ register.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'incoming.filters.arrived' | translate }}</mat-label>
        <mat-date-range-input [rangePicker]="range">
          <input matStartDate formControlName="from" [placeholder]="'incoming.filters.from' | translate" data-testid="export-from" />
          <input matEndDate formControlName="to" [placeholder]="'incoming.filters.to' | translate" data-testid="export-to" />
        </mat-date-range-input>
        <mat-datepicker-toggle matIconSuffix [for]="range" />
        <mat-date-range-picker #range />
      </mat-form-field>
      <mat-button-toggle-group formControlName="format" [hideSingleSelectionIndicator]="true" [attr.aria-label]="'incoming.export.format' | translate">
        <mat-button-toggle value="xlsx"><mat-icon>table_chart</mat-icon> Excel (XLSX)</mat-button-toggle>
        <mat-button-toggle value="pdf"><mat-icon>picture_as_pdf</mat-icon> PDF</mat-button-toggle>
      </mat-button-toggle-group>
    </form>
    <div mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
      <button mat-flat-button type="submit" form="export-form" [disabled]="busy() || form.invalid" data-testid="export-download">
        <mat-icon>download</mat-icon>
        {{ 'incoming.export.download' | translate }}
      </button>
    </div>
  `,
  styles: `
    .form { display: flex; flex-direction: column; gap: 14px; padding-top: 8px; min-width: min(420px, 80vw); }
  `,
})
export class ExportDialog {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialog = inject(MatDialogRef<ExportDialog>);
  protected readonly data = inject<ExportDialogData>(MAT_DIALOG_DATA);

  private readonly today = vietnamToday();
  protected readonly form = inject(NonNullableFormBuilder).group({
    registerId: [this.data.registerId ?? this.data.registers.find((register) => register.active)?.id ?? '', Validators.required],
    // this month so far: the range a clerk prints most often
    from: [fromIsoDate(`${this.today.slice(0, 8)}01`), Validators.required],
    to: [fromIsoDate(this.today), Validators.required],
    format: ['xlsx' as 'xlsx' | 'pdf'],
  });
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected download(): void {
    const { registerId, from, to, format } = this.form.getRawValue();
    if (this.form.invalid || !from || !to || this.busy()) return;
    const range = { from: toIsoDate(from), to: toIsoDate(to) };
    this.busy.set(true);
    this.failure.set(null);
    this.api
      .exportIncomingRegister({ registerId, ...range, format })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (response) => {
          this.busy.set(false);
          if (response.body) saveBlob(response.body, exportFileName(response, `so-van-ban-den_${range.from}_${range.to}.${format}`));
          this.dialog.close();
        },
        error: (error: unknown) => {
          // asked for a file, the refusal comes as a Blob too: read it back into the API's error shape
          void readBlobError(error).then((readable) => {
            this.busy.set(false);
            this.failure.set(this.notifier.errorText(readable));
          });
        },
      });
  }
}
