import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { OutgoingDocumentDto, StoredFileDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { saveBlob } from '../../incoming/file-save';
import { OutgoingApi } from '../outgoing-api';
import { PdfPreview } from '../preview/pdf-preview';

/**
 * The document as signed and as issued: its number, date and register, what it replaces or what
 * replaced it, a recall; the PDF itself drawn in the page, and the files to download (the issued
 * PDF, the attachments with the organisation's signature).
 */
@Component({
  selector: 'app-outgoing-issued-document',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink, TranslatePipe, VietnamDatePipe, PdfPreview],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let doc = document();
    <mat-card appearance="outlined" class="panel" data-testid="outgoing-issued">
      <h2>{{ (doc.issuance ? 'outgoing.issued.title' : 'outgoing.issued.signedTitle') | translate }}</h2>
      @if (doc.recall; as recall) {
        <p class="banner recalled" role="status" data-testid="outgoing-recall-note">
          <mat-icon aria-hidden="true">undo</mat-icon>
          {{ 'outgoing.issued.recalled' | translate: { when: (recall.at | vietnamDate: 'dateTime'), who: recall.by?.fullName ?? '', reason: recall.reason } }}
        </p>
      }
      @if (doc.replacedBy; as replacement) {
        <p class="banner recalled" role="status" data-testid="outgoing-replaced-by">
          <mat-icon aria-hidden="true">swap_horiz</mat-icon>
          <span>
            {{ 'outgoing.issued.replacedBy' | translate: { when: (replacement.at | vietnamDate: 'dateTime'), reason: replacement.reason } }}
            <a [routerLink]="['/outgoing', replacement.id]">{{ replacement.numberAndNotation ?? '' }} {{ replacement.subject }}</a>
          </span>
        </p>
      }
      @if (doc.replaces; as replaced) {
        <p class="banner" data-testid="outgoing-replaces">
          <mat-icon aria-hidden="true">swap_horiz</mat-icon>
          <span>
            {{ 'outgoing.issued.replaces' | translate: { reason: replaced.reason } }}
            <a [routerLink]="['/outgoing', replaced.id]">{{ replaced.numberAndNotation ?? '' }} {{ replaced.subject }}</a>
          </span>
        </p>
      }
      <dl>
        @if (doc.issuance; as issuance) {
          <dt>{{ 'outgoing.issued.number' | translate }}</dt>
          <dd class="number" data-testid="outgoing-number">{{ issuance.numberAndNotation }}</dd>
          <dt>{{ 'outgoing.issued.date' | translate }}</dt>
          <dd>{{ issuance.issuedOn | vietnamDate }}</dd>
          <dt>{{ 'outgoing.issued.register' | translate }}</dt>
          <dd>{{ issuance.register.code }} — {{ issuance.register.name }}</dd>
          <dt>{{ 'outgoing.issued.by' | translate }}</dt>
          <dd>{{ issuance.issuedBy?.fullName ?? '' }} · {{ issuance.issuedAt | vietnamDate: 'dateTime' }}</dd>
        }
        @if (doc.signedAt) {
          <dt>{{ 'outgoing.issued.signedAt' | translate }}</dt>
          <dd>{{ doc.signer.fullName }} · {{ doc.signedAt | vietnamDate: 'dateTime' }}</dd>
        }
      </dl>
      @if (shown(); as pdf) {
        <app-pdf-preview [documentId]="doc.id" [file]="pdf.file" />
        <div class="files">
          <button mat-stroked-button type="button" (click)="download(pdf.file)" data-testid="outgoing-issued-download">
            <mat-icon>download</mat-icon>{{ pdf.file.originalName }}
          </button>
          @for (attachment of pdf.attachments; track attachment.id) {
            <button mat-button type="button" (click)="download(attachment)"><mat-icon>attach_file</mat-icon>{{ attachment.originalName }}</button>
          }
        </div>
      }
    </mat-card>
  `,
  styles: `
    .panel { padding: 16px; }
    h2 { margin: 0 0 12px; font: var(--mat-sys-title-medium); }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 12px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .number { font-weight: 600; font-size: 18px; color: var(--mat-sys-primary); }
    .banner { display: flex; gap: 8px; align-items: flex-start; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-surface-container); margin: 0 0 12px; }
    .banner.recalled { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .files { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
    @media (max-width: 599px) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 6px; } }
  `,
})
export class IssuedDocument {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);
  readonly document = input.required<OutgoingDocumentDto>();
  /** the issued PDF once there is one, else the signed PDF */
  protected readonly shown = computed(() => this.document().issuedPdf ?? this.document().signedPdf);

  protected download(file: StoredFileDto): void {
    this.api.download(this.document().id, file.id).subscribe({ next: (blob) => saveBlob(blob, file.originalName), error: (error: unknown) => this.notifier.error(error) });
  }
}
