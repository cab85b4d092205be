import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DOCUMENT_TYPES, OutgoingDocumentSummaryDto, OutgoingView, Permission } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, Subject, catchError, map, switchMap } from 'rxjs';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { BilingualLabel } from '../../../core/i18n/language';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { PageHeader } from '../../../shared/page-header/page-header';
import { DocumentMarks } from '../../incoming/document-marks';
import { tabsFor, viewFromParam, viewToParams } from '../list-query';
import { OutgoingApi } from '../outgoing-api';
import { OutgoingStateBadge } from '../outgoing-state-badge';

const PAGE_SIZE = 50;
const PHONE_QUERY = '(max-width: 599.98px)';

/** Văn bản đi: the working lists (my drafts, waiting for me, approved, to issue) as tabs, a page at a time. */
@Component({
  selector: 'app-outgoing-list-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatTableModule,
    MatTabsModule,
    TranslatePipe,
    LocalizedLabelPipe,
    VietnamDatePipe,
    EmptyState,
    PageHeader,
    DocumentMarks,
    OutgoingStateBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outgoing-list-page.html',
  styleUrl: './outgoing-list-page.scss',
})
export class OutgoingListPage {
  private readonly api = inject(OutgoingApi);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly language = inject(LanguageService);

  private readonly session = inject(SessionStore);
  protected readonly canDraft = this.session.hasAny(Permission.OutgoingDraft);
  protected readonly phone = toSignal(inject(BreakpointObserver).observe(PHONE_QUERY).pipe(map((state) => state.matches)), { initialValue: false });
  protected readonly views = tabsFor(this.session.hasAny(Permission.OutgoingCheckForm));
  protected readonly columns = ['subject', 'type', 'drafter', 'signer', 'reviewer', 'updatedAt', 'state'];
  /** keyed by plain string: mat-table rows reach the template untyped */
  protected readonly typeLabels: Readonly<Record<string, BilingualLabel>> = Object.fromEntries(DOCUMENT_TYPES.map((type) => [type.code, type]));

  protected readonly view = signal<OutgoingView>('mine');
  protected readonly documents = signal<OutgoingDocumentSummaryDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  private readonly pageRequests = new Subject<{ view: OutgoingView; cursor: string | null }>();

  constructor() {
    // switchMap: a tab chosen while the previous one still loads wins, its answer is not mixed in
    this.pageRequests
      .pipe(
        switchMap(({ view, cursor }) =>
          this.api.list({ view, cursor: cursor ?? undefined, limit: PAGE_SIZE }).pipe(
            map((page) => ({ page, cursor })),
            catchError((error: unknown) => {
              this.loading.set(false);
              this.notifier.error(error);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ page, cursor }) => {
        this.documents.update((current) => (cursor ? [...current, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.loaded.set(true);
      });
    // the address is the source of truth for the tab: back, forward and reload keep it
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.view.set(viewFromParam(params.get('view')));
      this.loading.set(true);
      this.loaded.set(false);
      this.pageRequests.next({ view: this.view(), cursor: null });
    });
  }

  protected choose(index: number): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: viewToParams(this.views[index]) });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loading()) return;
    this.loading.set(true);
    this.pageRequests.next({ view: this.view(), cursor });
  }

  protected open(document: OutgoingDocumentSummaryDto): void {
    void this.router.navigate([document.id], { relativeTo: this.route });
  }
}
