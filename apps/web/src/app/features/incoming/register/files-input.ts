import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { StoredFileDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { FileSizePipe } from '../../../core/i18n/file-size.pipe';
import { LanguageService } from '../../../core/i18n/language.service';
import { FileUpload } from '../../../shared/file-upload/file-upload';
import { fileIcon } from '../file-save';

/**
 * The files of a document being registered: the main file (the scan or the received file, required)
 * and its attachments. Each is sent to the file store as soon as it is chosen or dropped, with its
 * progress; registering then only refers to them.
 */
@Component({
  selector: 'app-files-input',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, TranslatePipe, FileSizePipe, FileUpload],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="part" data-testid="main-file">
      <h3 class="label">{{ 'incoming.form.files.main' | translate }} <span class="required" aria-hidden="true">*</span></h3>
      @if (mainFile(); as file) {
        <div class="file main">
          <mat-icon class="icon" aria-hidden="true">{{ icon(file.mediaType) }}</mat-icon>
          <div class="text">
            <span class="name" data-testid="main-file-name">{{ file.originalName }}</span>
            <span class="meta">{{ file.size | fileSize: language.current() }}</span>
          </div>
          <button mat-icon-button type="button" (click)="mainFile.set(null)" [matTooltip]="'incoming.form.files.replace' | translate" [attr.aria-label]="'incoming.form.files.replace' | translate">
            <mat-icon>swap_horiz</mat-icon>
          </button>
        </div>
      } @else {
        <app-file-upload [class.invalid]="!!error()" (uploaded)="mainFile.set($event)" />
        @if (error(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
      }
    </section>
    <section class="part" data-testid="attachments">
      <h3 class="label">
        {{ 'incoming.form.files.attachments' | translate }}
        @if (attachments().length > 0) {
          <span class="count">{{ attachments().length }}</span>
        }
      </h3>
      @for (file of attachments(); track file.id) {
        <div class="file">
          <mat-icon class="icon" aria-hidden="true">{{ icon(file.mediaType) }}</mat-icon>
          <div class="text">
            <span class="name">{{ file.originalName }}</span>
            <span class="meta">{{ file.size | fileSize: language.current() }}</span>
          </div>
          <button mat-icon-button type="button" (click)="remove(file)" [matTooltip]="'incoming.form.files.remove' | translate" [attr.aria-label]="'incoming.form.files.remove' | translate">
            <mat-icon>close</mat-icon>
          </button>
        </div>
      }
      <app-file-upload (uploaded)="attachments.set([...attachments(), $event])" />
    </section>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 16px; }
    .label { display: flex; align-items: center; gap: 6px; margin: 0 0 8px; font-size: 13px; font-weight: 600; color: var(--mat-sys-on-surface-variant); }
    .required { color: var(--mat-sys-error); }
    .count { padding: 0 7px; border-radius: 10px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); font-size: 12px; }
    .file { display: flex; align-items: center; gap: 10px; padding: 6px 0 6px 10px; border-radius: 10px; margin-bottom: 6px; background: var(--mat-sys-surface-container-low); }
    .file.main { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); padding-block: 10px; }
    .icon { flex: none; color: var(--mat-sys-primary); }
    .text { display: flex; flex-direction: column; flex: 1 1 auto; min-width: 0; }
    .name { overflow-wrap: anywhere; font-weight: 500; }
    .meta { font-size: 12px; opacity: 0.8; }
    .error { color: var(--mat-sys-error); margin: 6px 0 0; font-size: 13px; }
    app-file-upload.invalid { border-radius: 12px; outline: 2px solid var(--mat-sys-error); }
  `,
})
export class FilesInput {
  protected readonly language = inject(LanguageService);
  readonly mainFile = model<StoredFileDto | null>(null);
  readonly attachments = model<StoredFileDto[]>([]);
  /** why the main file is refused or missing, in the user's language */
  readonly error = input<string | null>(null);

  protected icon(mediaType: string): string {
    return fileIcon(mediaType);
  }

  protected remove(file: StoredFileDto): void {
    this.attachments.set(this.attachments().filter((candidate) => candidate.id !== file.id));
  }
}
