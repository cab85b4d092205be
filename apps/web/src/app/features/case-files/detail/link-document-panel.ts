import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { CaseFileDocumentKind, LinkDocumentRequest, StoredFileDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiClient } from '../../../core/api/api-client';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { FileUpload } from '../../../shared/file-upload/file-upload';
import { OutgoingApi } from '../../outgoing/outgoing-api';

/** A document found by the search, as the panel lists it. */
interface Candidate {
  id: string;
  kind: Exclude<CaseFileDocumentKind, 'internal'>;
  title: string;
  number: string | null;
  date: string | null;
}

/**
 * Đưa văn bản vào hồ sơ: find an incoming document (the search only finds what the person may
 * see) or one of their outgoing documents, or upload an internal paper with what the archive
 * needs to know of it. Emits the request; the page sends it.
 */
@Component({
  selector: 'app-link-document-panel',
  imports: [FormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe, VietnamDatePipe, FileUpload],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group [(ngModel)]="kind" name="kind" class="kinds" [hideSingleSelectionIndicator]="true">
      <mat-button-toggle value="incoming" data-testid="link-kind-incoming">{{ 'caseFiles.kind.incoming' | translate }}</mat-button-toggle>
      <mat-button-toggle value="outgoing" data-testid="link-kind-outgoing">{{ 'caseFiles.kind.outgoing' | translate }}</mat-button-toggle>
      <mat-button-toggle value="internal" data-testid="link-kind-internal">{{ 'caseFiles.kind.internal' | translate }}</mat-button-toggle>
    </mat-button-toggle-group>

    @if (kind !== 'internal') {
      <form class="search" (ngSubmit)="search()">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'caseFiles.link.search' | translate }}</mat-label>
          <input matInput name="q" [(ngModel)]="q" data-testid="link-search" />
        </mat-form-field>
        <button mat-stroked-button type="submit" data-testid="link-search-button"><mat-icon>search</mat-icon>{{ 'caseFiles.link.find' | translate }}</button>
      </form>
      <ul class="candidates" data-testid="link-candidates">
        @for (candidate of candidates(); track candidate.id) {
          <li>
            <div>
              <div class="title">{{ candidate.title }}</div>
              <div class="meta">{{ candidate.number ?? '—' }} · {{ candidate.date | vietnamDate }}</div>
            </div>
            <button mat-stroked-button [disabled]="busy()" (click)="choose(candidate)" data-testid="link-candidate">{{ 'caseFiles.link.add' | translate }}</button>
          </li>
        } @empty {
          @if (searched()) {
            <li class="none">{{ 'caseFiles.link.none' | translate }}</li>
          }
        }
      </ul>
    } @else {
      <app-file-upload (uploaded)="file.set($event)" />
      @if (file(); as uploaded) {
        <p class="uploaded"><mat-icon>attach_file</mat-icon>{{ uploaded.originalName }}</p>
      }
      <form class="internal" (ngSubmit)="addInternal()">
        <mat-form-field appearance="outline" class="wide"><mat-label>{{ 'caseFiles.fields.documentTitle' | translate }}</mat-label><input matInput name="title" [(ngModel)]="title" required minlength="3" /></mat-form-field>
        <mat-form-field appearance="outline"><mat-label>{{ 'caseFiles.fields.number' | translate }}</mat-label><input matInput name="number" [(ngModel)]="number" /></mat-form-field>
        <mat-form-field appearance="outline"><mat-label>{{ 'caseFiles.fields.documentDate' | translate }}</mat-label><input matInput type="date" name="date" [(ngModel)]="date" /></mat-form-field>
        <mat-form-field appearance="outline"><mat-label>{{ 'caseFiles.fields.typeName' | translate }}</mat-label><input matInput name="type" [(ngModel)]="typeName" /></mat-form-field>
        <mat-form-field appearance="outline"><mat-label>{{ 'caseFiles.fields.author' | translate }}</mat-label><input matInput name="author" [(ngModel)]="author" /></mat-form-field>
        <mat-form-field appearance="outline"><mat-label>{{ 'caseFiles.fields.pages' | translate }}</mat-label><input matInput type="number" min="1" name="pages" [(ngModel)]="pages" /></mat-form-field>
        <button mat-flat-button type="submit" [disabled]="!file() || busy()">{{ 'caseFiles.link.addInternal' | translate }}</button>
      </form>
    }
  `,
  styles: `
    :host { display: block; }
    .kinds { margin-bottom: 12px; flex-wrap: wrap; }
    .search, .internal { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .search mat-form-field { flex: 1 1 260px; }
    .internal mat-form-field { flex: 1 1 200px; }
    .internal .wide { flex-basis: 100%; }
    .candidates { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-direction: column; gap: 6px; }
    .candidates li { display: flex; gap: 12px; justify-content: space-between; align-items: center; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-surface-container-low); }
    .title { font-weight: 500; }
    .meta { font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .none { color: var(--mat-sys-on-surface-variant); }
    .uploaded { display: flex; align-items: center; gap: 6px; }
  `,
})
export class LinkDocumentPanel {
  private readonly api = inject(ApiClient);
  private readonly outgoing = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);

  readonly busy = input(false);
  readonly link = output<LinkDocumentRequest>();

  protected kind: CaseFileDocumentKind = 'incoming';
  protected q = '';
  protected readonly candidates = signal<Candidate[]>([]);
  protected readonly searched = signal(false);
  protected readonly file = signal<StoredFileDto | null>(null);
  protected title = '';
  protected number = '';
  protected date = '';
  protected typeName = '';
  protected author = '';
  protected pages: number | null = null;

  protected search(): void {
    const q = this.q.trim();
    const done = (found: Candidate[]) => {
      this.candidates.set(found);
      this.searched.set(true);
    };
    const failed = (error: unknown) => this.notifier.error(error);
    if (this.kind === 'incoming') {
      if (!q) {
        this.api.incomingDocuments({ view: 'all', limit: 20 }).subscribe({ next: (page) => done(page.items.map((document) => ({ id: document.id, kind: 'incoming', title: document.subject, number: document.numberAndNotation, date: document.promulgatedOn }))), error: failed });
        return;
      }
      this.api.searchIncoming({ q, limit: 20 }).subscribe({
        next: (page) => done(page.items.map(({ document }) => ({ id: document.id, kind: 'incoming', title: document.subject, number: document.numberAndNotation, date: document.promulgatedOn }))),
        error: failed,
      });
      return;
    }
    // outgoing: the person's own drafts and those waiting for them, filtered here by the words typed
    const words = q.toLocaleLowerCase('vi');
    this.outgoing.list({ view: 'mine', limit: 100 }).subscribe({
      next: (page) => done(page.items.filter((document) => document.subject.toLocaleLowerCase('vi').includes(words)).map((document) => ({ id: document.id, kind: 'outgoing', title: document.subject, number: null, date: document.updatedAt }))),
      error: failed,
    });
  }

  protected choose(candidate: Candidate): void {
    this.link.emit({ kind: candidate.kind, documentId: candidate.id });
  }

  protected addInternal(): void {
    const file = this.file();
    if (!file) return;
    this.link.emit({
      kind: 'internal',
      fileId: file.id,
      title: this.title.trim(),
      numberAndNotation: this.number.trim() || null,
      documentDate: this.date || null,
      typeName: this.typeName.trim() || null,
      author: this.author.trim() || null,
      pageCount: this.pages ? Number(this.pages) : null,
    });
    this.file.set(null);
    this.title = this.number = this.date = this.typeName = this.author = '';
    this.pages = null;
  }
}
