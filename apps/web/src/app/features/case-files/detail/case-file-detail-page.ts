import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { CaseFileDocumentDto, CaseFileDto, CaseFileHistoryEntryDto, CaseFileNoteDto, CaseFileShareAccess, ClosingReason, LinkDocumentRequest, UserDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { map } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { PageHeader } from '../../../shared/page-header/page-header';
import { saveBlob } from '../../incoming/file-save';
import { CaseFilesApi } from '../case-files-api';
import { closingReasons, historyActionKey, retentionText } from '../case-file-labels';
import { CaseFileStateBadge } from '../case-file-state-badge';
import { LinkDocumentPanel } from './link-document-panel';

const KIND_ICONS: Readonly<Record<string, string>> = { incoming: 'move_to_inbox', outgoing: 'outbox', internal: 'description' };

/**
 * Một hồ sơ: its metadata, its documents (linked, never copied), the panel to link more, notes,
 * shares and the timeline; closing with the reasons it is refused; the archive package for the
 * archivist. A closed file shows everything and offers no change.
 */
@Component({
  selector: 'app-case-file-detail-page',
  imports: [RouterLink, FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslatePipe, VietnamDatePipe, PageHeader, CaseFileStateBadge, LinkDocumentPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-file-detail-page.html',
  styleUrl: './case-file-detail-page.scss',
})
export class CaseFileDetailPage {
  private readonly api = inject(CaseFilesApi);
  private readonly client = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  private readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), { initialValue: '' });

  protected readonly file = signal<CaseFileDto | null>(null);
  protected readonly notes = signal<CaseFileNoteDto[]>([]);
  protected readonly history = signal<CaseFileHistoryEntryDto[]>([]);
  protected readonly reasons = signal<ClosingReason[]>([]);
  protected readonly busy = signal(false);
  protected readonly colleagues = signal<UserDto[]>([]);
  protected readonly open = computed(() => this.file()?.state === 'open');
  protected readonly canContribute = computed(() => this.open() && ['contribute', 'manage'].includes(this.file()?.access ?? ''));
  protected readonly canManage = computed(() => this.open() && this.file()?.access === 'manage');
  protected readonly isArchivist = computed(() => this.file()?.access === 'archive');
  protected readonly kindIcons = KIND_ICONS;
  protected noteText = '';
  protected shareQuery = '';
  protected shareUserId = '';
  protected shareAccess: CaseFileShareAccess = 'read';

  constructor() {
    this.reload();
  }

  protected retention(file: CaseFileDto): string {
    return retentionText(file.retention, this.language.current());
  }

  protected actionKey(action: string): string {
    return historyActionKey(action);
  }

  protected reasonFor(document: CaseFileDocumentDto): ClosingReason[] {
    return this.reasons().filter((reason) => reason.caseFileDocumentId === document.id);
  }

  protected reasonText(reason: ClosingReason): string {
    return this.language.current() === 'en' ? reason.messageEn : reason.message;
  }

  protected reload(): void {
    const id = this.id();
    this.api.get(id).subscribe({ next: (file) => this.file.set(file), error: (error: unknown) => this.notifier.error(error) });
    this.api.notes(id).subscribe({ next: (notes) => this.notes.set(notes), error: () => undefined });
    this.api.history(id).subscribe({ next: (entries) => this.history.set(entries), error: () => undefined });
  }

  private after(request: ReturnType<CaseFilesApi['get']>, success?: string): void {
    this.busy.set(true);
    request.subscribe({
      next: (file) => {
        this.busy.set(false);
        this.file.set(file);
        this.api.history(file.id).subscribe((entries) => this.history.set(entries));
        if (success) this.notifier.success(success);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.error(error);
      },
    });
  }

  protected link(request: LinkDocumentRequest): void {
    this.after(this.api.link(this.id(), request), 'caseFiles.link.added');
  }

  protected unlink(document: CaseFileDocumentDto): void {
    this.after(this.api.unlink(this.id(), document.id));
  }

  protected setPages(document: CaseFileDocumentDto, pages: string): void {
    const pageCount = Number(pages);
    if (!Number.isInteger(pageCount) || pageCount < 1) return;
    this.after(this.api.updateDocument(this.id(), document.id, { pageCount }));
  }

  protected download(document: CaseFileDocumentDto, fileId: string, name: string): void {
    this.api.downloadDocumentFile(this.id(), document.id, fileId).subscribe({ next: (blob) => saveBlob(blob, name), error: (error: unknown) => this.notifier.error(error) });
  }

  protected addNote(): void {
    const text = this.noteText.trim();
    if (!text) return;
    this.api.addNote(this.id(), text).subscribe({
      next: (note) => {
        this.noteText = '';
        this.notes.update((notes) => [...notes, note]);
        this.api.history(this.id()).subscribe((entries) => this.history.set(entries));
      },
      error: (error: unknown) => this.notifier.error(error),
    });
  }

  protected findColleagues(): void {
    this.client.users({ q: this.shareQuery.trim() || undefined, limit: 20 }).subscribe({ next: (page) => this.colleagues.set(page.items), error: (error: unknown) => this.notifier.error(error) });
  }

  protected share(): void {
    if (!this.shareUserId) return;
    this.after(this.api.share(this.id(), this.shareUserId, this.shareAccess), 'caseFiles.share.done');
  }

  protected unshare(userId: string): void {
    this.after(this.api.unshare(this.id(), userId));
  }

  /** Closing: refused with the reasons, shown beside the documents they concern, or done. */
  protected close(): void {
    const file = this.file();
    if (!file) return;
    this.busy.set(true);
    this.api.close(file.id, file.version).subscribe({
      next: (closed) => {
        this.busy.set(false);
        this.reasons.set([]);
        this.file.set(closed);
        this.api.history(closed.id).subscribe((entries) => this.history.set(entries));
        this.notifier.success('caseFiles.close.done');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const reasons = closingReasons(error);
        if (reasons) {
          this.reasons.set(reasons);
          this.api.get(file.id).subscribe((current) => this.file.set(current));
        } else this.notifier.error(error);
      },
    });
  }

  protected downloadPackage(): void {
    const file = this.file();
    if (!file) return;
    this.api.archivePackage(file.id).subscribe({ next: (blob) => saveBlob(blob, `${file.year}.${file.code}.zip`), error: (error: unknown) => this.notifier.error(error) });
  }
}
