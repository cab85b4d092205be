import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, Injector, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  DOCUMENT_TYPES,
  DocumentRegisterDto,
  IncomingCounts,
  IncomingDocumentSummaryDto,
  IncomingSearchHitDto,
  IncomingView,
  Permission,
  UnitDto,
  UnitWorkloadDto,
} from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, Observable, Subject, catchError, debounceTime, filter, map, switchMap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { Notifier } from '../../../core/errors/notifier';
import { BilingualLabel } from '../../../core/i18n/language';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { PageHeader } from '../../../shared/page-header/page-header';
import { DocumentMarks } from '../document-marks';
import { DueStatus, dueStatus, formatIsoDate, vietnamToday, vietnamYear } from '../incoming-format';
import { StateBadge } from '../state-badge';
import { ExportDialog, ExportDialogData } from './export-dialog';
import { IncomingCard } from './incoming-card';
import { ListFilters } from './list-filters';
import { ListState, activeFilterCount, parseListState, toApiQuery, toQueryParams, unitListParams, visibleViews } from './list-query';
import { SearchBox } from './search-box';
import { SearchResults } from './search-results';
import { ViewTabs } from './view-tabs';
import { UnitList, WorkloadCard } from './workload-card';

const PAGE_SIZE = 50;
/** Several notifications in a burst (a directive to many units) refresh the list once. */
const LIVE_REFRESH_MS = 800;
const PHONE_QUERY = '(max-width: 599.98px)';

/** One page: documents from a list, or hits from a search (the other one empty). */
interface Loaded {
  documents: IncomingDocumentSummaryDto[];
  hits: IncomingSearchHitDto[];
  nextCursor: string | null;
}

/**
 * Văn bản đến: the working lists (to register, to direct, mine, my unit's, …) with their counts,
 * filters and sort, a search box that switches to ranked results, and the register's export. All
 * of it is read from and written to the address: back, forward and reload give the same list.
 */
@Component({
  selector: 'app-incoming-list-page',
  imports: [
    RouterLink,
    MatCardModule,
    MatChipsModule,
    MatTableModule,
    MatButtonModule,
    MatIconModule,
    TranslatePipe,
    LocalizedLabelPipe,
    VietnamDatePipe,
    PageHeader,
    EmptyState,
    DocumentMarks,
    StateBadge,
    IncomingCard,
    ViewTabs,
    ListFilters,
    SearchBox,
    SearchResults,
    WorkloadCard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incoming-list-page.html',
  styleUrl: './incoming-list-page.scss',
})
export class IncomingListPage {
  private readonly api = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  protected readonly canRegister = this.session.hasAny(Permission.IncomingRegister);
  private readonly isLeader = this.session.hasAny(Permission.IncomingDirect);
  protected readonly phone = toSignal(inject(BreakpointObserver).observe(PHONE_QUERY).pipe(map((state) => state.matches)), { initialValue: false });
  protected readonly columns = ['arrivalNumber', 'arrivedAt', 'issuer', 'numberAndNotation', 'promulgatedOn', 'subject', 'dueOn', 'state'];
  protected readonly today = vietnamToday();
  /** keyed by plain string: mat-table rows reach the template untyped */
  protected readonly typeLabels: Readonly<Record<string, BilingualLabel>> = Object.fromEntries(DOCUMENT_TYPES.map((type) => [type.code, type]));
  protected readonly formatIsoDate = formatIsoDate;

  protected readonly views = visibleViews(this.session.user());
  protected readonly state = signal<ListState>(this.parse());
  protected readonly searching = computed(() => this.state().q !== '');
  protected readonly filterCount = computed(() => activeFilterCount(this.state()));
  /** on a phone the filters fold away behind one button; open by default when some are set */
  protected readonly filtersOpen = signal(activeFilterCount(this.state()) > 0);

  protected readonly registers = signal<DocumentRegisterDto[]>([]);
  protected readonly registerById = computed(() => new Map(this.registers().map((register) => [register.id, register])));
  protected readonly counts = signal<IncomingCounts | null>(null);
  protected readonly workload = signal<UnitWorkloadDto[]>([]);
  /** the agency's units, read once a unit filter is set, to name it on its chip */
  private readonly units = signal<UnitDto[] | null>(null);
  protected readonly unitName = computed(() => {
    const unitId = this.state().unitId;
    return this.units()?.find((unit) => unit.id === unitId)?.name ?? '…';
  });
  protected readonly documents = signal<IncomingDocumentSummaryDto[]>([]);
  protected readonly hits = signal<IncomingSearchHitDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  private readonly pageRequests = new Subject<{ state: ListState; cursor: string | null }>();

  constructor() {
    this.pageRequests
      .pipe(
        switchMap(({ state, cursor }) =>
          this.fetch(state, cursor).pipe(
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
        // a next page adds to what is shown; a first page replaces it
        this.documents.update((current) => (cursor ? [...current, ...page.documents] : page.documents));
        this.hits.update((current) => (cursor ? [...current, ...page.hits] : page.hits));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.loaded.set(true);
      });
    // the address is the source of truth: every change of it (a tab, a filter, back, forward) reloads
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe(() => {
      this.state.set(this.parse());
      if (this.state().unitId && !this.units()) this.loadUnits();
      this.reload();
    });
    this.api.documentRegisters('incoming').subscribe({
      next: (registers) => this.registers.set(registers.filter((register) => register.direction === 'incoming')),
      error: (error: unknown) => this.notifier.error(error),
    });
    this.refreshCounts();
    // something happened to an incoming document (submitted, assigned, done…): the badges follow at
    // once; the list follows too, unless the user has paged further down and would lose their place
    inject(RealtimeService)
      .notifications$.pipe(
        filter((event) => event.kind.startsWith('incoming.')),
        debounceTime(LIVE_REFRESH_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        this.refreshCounts();
        if (!this.searching() && this.documents().length <= PAGE_SIZE && !this.loading()) this.reload();
      });
    if (this.isLeader) this.api.incomingWorkload().subscribe({ next: (rows) => this.workload.set(rows), error: () => this.workload.set([]) });
  }

  /** Writes a change into the address; the subscription above does the rest. */
  protected update(patch: Partial<ListState>, replace = false): void {
    const next = { ...this.state(), ...patch };
    void this.router.navigate([], { relativeTo: this.route, queryParams: toQueryParams(next, this.session.user(), vietnamYear()), replaceUrl: replace });
  }

  /** A new tab starts from its own defaults (its year), keeping the filters the user set. */
  protected chooseView(view: IncomingView): void {
    const params = { get: (name: string) => (name === 'view' ? view : null) };
    this.update({ view, year: parseListState(params, this.session.user(), vietnamYear()).year });
  }

  /** A unit's figure on the workload card: that unit's list, from its own defaults. */
  protected openUnit(list: UnitList): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: unitListParams(list.view, list.unitId) });
  }

  protected search(q: string): void {
    // typing refines the same search: one history entry for it, not one per word
    this.update({ q }, this.searching() && q !== '');
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loading()) return;
    this.loading.set(true);
    this.pageRequests.next({ state: this.state(), cursor });
  }

  protected open(document: IncomingDocumentSummaryDto): void {
    void this.router.navigate([document.id], { relativeTo: this.route });
  }

  protected due(document: IncomingDocumentSummaryDto): DueStatus | null {
    return dueStatus(document.dueOn, document.state, this.today);
  }

  protected exportRegister(): void {
    const data: ExportDialogData = { registers: this.registers(), registerId: this.state().registerId };
    // the route's injector, for the Vietnamese date adapter the route provides (a dialog gets the root's otherwise)
    this.dialog.open(ExportDialog, { data, autoFocus: 'first-tabbable', injector: this.injector });
  }

  private reload(): void {
    this.loading.set(true);
    this.nextCursor.set(null);
    this.pageRequests.next({ state: this.state(), cursor: null });
  }

  private loadUnits(): void {
    this.units.set([]);
    this.api.units().subscribe({ next: (units) => this.units.set(units), error: () => this.units.set(null) });
  }

  private refreshCounts(): void {
    this.api.incomingCounts().subscribe({ next: (counts) => this.counts.set(counts), error: () => this.counts.set(null) });
  }

  private parse(): ListState {
    return parseListState(this.route.snapshot.queryParamMap, this.session.user(), vietnamYear());
  }

  private fetch(state: ListState, cursor: string | null): Observable<Loaded> {
    const page = { cursor: cursor ?? undefined, limit: PAGE_SIZE };
    if (state.q) return this.api.searchIncoming({ q: state.q, ...page }).pipe(map((result) => ({ documents: [], hits: result.items, nextCursor: result.nextCursor })));
    return this.api.incomingDocuments({ ...toApiQuery(state), ...page }).pipe(map((result) => ({ documents: result.items, hits: [], nextCursor: result.nextCursor })));
  }
}
