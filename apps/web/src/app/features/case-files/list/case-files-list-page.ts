import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CaseFileListQuery, CaseFileSummaryDto, Permission } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { EMPTY, Subject, catchError, map, switchMap } from 'rxjs';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { EmptyState } from '../../../shared/empty-state/empty-state';
import { PageHeader } from '../../../shared/page-header/page-header';
import { CaseFilesApi } from '../case-files-api';
import { retentionText } from '../case-file-labels';
import { CaseFileStateBadge } from '../case-file-state-badge';

type View = NonNullable<CaseFileListQuery['view']> | 'all';
const PAGE_SIZE = 50;

/** Hồ sơ công việc: my case files, those shared with me, my unit's, those waiting for the archive. */
@Component({
  selector: 'app-case-files-list-page',
  imports: [RouterLink, FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatTabsModule, TranslatePipe, VietnamDatePipe, EmptyState, PageHeader, CaseFileStateBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="'caseFiles.title' | translate" [subtitle]="'caseFiles.subtitle' | translate">
      <a mat-stroked-button routerLink="plan"><mat-icon>checklist</mat-icon>{{ 'caseFiles.plan.title' | translate }}</a>
      @if (canReadArchive) {
        <a mat-stroked-button routerLink="archive"><mat-icon>inventory_2</mat-icon>{{ 'caseFiles.archive.title' | translate }}</a>
      }
      @if (canKeep) {
        <a mat-flat-button routerLink="new" data-testid="open-case-file"><mat-icon>create_new_folder</mat-icon>{{ 'caseFiles.open.title' | translate }}</a>
      }
    </app-page-header>

    <mat-tab-group [selectedIndex]="views.indexOf(view())" (selectedIndexChange)="choose(views[$event])" mat-stretch-tabs="false">
      @for (each of views; track each) {
        <mat-tab [label]="'caseFiles.views.' + each | translate" />
      }
    </mat-tab-group>

    <form class="search" (ngSubmit)="reload()">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'caseFiles.search' | translate }}</mat-label>
        <input matInput name="q" [(ngModel)]="q" />
        <mat-icon matSuffix>search</mat-icon>
      </mat-form-field>
    </form>

    <div class="files" data-testid="case-file-list">
      @for (file of files(); track file.id) {
        <a class="file" [routerLink]="file.id" data-testid="case-file-row">
          <div class="main">
            <span class="code">{{ file.code }}</span>
            <span class="title">{{ file.title }}</span>
          </div>
          <div class="facts">
            <app-case-file-state-badge [state]="file.state" />
            <span><mat-icon aria-hidden="true">person</mat-icon>{{ file.keeper.fullName }}</span>
            <span><mat-icon aria-hidden="true">event</mat-icon>{{ file.startDate | vietnamDate }}</span>
            <span><mat-icon aria-hidden="true">schedule</mat-icon>{{ retention(file) }}</span>
            <span><mat-icon aria-hidden="true">description</mat-icon>{{ 'caseFiles.documentCount' | translate: { count: file.documentCount } }}</span>
            @if (file.handoverDueOn) {
              <span class="due"><mat-icon aria-hidden="true">alarm</mat-icon>{{ 'caseFiles.handoverDue' | translate: { date: (file.handoverDueOn | vietnamDate) } }}</span>
            }
          </div>
        </a>
      } @empty {
        @if (loaded()) {
          <app-empty-state icon="folder_off" [message]="'caseFiles.empty' | translate" />
        }
      }
    </div>
    @if (nextCursor()) {
      <button mat-button (click)="more()" [disabled]="loading()">{{ 'common.loadMore' | translate }}</button>
    }
  `,
  styles: `
    .search { margin: 16px 0 8px; max-width: 480px; }
    .search mat-form-field { width: 100%; }
    .files { display: flex; flex-direction: column; gap: 8px; }
    .file { display: block; padding: 12px 16px; border-radius: 12px; background: var(--mat-sys-surface-container-low); color: inherit; text-decoration: none; }
    .file:hover, .file:focus-visible { background: var(--mat-sys-surface-container); }
    .main { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    .code { font-weight: 600; font-variant-numeric: tabular-nums; }
    .title { font-weight: 500; }
    .facts { display: flex; flex-wrap: wrap; gap: 6px 16px; margin-top: 6px; font-size: 13px; color: var(--mat-sys-on-surface-variant); align-items: center; }
    .facts span { display: inline-flex; align-items: center; gap: 4px; }
    .facts mat-icon { font-size: 16px; width: 16px; height: 16px; }
    .due { color: var(--mat-sys-error); }
  `,
})
export class CaseFilesListPage {
  private readonly api = inject(CaseFilesApi);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService);
  private readonly session = inject(SessionStore);

  protected readonly canKeep = this.session.hasAny(Permission.CaseFilesKeep);
  protected readonly canReadArchive = this.session.hasAny(Permission.ArchiveRead);
  protected readonly views: View[] = [
    'mine',
    'shared',
    ...(this.session.user()?.roles.includes('unit_head') ? (['unit'] as View[]) : []),
    ...(this.session.hasAny(Permission.ArchiveManage) ? (['to_hand_over'] as View[]) : []),
    'all',
  ];
  protected readonly view = signal<View>(this.views[0]);
  protected readonly files = signal<CaseFileSummaryDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected q = '';
  private readonly requests = new Subject<{ cursor: string | null }>();

  constructor() {
    this.requests
      .pipe(
        switchMap(({ cursor }) => {
          const view = this.view();
          return this.api.list({ view: view === 'all' ? undefined : view, q: this.q || undefined, cursor: cursor ?? undefined, limit: PAGE_SIZE }).pipe(
            map((page) => ({ page, cursor })),
            catchError((error: unknown) => {
              this.loading.set(false);
              this.notifier.error(error);
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe(({ page, cursor }) => {
        this.files.update((current) => (cursor ? [...current, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.loaded.set(true);
      });
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const wanted = params.get('view') as View | null;
      this.view.set(wanted && this.views.includes(wanted) ? wanted : this.views[0]);
      this.reload();
    });
  }

  protected choose(view: View): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { view } });
  }

  protected reload(): void {
    this.loading.set(true);
    this.loaded.set(false);
    this.requests.next({ cursor: null });
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loading()) return;
    this.loading.set(true);
    this.requests.next({ cursor });
  }

  protected retention(file: CaseFileSummaryDto): string {
    return retentionText(file.retention, this.language.current());
  }
}
