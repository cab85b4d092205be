import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { OutgoingDocumentDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../../core/errors/notifier';
import { OutgoingApi } from '../outgoing-api';
import { PdfPreview } from '../preview/pdf-preview';
import { PanelRequest } from './panel-request';
import { SigningFailure, signingFailureOf } from './signing-failure';
import { keyLock } from './key-lock';
import { SigningFailureNotice } from './signing-failure-notice';

/**
 * The signer signs (ký số) the PDF to sign with the key the server keeps for them, unlocked by its
 * passphrase for this one signature (never stored, cleared after each try).
 */
@Component({
  selector: 'app-outgoing-sign-panel',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe, SigningFailureNotice, PdfPreview],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="panel" data-testid="outgoing-sign">
      <h2><mat-icon aria-hidden="true">draw</mat-icon>{{ 'outgoing.signing.title' | translate }}</h2>
      <p class="hint">{{ 'outgoing.signing.hint' | translate: { name: document().pdfForSigning?.file?.originalName ?? '' } }}</p>
      @if (document().pdfForSigning; as pdf) {
        <app-pdf-preview class="preview" [documentId]="document().id" [file]="pdf.file" />
      }
      @if (failure(); as failed) {
        <app-signing-failure-notice [failure]="failed" (reload)="reload.emit()" />
      }
      <form (ngSubmit)="sign()" class="row">
        <mat-form-field appearance="outline" class="passphrase">
          <mat-label>{{ 'outgoing.signing.passphrase' | translate }}</mat-label>
          <input matInput type="password" name="passphrase" autocomplete="off" required maxlength="200" [(ngModel)]="passphrase" data-testid="outgoing-sign-passphrase" />
          <mat-icon matSuffix aria-hidden="true">key</mat-icon>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy() || !passphrase || locked()" data-testid="outgoing-sign-submit">
          <mat-icon>draw</mat-icon>{{ 'outgoing.signing.sign' | translate }}
        </button>
      </form>
    </mat-card>
  `,
  styleUrl: './signing-panel.scss',
})
export class SignPanel {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);

  readonly document = input.required<OutgoingDocumentDto>();
  readonly changed = output<void>();
  readonly reload = output<void>();

  protected passphrase = '';
  protected readonly failure = linkedSignal<OutgoingDocumentDto, SigningFailure | null>({ source: this.document, computation: () => null });
  protected readonly locked = keyLock(this.failure);
  private readonly request = new PanelRequest(this.failure, (error) => signingFailureOf(error, this.notifier));
  protected readonly busy = this.request.busy;

  protected sign(): void {
    const doc = this.document();
    if (!this.passphrase) return;
    this.request.run(
      this.api.sign(doc.id, { passphrase: this.passphrase, version: doc.version }),
      () => {
        this.notifier.success('outgoing.signing.signed');
        this.changed.emit();
      },
      // the passphrase is typed again for every try: it is never kept
      () => (this.passphrase = ''),
    );
  }
}
