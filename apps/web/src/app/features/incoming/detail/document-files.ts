import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { IncomingDocumentDto, StoredFileDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiClient } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { FileSizePipe } from '../../../core/i18n/file-size.pipe';
import { LanguageService } from '../../../core/i18n/language.service';
import { fileIcon, openBlobInNewTab, opensInBrowser, saveBlob } from '../file-save';

interface FileRow {
  /** translation key of what the file is to the document */
  role: string;
  file: StoredFileDto;
  highlight: boolean;
}

/**
 * The files of a registered document: the original, the copy with the "ĐẾN" stamp (the one to work
 * on, once made), the searchable copy made from a scan, and the attachments — each to open or save.
 */
@Component({
  selector: 'app-document-files',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, TranslatePipe, FileSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="files" data-testid="document-files">
      @for (row of rows(); track row.file.id) {
        <li class="file" [class.highlight]="row.highlight">
          <mat-icon class="icon" aria-hidden="true">{{ icon(row.file.mediaType) }}</mat-icon>
          <div class="text">
            <span class="role">{{ row.role | translate }}</span>
            <span class="name">{{ row.file.originalName }}</span>
            <span class="meta">{{ row.file.size | fileSize: language.current() }}</span>
          </div>
          @if (opens(row.file.mediaType)) {
            <button mat-icon-button type="button" (click)="open(row.file)" [matTooltip]="'incoming.files.open' | translate" [attr.aria-label]="('incoming.files.open' | translate) + ': ' + row.file.originalName">
              <mat-icon>open_in_new</mat-icon>
            </button>
          }
          <button mat-icon-button type="button" (click)="download(row.file)" [matTooltip]="'incoming.files.download' | translate" [attr.aria-label]="('incoming.files.download' | translate) + ': ' + row.file.originalName" data-testid="file-download">
            <mat-icon>download</mat-icon>
          </button>
        </li>
        @if ($first && stampPending()) {
          <li class="file pending" data-testid="stamp-pending">
            <mat-icon class="icon" aria-hidden="true">approval</mat-icon>
            <div class="text">
              <span class="role">{{ 'incoming.files.stamped' | translate }}</span>
              <span class="meta">{{ 'incoming.files.stampPending' | translate }}</span>
            </div>
            <button mat-icon-button type="button" (click)="refresh.emit()" [matTooltip]="'common.reload' | translate" [attr.aria-label]="'common.reload' | translate">
              <mat-icon>refresh</mat-icon>
            </button>
          </li>
        }
      }
    </ul>
  `,
  styles: `
    .files { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
    .file { display: flex; align-items: center; gap: 10px; padding: 8px 4px 8px 12px; border-radius: 10px; background: var(--mat-sys-surface-container-low); }
    .file.highlight { background: #fdecea; }
    .file.highlight .icon { color: #c62828; }
    .file.pending { background: transparent; border: 1px dashed var(--mat-sys-outline-variant); }
    .icon { flex: none; color: var(--mat-sys-primary); }
    .pending .icon { color: var(--mat-sys-on-surface-variant); }
    .text { display: flex; flex-direction: column; flex: 1 1 auto; min-width: 0; }
    .role { font-size: 11px; font-weight: 600; letter-spacing: 0.03em; text-transform: uppercase; color: var(--mat-sys-on-surface-variant); }
    .name { overflow-wrap: anywhere; font-weight: 500; }
    .meta { font-size: 12px; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class DocumentFiles {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);
  readonly document = input.required<IncomingDocumentDto>();
  /** asks the page to read the document again (to see a stamped copy made meanwhile) */
  readonly refresh = output<void>();

  protected readonly rows = computed<FileRow[]>(() => {
    const document = this.document();
    const rows: FileRow[] = [];
    if (document.stampedFile) rows.push({ role: 'incoming.files.stamped', file: document.stampedFile, highlight: true });
    rows.push({ role: 'incoming.files.main', file: document.mainFile, highlight: false });
    if (document.searchableFile) rows.push({ role: 'incoming.files.searchable', file: document.searchableFile, highlight: false });
    for (const file of document.attachments) rows.push({ role: 'incoming.files.attachment', file, highlight: false });
    return rows;
  });
  /** Only a PDF gets the stamp drawn on it; until it is there, say so. */
  protected readonly stampPending = computed(() => !this.document().stampedFile && this.document().mainFile.mediaType === 'application/pdf');

  protected icon(mediaType: string): string {
    return fileIcon(mediaType);
  }

  protected opens(mediaType: string): boolean {
    return opensInBrowser(mediaType);
  }

  protected open(file: StoredFileDto): void {
    const show = openBlobInNewTab();
    this.api.downloadIncomingFile(this.document().id, file.id).subscribe({
      next: (blob) => show(new Blob([blob], { type: file.mediaType })),
      error: (error: unknown) => {
        show(null);
        this.notifier.error(error);
      },
    });
  }

  protected download(file: StoredFileDto): void {
    this.api.downloadIncomingFile(this.document().id, file.id).subscribe({
      next: (blob) => saveBlob(blob, file.originalName),
      error: (error: unknown) => this.notifier.error(error),
    });
  }
}
