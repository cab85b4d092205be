import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DraftVersionDto, OutgoingDocumentDto, StoredFileDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { DialogError } from '../../../shared/dialog-error/dialog-error';
import { FileUpload } from '../../../shared/file-upload/file-upload';
import { fileIcon, saveBlob } from '../../incoming/file-save';
import { availableActions } from '../outgoing-actions';
import { OutgoingApi } from '../outgoing-api';
import { ComparisonRow, comparisonRows, readableSize } from '../version-compare';
import { Failure, failureOf } from './failure';

/** The main file of a draft: PDF or Word (the API refuses the rest). */
const DRAFT_TYPES = 'application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The versions of the draft, newest first: download, a new one with a note (the drafter), and what changed between two. */
@Component({
  selector: 'app-outgoing-versions',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslatePipe, VietnamDatePipe, DialogError, FileUpload],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="versions">
      <h2>{{ 'outgoing.versions.title' | translate }}</h2>
      <ul class="list" data-testid="outgoing-versions">
        @for (version of newestFirst(); track version.id) {
          <li>
            <div class="line">
              <strong>{{ 'outgoing.versions.number' | translate: { number: version.number } }}</strong>
              <button mat-button type="button" (click)="download(version.file)" [attr.data-testid]="'outgoing-download-' + version.number">
                <mat-icon>{{ icon(version.file) }}</mat-icon>{{ version.file.originalName }}
              </button>
              <span class="meta">{{ size(version.file) }} · {{ version.uploadedBy?.fullName ?? '—' }} · {{ version.uploadedAt | vietnamDate: 'dateTime' }}</span>
            </div>
            @if (version.convertedFromNumber) {
              <span class="meta">{{ 'outgoing.versions.convertedFrom' | translate: { number: version.convertedFromNumber } }}</span>
            }
            @if (version.note) {
              <span class="note">{{ version.note }}</span>
            }
            @for (attachment of version.attachments; track attachment.id) {
              <button mat-button type="button" class="attachment" (click)="download(attachment)">
                <mat-icon>attach_file</mat-icon>{{ attachment.originalName }}
              </button>
            }
          </li>
        }
      </ul>

      @if (versions().length > 1) {
        <div class="compare">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'outgoing.compare.from' | translate }}</mat-label>
            <mat-select [(ngModel)]="from" data-testid="outgoing-compare-from">
              @for (version of versions(); track version.id) {
                <mat-option [value]="version.number">{{ 'outgoing.versions.number' | translate: { number: version.number } }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'outgoing.compare.to' | translate }}</mat-label>
            <mat-select [(ngModel)]="to" data-testid="outgoing-compare-to">
              @for (version of versions(); track version.id) {
                <mat-option [value]="version.number">{{ 'outgoing.versions.number' | translate: { number: version.number } }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button mat-stroked-button type="button" [disabled]="!from || !to || from === to" (click)="compare()" data-testid="outgoing-compare">
            <mat-icon>compare_arrows</mat-icon>{{ 'outgoing.compare.button' | translate }}
          </button>
        </div>
        @if (comparison(); as result) {
          @if (result.rows.length === 0) {
            <p class="meta">{{ 'outgoing.compare.same' | translate }}</p>
          } @else {
            <table class="diff" data-testid="outgoing-comparison">
              <thead>
                <tr><th></th><th>{{ 'outgoing.versions.number' | translate: { number: result.from } }}</th><th>{{ 'outgoing.versions.number' | translate: { number: result.to } }}</th></tr>
              </thead>
              <tbody>
                @for (row of result.rows; track row.labelKey) {
                  <tr><th scope="row">{{ row.labelKey | translate }}</th><td>{{ row.from }}</td><td>{{ row.to }}</td></tr>
                }
              </tbody>
            </table>
            @if (result.sameContent) {
              <p class="meta">{{ 'outgoing.compare.sameContent' | translate }}</p>
            }
          }
        }
      }

      @if (editable()) {
        <div class="new-version" data-testid="outgoing-new-version">
          <h3>{{ 'outgoing.versions.add' | translate }}</h3>
          @if (failure(); as failed) {
            <app-dialog-error [message]="failed.message" [conflict]="failed.conflict" (reload)="reload.emit()" />
          }
          @if (newFile(); as file) {
            <p class="picked"><mat-icon>{{ icon(file) }}</mat-icon>{{ file.originalName }} ({{ size(file) }})</p>
          } @else {
            <app-file-upload [accept]="draftTypes" (uploaded)="newFile.set($event)" />
          }
          <mat-form-field appearance="outline" class="wide">
            <mat-label>{{ 'outgoing.versions.note' | translate }}</mat-label>
            <input matInput maxlength="500" [(ngModel)]="note" data-testid="outgoing-version-note" />
          </mat-form-field>
          <div class="buttons">
            @if (newFile()) {
              <button mat-button type="button" (click)="newFile.set(null)">{{ 'common.cancel' | translate }}</button>
            }
            <button mat-flat-button type="button" [disabled]="!newFile() || busy()" (click)="addVersion()" data-testid="outgoing-version-save">
              {{ 'outgoing.versions.save' | translate }}
            </button>
          </div>
        </div>
      }
    </mat-card>
  `,
  styles: `
    .versions { padding: 16px; }
    h2 { margin: 0 0 8px; font: var(--mat-sys-title-medium); }
    h3 { margin: 16px 0 8px; font: var(--mat-sys-title-small); }
    .list { list-style: none; margin: 0; padding: 0; }
    .list li { display: flex; flex-direction: column; align-items: flex-start; padding: 8px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .line { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
    .meta { font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .note { font-size: 14px; font-style: italic; }
    .attachment { font-size: 13px; }
    .compare { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; margin-top: 12px; }
    .diff { width: 100%; border-collapse: collapse; font-size: 14px; }
    .diff th, .diff td { text-align: start; padding: 6px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); word-break: break-word; }
    .wide { width: 100%; margin-top: 8px; }
    .picked { display: flex; gap: 8px; align-items: center; }
    .buttons { display: flex; justify-content: flex-end; gap: 8px; }
  `,
})
export class VersionsPanel {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  protected readonly draftTypes = DRAFT_TYPES;

  readonly document = input.required<OutgoingDocumentDto>();
  readonly versions = input.required<DraftVersionDto[]>();
  readonly changed = output<void>();
  readonly reload = output<void>();

  protected readonly newestFirst = computed(() => [...this.versions()].sort((a, b) => b.number - a.number));
  protected readonly editable = computed(() => availableActions(this.document(), this.session.user()).edit);
  protected readonly comparison = signal<{ from: number; to: number; rows: ComparisonRow[]; sameContent: boolean } | null>(null);
  protected readonly newFile = signal<StoredFileDto | null>(null);
  protected readonly busy = signal(false);
  /** cleared when the draft is read again (after a reload offered by a 409, the message would be stale) */
  protected readonly failure = linkedSignal<OutgoingDocumentDto, Failure | null>({ source: this.document, computation: () => null });
  protected from = 0;
  protected to = 0;
  protected note = '';

  protected icon(file: StoredFileDto): string {
    return fileIcon(file.mediaType);
  }
  protected size(file: StoredFileDto): string {
    return readableSize(file.size);
  }

  protected download(file: StoredFileDto): void {
    this.api.download(this.document().id, file.id).subscribe({ next: (blob) => saveBlob(blob, file.originalName), error: (error: unknown) => this.notifier.error(error) });
  }

  protected compare(): void {
    const [from, to] = [this.from, this.to];
    this.api.compare(this.document().id, from, to).subscribe({
      next: (result) => this.comparison.set({ from, to, rows: comparisonRows(result.changes), sameContent: result.sameContent }),
      error: (error: unknown) => this.notifier.error(error),
    });
  }

  protected addVersion(): void {
    const file = this.newFile();
    if (!file || this.busy()) return;
    const doc = this.document();
    this.busy.set(true);
    this.failure.set(null);
    // attachments left out: the API keeps the previous version's
    this.api.addVersion(doc.id, { mainFileId: file.id, note: this.note.trim() || null, version: doc.version }).subscribe({
      next: () => {
        this.busy.set(false);
        this.newFile.set(null);
        this.note = '';
        this.notifier.success('outgoing.versions.added');
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(failureOf(error, this.notifier));
      },
    });
  }
}
