import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { OutgoingDocumentDto, PDF_FOR_SIGNING_ISSUE_LABELS } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { saveBlob } from '../../incoming/file-save';
import { availableActions } from '../outgoing-actions';
import { OutgoingApi } from '../outgoing-api';

/** The PDF the signer will sign: a link when it exists, else why not (the words come with the contracts). */
@Component({
  selector: 'app-outgoing-pdf-status',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let doc = document();
    @if (doc.pdfForSigning; as pdf) {
      <mat-icon aria-hidden="true">picture_as_pdf</mat-icon>
      <span>{{ 'outgoing.pdf.ready' | translate }}</span>
      <button mat-button type="button" (click)="download()" data-testid="outgoing-pdf-download">{{ pdf.file.originalName }}</button>
    } @else if (doc.pdfForSigningIssue; as issue) {
      <mat-icon aria-hidden="true">{{ issue === 'not_approved' ? 'hourglass_empty' : issue === 'conversion_pending' ? 'sync' : 'warning' }}</mat-icon>
      <span data-testid="outgoing-pdf-issue" [attr.data-issue]="issue">{{ issues[issue][language.current()] }}</span>
      @if (canRetry()) {
        <button mat-button type="button" [disabled]="busy()" (click)="convertAgain()">{{ 'outgoing.pdf.convertAgain' | translate }}</button>
      }
    }
  `,
  styles: `
    :host { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 12px; border-radius: 8px; background: var(--mat-sys-surface-container); font-size: 14px; }
    :host:empty { display: none; }
  `,
})
export class PdfStatus {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  protected readonly issues = PDF_FOR_SIGNING_ISSUE_LABELS;

  readonly document = input.required<OutgoingDocumentDto>();
  readonly changed = output<void>();
  protected readonly canRetry = computed(() => availableActions(this.document(), this.session.user()).convertAgain);
  protected readonly busy = signal(false);

  protected download(): void {
    const pdf = this.document().pdfForSigning;
    if (!pdf) return;
    this.api.download(this.document().id, pdf.file.id).subscribe({ next: (blob) => saveBlob(blob, pdf.file.originalName), error: (error: unknown) => this.notifier.error(error) });
  }

  protected convertAgain(): void {
    this.busy.set(true);
    this.api.convertAgain(this.document().id).subscribe({
      next: () => {
        this.busy.set(false);
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.error(error);
      },
    });
  }
}
