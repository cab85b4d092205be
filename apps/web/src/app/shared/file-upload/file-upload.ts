import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ALLOWED_MEDIA_TYPES, StoredFileDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { Notifier } from '../../core/errors/notifier';
import { FileSizePipe } from '../../core/i18n/file-size.pipe';
import { LanguageService } from '../../core/i18n/language.service';

interface UploadInProgress {
  name: string;
  size: number;
  /** 0–100, or null while the browser has not reported a total yet */
  percent: number | null;
}

/**
 * Sends one file to the file store (`POST /api/files`, field `file`) with a progress bar, by button or by
 * dropping it on the zone. The server checks type and size by content; `accept` only helps the picker.
 */
@Component({
  selector: 'app-file-upload',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe, FileSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './file-upload.html',
  styleUrl: './file-upload.scss',
})
export class FileUpload {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);

  readonly accept = input<string>(ALLOWED_MEDIA_TYPES.join(','));
  readonly uploaded = output<StoredFileDto>();

  protected readonly upload = signal<UploadInProgress | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly dragging = signal(false);
  private readonly picker = viewChild.required<ElementRef<HTMLInputElement>>('picker');
  private subscription: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected choose(): void {
    this.picker().nativeElement.click();
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.item(0);
    // cleared so that choosing the same file again still fires `change`
    input.value = '';
    if (file) this.send(file);
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (!this.upload()) this.dragging.set(true);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files.item(0);
    if (file && !this.upload()) this.send(file);
  }

  protected cancel(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.upload.set(null);
  }

  private send(file: File): void {
    this.error.set(null);
    this.upload.set({ name: file.name, size: file.size, percent: 0 });
    this.subscription = this.api.uploadFile(file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const percent = event.total ? Math.round((100 * event.loaded) / event.total) : null;
          this.upload.set({ name: file.name, size: file.size, percent });
        } else if (event.type === HttpEventType.Response && event.body) {
          this.upload.set(null);
          this.uploaded.emit(event.body);
        }
      },
      error: (error: unknown) => {
        this.upload.set(null);
        this.error.set(this.notifier.errorText(error));
      },
    });
  }
}
