import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Permission, StoredFileDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiClient } from '../../core/api/api-client';
import { SessionStore } from '../../core/auth/session-store';
import { Notifier } from '../../core/errors/notifier';
import { FileSizePipe } from '../../core/i18n/file-size.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { VietnamDatePipe } from '../../core/i18n/vietnam-date.pipe';
import { FileUpload } from '../../shared/file-upload/file-upload';
import { DeskTasksCard } from './desk-tasks-card';
import { WorkListCard } from './work-list-card';

/** The home page after login: what needs the user's attention today. */
@Component({
  selector: 'app-desk-page',
  imports: [
    MatCardModule,
    MatIconModule,
    MatButtonModule,
    MatTooltipModule,
    TranslatePipe,
    VietnamDatePipe,
    FileSizePipe,
    WorkListCard,
    DeskTasksCard,
    FileUpload,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './desk-page.html',
  styleUrl: './desk-page.scss',
})
export class DeskPage {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  protected readonly today = new Date();
  protected readonly canUpload = this.session.hasAny(Permission.FilesUpload);
  protected readonly canDownload = this.session.hasAny(Permission.FilesRead);
  /** Files sent from this page during this visit; the document features will keep them for good. */
  protected readonly recentFiles = signal<StoredFileDto[]>([]);

  protected uploaded(file: StoredFileDto): void {
    this.recentFiles.update((files) => [file, ...files]);
    this.notifier.success('upload.done', { name: file.originalName });
  }

  protected download(file: StoredFileDto): void {
    this.api.downloadFile(file.id).subscribe({
      next: (blob) => saveBlob(blob, file.originalName),
      error: (error: unknown) => this.notifier.error(error),
    });
  }
}

/** Hands a downloaded file to the browser's own save mechanism. */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // give the browser a moment to start the download before the address is released
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
