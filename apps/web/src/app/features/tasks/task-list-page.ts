import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Permission, TASK_VIEWS, TaskSummaryDto, TaskView } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session-store';
import { Notifier } from '../../core/errors/notifier';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../core/i18n/localized-label.pipe';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { EmptyState } from '../../shared/empty-state/empty-state';
import { PageHeader } from '../../shared/page-header/page-header';
import { TASK_PRIORITY_LABELS, taskStateLabel, vietnameseDate } from './task-labels';
import { TaskCounts, TasksApi } from './tasks-api';

/**
 * Nhiệm vụ: the tasks on my desk, those I gave, those waiting for my acceptance or my answer to an
 * extension, and (unit heads) the unit's. The list is in the address (`?view=given`); a task
 * notification refreshes it.
 */
@Component({
  selector: 'app-task-list-page',
  imports: [RouterLink, MatButtonModule, MatCardModule, MatIconModule, MatTabsModule, TranslatePipe, LocalizedLabelPipe, PageHeader, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="'tasks.title' | translate">
      @if (canGive) {
        <a mat-flat-button routerLink="/tasks/new" data-testid="give-task"><mat-icon>add_task</mat-icon>{{ 'tasks.give' | translate }}</a>
      }
    </app-page-header>
    <nav mat-tab-nav-bar [tabPanel]="panel" class="tabs" [attr.aria-label]="'tasks.views' | translate">
      @for (tab of views(); track tab) {
        <a mat-tab-link [active]="view() === tab" (click)="open(tab)" [attr.data-testid]="'tab-' + tab">
          {{ 'tasks.view.' + tab | translate }}
          @if (counts()?.[tab]; as count) {
            <span class="badge">{{ count }}</span>
          }
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel>
      @if (tasks().length === 0 && !loading()) {
        <app-empty-state icon="task_alt" [message]="'tasks.empty' | translate" />
      }
      <ul class="cards" data-testid="task-list">
        @for (task of tasks(); track task.id) {
          <li>
            <a class="card" [routerLink]="['/tasks', task.id]" [class.overdue]="task.overdue" data-testid="task-card">
              <div class="line">
                <span class="title">{{ task.title }}</span>
                <span class="state">{{ stateLabel(task) | localizedLabel: language.current() }}</span>
              </div>
              <div class="meta">
                <span><mat-icon inline>event</mat-icon>{{ date(task.deadline) }}</span>
                @if (task.overdue) {
                  <span class="late">{{ 'tasks.overdue' | translate }}</span>
                }
                <span>{{ priority[task.priority] | localizedLabel: language.current() }}</span>
                <span>{{ task.assigneeUser?.fullName ?? task.assigneeUnit?.name }}</span>
                <span>{{ task.percent }}%</span>
                @if (task.extensionPending) {
                  <span class="pending">{{ 'tasks.extensionPending' | translate }}</span>
                }
              </div>
            </a>
          </li>
        }
      </ul>
      @if (nextCursor()) {
        <button mat-stroked-button (click)="more()">{{ 'tasks.more' | translate }}</button>
      }
    </mat-tab-nav-panel>
  `,
  styles: `
    .tabs { margin-bottom: 12px; }
    .badge { margin-left: 6px; padding: 0 6px; border-radius: 10px; background: var(--mat-sys-primary-container); font-size: 12px; }
    .cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
    .card { display: block; padding: 12px 16px; border-radius: 12px; border: 1px solid var(--mat-sys-outline-variant); color: inherit; text-decoration: none; background: var(--mat-sys-surface); }
    .card.overdue { border-left: 4px solid var(--mat-sys-error); }
    .line { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
    .title { font-weight: 600; }
    .state { color: var(--mat-sys-on-surface-variant); }
    .meta { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-top: 6px; color: var(--mat-sys-on-surface-variant); font-size: 14px; }
    .late { color: var(--mat-sys-error); font-weight: 600; }
    .pending { color: var(--mat-sys-tertiary); }
  `,
})
export class TaskListPage {
  private readonly api = inject(TasksApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  protected readonly priority = TASK_PRIORITY_LABELS;
  protected readonly canGive = this.session.hasAny(Permission.TasksGive);

  protected readonly view = signal<TaskView>('mine');
  protected readonly tasks = signal<TaskSummaryDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly counts = signal<TaskCounts | null>(null);
  protected readonly loading = signal(false);
  /** Giving and reviewing are for those who give tasks; the unit's list for unit heads. */
  protected readonly views = computed(() =>
    TASK_VIEWS.filter((view) => (view === 'given' || view === 'to_review' ? this.canGive : view === 'unit' ? (this.session.user()?.roles.includes('unit_head') ?? false) : true)),
  );

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const view = params.get('view') as TaskView | null;
      this.view.set(view && TASK_VIEWS.includes(view) ? view : 'mine');
      this.load();
    });
    // a task given, reported, extended or reviewed: the list and its badges may have changed
    inject(RealtimeService)
      .notifications$.pipe(takeUntilDestroyed())
      .subscribe((event) => {
        if (event.kind.startsWith('task.')) this.load();
      });
  }

  protected open(view: TaskView): void {
    void this.router.navigate([], { queryParams: { view }, replaceUrl: true });
  }

  protected more(): void {
    this.fetch(this.nextCursor());
  }

  protected stateLabel(task: TaskSummaryDto) {
    return taskStateLabel(task.state);
  }

  protected date(value: string): string {
    return vietnameseDate(value);
  }

  private load(): void {
    this.tasks.set([]);
    this.fetch(null);
    this.api.counts().subscribe({ next: (counts) => this.counts.set(counts), error: () => this.counts.set(null) });
  }

  private fetch(cursor: string | null): void {
    this.loading.set(true);
    this.api.list(this.view(), cursor).subscribe({
      next: (page) => {
        this.tasks.update((tasks) => [...tasks, ...page.items]);
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.notifier.error(error);
      },
    });
  }
}
