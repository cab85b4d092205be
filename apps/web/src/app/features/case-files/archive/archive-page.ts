import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ArchiveHandoverDto, BorrowRequestDto, CaseFileSummaryDto, Permission, RetentionExpiryDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { PageHeader } from '../../../shared/page-header/page-header';
import { saveBlob } from '../../incoming/file-save';
import { CaseFilesApi } from '../case-files-api';
import { retentionText } from '../case-file-labels';

type Tab = 'catalogue' | 'borrowing' | 'handovers' | 'expiry';

/**
 * Lưu trữ cơ quan: the catalogue of archived case files (search, ask to borrow), borrowing
 * requests, and for the archivist the handovers (receive closed files, print the list and the
 * record) and the files whose retention has run out.
 */
@Component({
  selector: 'app-archive-page',
  imports: [RouterLink, FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, MatTabsModule, TranslatePipe, VietnamDatePipe, EmptyState, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="'caseFiles.archive.title' | translate" [subtitle]="'caseFiles.archive.subtitle' | translate">
      <a mat-button routerLink="/case-files"><mat-icon>arrow_back</mat-icon>{{ 'caseFiles.back' | translate }}</a>
    </app-page-header>
    <mat-tab-group [selectedIndex]="tabs.indexOf(tab())" (selectedIndexChange)="choose(tabs[$event])" mat-stretch-tabs="false">
      @for (each of tabs; track each) {
        <mat-tab [label]="'caseFiles.archive.tabs.' + each | translate" />
      }
    </mat-tab-group>

    @switch (tab()) {
      @case ('catalogue') {
        <form class="inline" (ngSubmit)="search()">
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow"><mat-label>{{ 'caseFiles.search' | translate }}</mat-label><input matInput name="q" [(ngModel)]="q" /></mat-form-field>
          <button mat-stroked-button type="submit"><mat-icon>search</mat-icon>{{ 'caseFiles.link.find' | translate }}</button>
        </form>
        <ul class="rows">
          @for (file of catalogue(); track file.id) {
            <li>
              <div><strong>{{ file.code }}</strong> {{ file.title }}<div class="meta">{{ file.keeper.fullName }} · {{ file.startDate | vietnamDate }} – {{ file.endDate | vietnamDate }} · {{ retention(file) }}</div></div>
              @if (borrowing() === file.id) {
                <form class="inline" (ngSubmit)="borrow(file)">
                  <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>{{ 'caseFiles.archive.purpose' | translate }}</mat-label><input matInput name="purpose" [(ngModel)]="purpose" required /></mat-form-field>
                  <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>{{ 'caseFiles.archive.until' | translate }}</mat-label><input matInput type="date" name="until" [(ngModel)]="until" required /></mat-form-field>
                  <button mat-flat-button type="submit">{{ 'caseFiles.archive.send' | translate }}</button>
                </form>
              } @else {
                <button mat-stroked-button (click)="borrowing.set(file.id)">{{ 'caseFiles.archive.borrow' | translate }}</button>
              }
            </li>
          } @empty {
            <app-empty-state icon="inventory_2" [message]="'caseFiles.archive.emptyCatalogue' | translate" />
          }
        </ul>
      }
      @case ('borrowing') {
        <ul class="rows">
          @for (loan of loans(); track loan.id) {
            <li>
              <div>
                <strong>{{ loan.caseFile.code }}</strong> {{ loan.caseFile.title }}
                <div class="meta">{{ loan.requester.fullName }} · {{ loan.purpose }} · {{ 'caseFiles.archive.untilDate' | translate: { date: (loan.until | vietnamDate) } }} · {{ 'caseFiles.archive.loanState.' + loan.state | translate }}</div>
              </div>
              @if (isArchivist && loan.state === 'pending') {
                <span class="buttons">
                  <button mat-flat-button (click)="decide(loan, 'approve')">{{ 'caseFiles.archive.approve' | translate }}</button>
                  <button mat-stroked-button (click)="decide(loan, 'refuse')">{{ 'caseFiles.archive.refuse' | translate }}</button>
                </span>
              } @else if (isArchivist && loan.state === 'approved') {
                <button mat-stroked-button (click)="decide(loan, 'return')">{{ 'caseFiles.archive.returned' | translate }}</button>
              } @else if (loan.state === 'approved') {
                <a mat-stroked-button [routerLink]="['/case-files', loan.caseFile.id]">{{ 'caseFiles.archive.read' | translate }}</a>
              }
            </li>
          } @empty {
            <app-empty-state icon="assignment_return" [message]="'caseFiles.archive.noLoans' | translate" />
          }
        </ul>
      }
      @case ('handovers') {
        <h2>{{ 'caseFiles.archive.waiting' | translate }}</h2>
        <ul class="rows" data-testid="to-hand-over">
          @for (file of waiting(); track file.id) {
            <li>
              <mat-checkbox [checked]="chosen().includes(file.id)" (change)="toggle(file.id)"><strong>{{ file.code }}</strong> {{ file.title }}</mat-checkbox>
              <span class="meta">{{ file.unit?.name }} · {{ retention(file) }} · {{ 'caseFiles.handoverDue' | translate: { date: (file.handoverDueOn | vietnamDate) } }}</span>
            </li>
          } @empty {
            <app-empty-state icon="task_alt" [message]="'caseFiles.archive.nothingWaiting' | translate" />
          }
        </ul>
        @if (waiting().length) {
          <button mat-flat-button [disabled]="!chosen().length" (click)="receive()" data-testid="receive-handover">{{ 'caseFiles.archive.receive' | translate: { count: chosen().length } }}</button>
        }
        <h2>{{ 'caseFiles.archive.handovers' | translate }}</h2>
        <ul class="rows">
          @for (handover of handovers(); track handover.id) {
            <li>
              <div>
                <strong>{{ 'caseFiles.archive.handoverNumber' | translate: { number: handover.number } }}</strong> · {{ handover.unit?.name }}
                <div class="meta">{{ handover.receivedAt | vietnamDate: 'dateTime' }} · {{ 'caseFiles.archive.handoverCounts' | translate: { files: handover.fileCount, documents: handover.documentCount, pages: handover.pageCount } }}</div>
              </div>
              <span class="buttons">
                <button mat-stroked-button (click)="pdf(handover, 'list')"><mat-icon>list_alt</mat-icon>{{ 'caseFiles.archive.list' | translate }}</button>
                <button mat-stroked-button (click)="pdf(handover, 'record')"><mat-icon>description</mat-icon>{{ 'caseFiles.archive.record' | translate }}</button>
              </span>
            </li>
          }
        </ul>
      }
      @case ('expiry') {
        <ul class="rows">
          @for (row of expiring(); track row.caseFile.id) {
            <li>
              <a [routerLink]="['/case-files', row.caseFile.id]"><strong>{{ row.caseFile.code }}</strong> {{ row.caseFile.title }}</a>
              <span class="meta">{{ retention(row.caseFile) }} · {{ 'caseFiles.archive.expiresOn' | translate: { date: (row.expiresOn | vietnamDate) } }}</span>
            </li>
          } @empty {
            <app-empty-state icon="event_available" [message]="'caseFiles.archive.noneExpiring' | translate" />
          }
        </ul>
      }
    }
  `,
  styles: `
    .inline { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 12px 0; }
    .grow { flex: 1 1 260px; max-width: 480px; }
    .rows { list-style: none; padding: 0; margin: 12px 0; display: flex; flex-direction: column; gap: 8px; }
    .rows li { display: flex; flex-wrap: wrap; gap: 8px 16px; justify-content: space-between; align-items: center; padding: 10px 14px; border-radius: 12px; background: var(--mat-sys-surface-container-low); }
    .meta { font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .buttons { display: flex; gap: 8px; flex-wrap: wrap; }
    h2 { font: var(--mat-sys-title-medium); margin: 16px 0 0; }
  `,
})
export class ArchivePage {
  private readonly api = inject(CaseFilesApi);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);

  protected readonly isArchivist = inject(SessionStore).hasAny(Permission.ArchiveManage);
  protected readonly tabs: Tab[] = this.isArchivist ? ['catalogue', 'borrowing', 'handovers', 'expiry'] : ['catalogue', 'borrowing'];
  protected readonly tab = signal<Tab>('catalogue');
  protected readonly catalogue = signal<CaseFileSummaryDto[]>([]);
  protected readonly loans = signal<BorrowRequestDto[]>([]);
  protected readonly waiting = signal<CaseFileSummaryDto[]>([]);
  protected readonly chosen = signal<string[]>([]);
  protected readonly handovers = signal<ArchiveHandoverDto[]>([]);
  protected readonly expiring = signal<RetentionExpiryDto[]>([]);
  protected readonly borrowing = signal<string | null>(null);
  protected q = '';
  protected purpose = '';
  protected until = '';

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const wanted = params.get('tab') as Tab | null;
      this.tab.set(wanted && this.tabs.includes(wanted) ? wanted : 'catalogue');
      this.load();
    });
  }

  protected choose(tab: Tab): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { tab } });
  }

  protected retention(file: CaseFileSummaryDto): string {
    return retentionText(file.retention, this.language.current());
  }

  private readonly failed = (error: unknown) => this.notifier.error(error);

  private load(): void {
    switch (this.tab()) {
      case 'catalogue':
        return this.search();
      case 'borrowing':
        this.api.borrowRequests().subscribe({ next: (loans) => this.loans.set(loans), error: this.failed });
        return;
      case 'handovers':
        this.api.list({ view: 'to_hand_over', limit: 200 }).subscribe({ next: (page) => this.waiting.set(page.items), error: this.failed });
        this.api.handovers().subscribe({ next: (handovers) => this.handovers.set(handovers), error: this.failed });
        return;
      case 'expiry':
        this.api.retentionExpiry().subscribe({ next: (rows) => this.expiring.set(rows), error: this.failed });
    }
  }

  protected search(): void {
    this.api.list({ view: 'archive', q: this.q.trim() || undefined, limit: 100 }).subscribe({ next: (page) => this.catalogue.set(page.items), error: this.failed });
  }

  protected borrow(file: CaseFileSummaryDto): void {
    this.api.borrow({ caseFileId: file.id, purpose: this.purpose.trim(), until: this.until }).subscribe({
      next: () => {
        this.borrowing.set(null);
        this.purpose = this.until = '';
        this.notifier.success('caseFiles.archive.requested');
      },
      error: this.failed,
    });
  }

  protected decide(loan: BorrowRequestDto, decision: 'approve' | 'refuse' | 'return'): void {
    this.api.decideBorrow(loan.id, decision, loan.version).subscribe({ next: (updated) => this.loans.update((loans) => loans.map((each) => (each.id === updated.id ? updated : each))), error: this.failed });
  }

  protected toggle(id: string): void {
    this.chosen.update((chosen) => (chosen.includes(id) ? chosen.filter((each) => each !== id) : [...chosen, id]));
  }

  protected receive(): void {
    this.api.receive(this.chosen()).subscribe({
      next: (handover) => {
        this.chosen.set([]);
        this.notifier.success('caseFiles.archive.received', { number: handover.number });
        this.load();
      },
      error: this.failed,
    });
  }

  protected pdf(handover: ArchiveHandoverDto, which: 'list' | 'record'): void {
    const name = `${which === 'list' ? 'muc-luc-ho-so-nop-luu' : 'bien-ban-giao-nhan'}-${handover.number.replace('/', '-')}.pdf`;
    this.api.handoverPdf(handover.id, which).subscribe({ next: (blob) => saveBlob(blob, name), error: this.failed });
  }
}
