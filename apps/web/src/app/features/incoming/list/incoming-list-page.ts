import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DOCUMENT_TYPES, DocumentRegisterDto, IncomingDocumentSummaryDto, Page, Permission } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, Subject, catchError, map, switchMap } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
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
import { IncomingCard } from './incoming-card';

const PAGE_SIZE = 50;
/** Years offered in the filter: this one and the ones before, as far back as anyone looks up a register. */
const YEARS_BACK = 5;
const PHONE_QUERY = '(max-width: 599.98px)';
const ALL = 'all';

/** Sổ văn bản đến: the incoming register, newest arrivals first, one register and year at a time. */
@Component({
  selector: 'app-incoming-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatTableModule,
    MatFormFieldModule,
    MatSelectModule,
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
  protected readonly language = inject(LanguageService);

  protected readonly canRegister = inject(SessionStore).hasAny(Permission.IncomingRegister);
  protected readonly phone = toSignal(inject(BreakpointObserver).observe(PHONE_QUERY).pipe(map((state) => state.matches)), { initialValue: false });
  protected readonly columns = ['arrivalNumber', 'arrivedAt', 'issuer', 'numberAndNotation', 'promulgatedOn', 'subject', 'dueOn', 'state'];
  protected readonly today = vietnamToday();
  protected readonly years = Array.from({ length: YEARS_BACK + 1 }, (_, index) => vietnamYear() - index);
  /** keyed by plain string: mat-table rows reach the template untyped */
  protected readonly typeLabels: Readonly<Record<string, BilingualLabel>> = Object.fromEntries(DOCUMENT_TYPES.map((type) => [type.code, type]));
  protected readonly formatIsoDate = formatIsoDate;

  /** 'all' rather than null: a select shows a null choice as empty, not as "all registers" */
  protected readonly filters = inject(NonNullableFormBuilder).group({
    registerId: [this.route.snapshot.queryParamMap.get('registerId') ?? ALL],
    year: [yearParameter(this.route.snapshot.queryParamMap.get('year'))],
  });
  protected readonly all = ALL;

  protected readonly registers = signal<DocumentRegisterDto[]>([]);
  protected readonly registerById = computed(() => new Map(this.registers().map((register) => [register.id, register])));
  protected readonly documents = signal<IncomingDocumentSummaryDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  private readonly pageRequests = new Subject<string | null>();

  constructor() {
    this.pageRequests
      .pipe(
        switchMap((cursor) =>
          this.api.incomingDocuments({ ...this.query(), cursor: cursor ?? undefined, limit: PAGE_SIZE }).pipe(
            map((page: Page<IncomingDocumentSummaryDto>) => ({ page, cursor })),
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
    this.filters.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.rememberFilters();
      this.reload();
    });
    this.api.documentRegisters('incoming').subscribe({
      next: (registers) => this.registers.set(registers.filter((register) => register.direction === 'incoming')),
      error: (error: unknown) => this.notifier.error(error),
    });
    this.reload();
  }

  protected reload(): void {
    this.loading.set(true);
    this.pageRequests.next(null);
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loading()) return;
    this.loading.set(true);
    this.pageRequests.next(cursor);
  }

  protected open(document: IncomingDocumentSummaryDto): void {
    void this.router.navigate([document.id], { relativeTo: this.route });
  }

  protected due(document: IncomingDocumentSummaryDto): DueStatus | null {
    return dueStatus(document.dueOn, document.state, this.today);
  }

  /** The filters live in the address, so the list comes back as it was after opening a document. */
  private rememberFilters(): void {
    const { registerId, year } = this.filters.getRawValue();
    void this.router.navigate([], { relativeTo: this.route, queryParams: { registerId: registerId === ALL ? null : registerId, year }, replaceUrl: true });
  }

  private query(): { registerId?: string; year?: number } {
    const { registerId, year } = this.filters.getRawValue();
    return { registerId: registerId === ALL ? undefined : registerId, year: year === ALL ? undefined : year };
  }
}

/** `?year=2025` → 2025; `?year=all` → every year; nothing → this year, the register's own unit. */
function yearParameter(value: string | null): number | typeof ALL {
  if (value === ALL) return ALL;
  const year = Number(value);
  return value && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : vietnamYear();
}
