import { HttpResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { CompletionDto, DashboardOverviewDto, DashboardTable, DECISION_KIND_LABELS, DecisionDto, EGovernmentFiguresDto, MeetingsTileDto } from '@app/contracts';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { BaseChartDirective } from 'ng2-charts';
import { forkJoin } from 'rxjs';
import { Notifier } from '../../core/errors/notifier';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../core/i18n/localized-label.pipe';
import { VietnamDatePipe } from '../../core/i18n/vietnam-date.pipe';
import { PageHeader } from '../../shared/page-header/page-header';
import { unitListParams } from '../incoming/list/list-query';
import { vietnameseDate } from '../tasks/task-labels';
import { DashboardApi } from './dashboard-api';
import { ChartLabels, completionChart, openWorkChart, taskStateChart } from './dashboard-charts';
import { DashboardLive } from './dashboard-live';

/**
 * Bảng điều hành: this week's and this year's documents, open work by unit (a count opens that
 * unit's documents), tasks by state and unit, on-time completion, what waits for this leader, and
 * the quarter's e-government figures — with charts, exports, and live refresh.
 */
@Component({
  selector: 'app-dashboard-page',
  imports: [RouterLink, FormsModule, MatButtonModule, MatCardModule, MatIconModule, MatMenuModule, MatSelectModule, TranslatePipe, LocalizedLabelPipe, VietnamDatePipe, PageHeader, BaseChartDirective],
  providers: [DashboardLive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly notifier = inject(Notifier);
  private readonly translate = inject(TranslateService);
  protected readonly language = inject(LanguageService);
  protected readonly decisionLabels = DECISION_KIND_LABELS;
  /** a unit's figure opens the incoming list filtered to that unit (its chip names it and can be removed) */
  protected readonly unitList = unitListParams;

  protected readonly overview = signal<DashboardOverviewDto | null>(null);
  protected readonly completion = signal<CompletionDto | null>(null);
  protected readonly decisions = signal<DecisionDto[]>([]);
  protected readonly figures = signal<EGovernmentFiguresDto | null>(null);
  protected readonly meetings = signal<MeetingsTileDto | null>(null);
  protected readonly quarters = recentQuarters();
  protected quarter = this.quarters[0].key;

  private readonly labels = computed<ChartLabels>(() => {
    this.language.current();
    const t = (key: string) => this.translate.instant(key) as string;
    return {
      inProgress: t('dashboard.openWork.inProgress'),
      dueSoon: t('dashboard.openWork.dueSoon'),
      overdue: t('dashboard.openWork.overdue'),
      onTime: t('dashboard.completion.rate'),
      states: { assigned: t('dashboard.tasks.assigned'), in_progress: t('dashboard.tasks.inProgress'), completed: t('dashboard.tasks.completed'), accepted: t('dashboard.tasks.accepted') },
    };
  });
  protected readonly openWorkData = computed(() => (this.overview() ? openWorkChart(this.overview() as DashboardOverviewDto, this.labels()) : null));
  protected readonly taskData = computed(() => (this.overview() ? taskStateChart(this.overview() as DashboardOverviewDto, this.labels()) : null));
  protected readonly completionData = computed(() => (this.completion() ? completionChart(this.completion() as CompletionDto, this.labels()) : null));
  protected readonly barOptions = { responsive: true, maintainAspectRatio: false, indexAxis: 'y' as const, scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } } };
  protected readonly rateOptions = { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, max: 100 } } };
  protected readonly doughnutOptions = { responsive: true, maintainAspectRatio: false };

  constructor() {
    this.load();
    this.loadFigures();
    inject(DashboardLive)
      .refreshed$.pipe(takeUntilDestroyed())
      .subscribe(() => this.load());
  }

  protected load(): void {
    forkJoin({ overview: this.api.overview(), completion: this.api.completion(), decisions: this.api.decisions(), meetings: this.api.meetings() }).subscribe({
      next: ({ overview, completion, decisions, meetings }) => {
        this.overview.set(overview);
        this.completion.set(completion);
        this.decisions.set(decisions);
        this.meetings.set(meetings);
      },
      error: (error: unknown) => this.notifier.error(error),
    });
  }

  protected loadFigures(): void {
    const [year, quarter] = this.quarter.split('-').map(Number);
    this.api.eGovernment(year, quarter).subscribe({ next: (figures) => this.figures.set(figures), error: (error: unknown) => this.notifier.error(error) });
  }

  protected percent(value: number | null | undefined): string {
    return value === null || value === undefined ? '—' : `${(value * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
  }

  protected days(value: number | null): string {
    return value === null ? '—' : value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  }

  protected date(value: string | null): string {
    return vietnameseDate(value);
  }

  protected export(table: DashboardTable, format: 'xlsx' | 'pdf' = 'xlsx'): void {
    const [year, quarter] = this.quarter.split('-').map(Number);
    this.api.export(table, format, table === 'e-government' ? { year, quarter } : undefined).subscribe({
      next: (response) => save(response),
      error: (error: unknown) => this.notifier.error(error),
    });
  }
}

/** The current reporting quarter and the seven before it, newest first (Q1 starts on 15 December). */
function recentQuarters(): { key: string; year: number; quarter: number }[] {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  let year = Number(today.slice(0, 4));
  const monthDay = today.slice(5);
  let quarter = monthDay >= '12-15' ? 1 : monthDay >= '09-15' ? 4 : monthDay >= '06-15' ? 3 : monthDay >= '03-15' ? 2 : 1;
  if (monthDay >= '12-15') year += 1;
  const list: { key: string; year: number; quarter: number }[] = [];
  for (let index = 0; index < 8; index += 1) {
    list.push({ key: `${year}-${quarter}`, year, quarter });
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return list;
}

/** Hands an export to the browser under the name the API gave it. */
function save(response: HttpResponse<Blob>): void {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'bao-cao');
  const url = URL.createObjectURL(response.body as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
