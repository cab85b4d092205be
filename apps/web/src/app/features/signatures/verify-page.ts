import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { SignatureVerificationDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/errors/notifier';
import { FileSizePipe } from '../../core/i18n/file-size.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { VietnamDatePipe } from '../../core/i18n/vietnam-date.pipe';
import { PageHeader } from '../../shared/page-header/page-header';
import { documentVerdict, signatureVerdicts } from './signature-verdict';
import { SignaturesApi } from './signatures-api';

const VERDICT_ICONS = { intact: 'verified', followed_by_signature: 'verified', changed_after: 'warning', invalid: 'dangerous' } as const;

/**
 * Anyone can check a signed PDF (one they received by mail, a copy from another agency): each
 * signature with its signer, certificate and time, whether it is valid, and whether the document
 * was changed after it. The file is checked on the server and not kept.
 */
@Component({
  selector: 'app-verify-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, TranslatePipe, FileSizePipe, VietnamDatePipe, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="'signatureCheck.title' | translate" [subtitle]="'signatureCheck.subtitle' | translate" />
    <mat-card appearance="outlined" class="zone" [class.dragging]="dragging()" (dragover)="dragOver($event)" (dragleave)="dragging.set(false)" (drop)="dropped($event)">
      <mat-icon class="zone-icon" aria-hidden="true">verified_user</mat-icon>
      <p>{{ 'signatureCheck.hint' | translate }}</p>
      <button mat-flat-button type="button" [disabled]="busy()" (click)="fileInput.click()" data-testid="verify-choose">
        <mat-icon>upload_file</mat-icon>{{ 'signatureCheck.choose' | translate }}
      </button>
      <input #fileInput type="file" accept="application/pdf,.pdf" class="picker" (change)="picked($event)" tabindex="-1" aria-hidden="true" data-testid="verify-file" />
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </mat-card>

    @if (error(); as message) {
      <p class="error" role="alert" data-testid="verify-error">{{ message }}</p>
    }

    @if (result(); as report) {
      <section class="report" data-testid="verify-report" [attr.data-verdict]="overall()">
        <mat-card appearance="outlined" class="summary" [class]="overall()">
          <mat-icon aria-hidden="true">{{ overall() === 'valid' ? 'verified' : overall() === 'none' ? 'help' : 'gpp_bad' }}</mat-icon>
          <div>
            <strong>{{ 'signatureCheck.overall.' + overall() | translate: { count: report.signatures.length } }}</strong>
            <span class="file">{{ report.fileName }} · {{ report.size | fileSize: language.current() }}</span>
            <span class="hash">SHA-256 {{ report.sha256 }}</span>
          </div>
        </mat-card>
        <ol class="signatures">
          @for (signature of report.signatures; track signature.fieldName; let index = $index) {
            @let verdict = verdicts()[index];
            <li>
              <mat-card appearance="outlined" class="signature" [attr.data-verdict]="verdict" data-testid="verify-signature">
                <div class="head">
                  <mat-icon aria-hidden="true" [class]="verdict">{{ icons[verdict] }}</mat-icon>
                  <div>
                    <strong>{{ signature.signerName ?? signature.fieldName }}</strong>
                    <span class="verdict">{{ 'signatureCheck.verdict.' + verdict | translate }}</span>
                  </div>
                </div>
                <dl>
                  <dt>{{ 'signatureCheck.signedAt' | translate }}</dt>
                  <dd>{{ signature.signedAt ? (signature.signedAt | vietnamDate: 'dateTime') : '—' }}</dd>
                  @if (signature.certificate; as certificate) {
                    <dt>{{ 'signatureCheck.issuer' | translate }}</dt>
                    <dd>{{ certificate.issuer }}</dd>
                    <dt>{{ 'signatureCheck.validity' | translate }}</dt>
                    <dd>{{ certificate.notBefore | vietnamDate }} – {{ certificate.notAfter | vietnamDate }}</dd>
                    <dt>{{ 'signatureCheck.serial' | translate }}</dt>
                    <dd class="mono">{{ certificate.serialNumber }}</dd>
                  }
                  @if (signature.reason) {
                    <dt>{{ 'signatureCheck.reason' | translate }}</dt>
                    <dd>{{ signature.reason }}</dd>
                  }
                  @if (signature.problem) {
                    <dt>{{ 'signatureCheck.problem' | translate }}</dt>
                    <dd class="problem">{{ signature.problem }}</dd>
                  }
                </dl>
              </mat-card>
            </li>
          }
        </ol>
      </section>
    }
  `,
  styles: `
    :host { display: block; max-width: 960px; }
    .zone { display: flex; flex-direction: column; align-items: center; gap: 8px; padding: 24px 16px; text-align: center; border-style: dashed; }
    .zone.dragging { background: var(--mat-sys-secondary-container); }
    .zone mat-progress-bar { width: 100%; }
    .zone-icon { font-size: 40px; width: 40px; height: 40px; color: var(--mat-sys-primary); }
    .picker { display: none; }
    .error { padding: 10px 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .report { margin-top: 16px; display: flex; flex-direction: column; gap: 12px; }
    .summary { display: flex; flex-direction: row; gap: 12px; align-items: center; padding: 12px 16px; }
    .summary div { display: flex; flex-direction: column; min-width: 0; }
    .summary.valid { background: #e6f4ea; }
    .summary.problem { background: var(--mat-sys-error-container); }
    .file { font-size: 14px; }
    .hash, .mono { font-family: monospace; font-size: 12px; overflow-wrap: anywhere; color: var(--mat-sys-on-surface-variant); }
    .signatures { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 12px; }
    .signature { padding: 12px 16px; }
    .head { display: flex; gap: 10px; align-items: center; margin-bottom: 8px; }
    .head div { display: flex; flex-direction: column; }
    .verdict { font-size: 14px; }
    mat-icon.intact, mat-icon.followed_by_signature { color: #1e8e3e; }
    mat-icon.changed_after { color: #b06000; }
    mat-icon.invalid { color: var(--mat-sys-error); }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; font-size: 14px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; overflow-wrap: anywhere; }
    .problem { color: var(--mat-sys-error); }
    @media (max-width: 599px) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 6px; } }
  `,
})
export class VerifyPage {
  private readonly api = inject(SignaturesApi);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);
  protected readonly icons = VERDICT_ICONS;

  protected readonly result = signal<SignatureVerificationDto | null>(null);
  protected readonly verdicts = computed(() => signatureVerdicts(this.result()?.signatures ?? []));
  protected readonly overall = computed(() => documentVerdict(this.verdicts()));
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly dragging = signal(false);

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.item(0);
    // cleared so that choosing the same file again still checks it again
    input.value = '';
    if (file) this.check(file);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files.item(0);
    if (file) this.check(file);
  }

  private check(file: File): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    this.api.verify(file).subscribe({
      next: (report) => {
        this.busy.set(false);
        this.result.set(report);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(this.notifier.errorText(error));
      },
    });
  }
}
