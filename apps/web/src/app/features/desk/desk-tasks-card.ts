import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Permission, TaskSummaryDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session-store';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { vietnameseDate } from '../tasks/task-labels';
import { TaskCounts, TasksApi } from '../tasks/tasks-api';
import { WorkListCard } from './work-list-card';

/** How many of the user's tasks the desk lists; the rest are one click away on the tasks page. */
export const DESK_TASKS_SHOWN = 5;

/**
 * Việc được giao on the desk: the first of the user's own tasks, how many there are (and how many are
 * late), and for those who give tasks how many wait for their review. A task notification refreshes it.
 */
@Component({
  selector: 'app-desk-tasks-card',
  imports: [RouterLink, MatButtonModule, TranslatePipe, WorkListCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-work-list-card
      data-testid="desk-tasks"
      [heading]="'desk.assignedTasks.title' | translate"
      icon="assignment_ind"
      tone="secondary"
      emptyIcon="checklist"
      [emptyMessage]="'desk.assignedTasks.empty' | translate"
      [count]="counts()?.mine ?? tasks().length"
    >
      @if (tasks().length > 0) {
        <ul class="tasks">
          @for (task of tasks(); track task.id) {
            <li>
              <a class="task" [routerLink]="['/tasks', task.id]" [class.overdue]="task.overdue" data-testid="desk-task">
                <span class="task-title">{{ task.title }}</span>
                <span class="task-meta">
                  {{ 'desk.assignedTasks.deadline' | translate: { date: date(task.deadline) } }}
                  @if (task.overdue) {
                    <span class="late">· {{ 'tasks.overdue' | translate }}</span>
                  }
                </span>
              </a>
            </li>
          }
        </ul>
      }
      <div class="links">
        <a mat-button routerLink="/tasks" [queryParams]="{ view: 'mine' }" data-testid="desk-tasks-mine">
          {{ 'desk.assignedTasks.all' | translate }}
          @if (counts()?.mine_overdue; as late) {
            <span class="badge late-badge" data-testid="desk-tasks-overdue">{{ 'desk.assignedTasks.overdue' | translate: { count: late } }}</span>
          }
        </a>
        @if (canReview) {
          <a mat-button routerLink="/tasks" [queryParams]="{ view: 'to_review' }" data-testid="desk-tasks-to-review">
            {{ 'desk.assignedTasks.toReview' | translate }}
            <span class="badge" data-testid="desk-tasks-to-review-count">{{ counts()?.to_review ?? 0 }}</span>
          </a>
        }
      </div>
    </app-work-list-card>
  `,
  styles: `
    :host { display: block; }
    app-work-list-card { height: 100%; }
    .tasks { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 4px; }
    .task {
      display: flex; flex-direction: column; padding: 8px 10px; border-radius: 8px; color: inherit; text-decoration: none;
      border-inline-start: 3px solid transparent;
    }
    .task:hover, .task:focus-visible { background: var(--mat-sys-surface-container); }
    .task.overdue { border-inline-start-color: var(--mat-sys-error); }
    .task-title { font-weight: 500; overflow-wrap: anywhere; }
    .task-meta { font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .late { color: var(--mat-sys-error); font-weight: 600; }
    .links { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 8px; }
    .badge {
      margin-inline-start: 6px; padding: 0 6px; border-radius: 10px; font-size: 12px;
      background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container);
    }
    .late-badge { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class DeskTasksCard {
  private readonly api = inject(TasksApi);
  /** Reviewing others' work is for those who give tasks. */
  protected readonly canReview = inject(SessionStore).hasAny(Permission.TasksGive);
  protected readonly tasks = signal<TaskSummaryDto[]>([]);
  protected readonly counts = signal<TaskCounts | null>(null);

  constructor() {
    this.load();
    inject(RealtimeService)
      .notifications$.pipe(takeUntilDestroyed())
      .subscribe((event) => {
        if (event.kind.startsWith('task.')) this.load();
      });
  }

  protected date(value: string): string {
    return vietnameseDate(value);
  }

  /** The desk stays usable when the tasks cannot be read: the card then shows its empty state. */
  private load(): void {
    this.api.list('mine').subscribe({
      next: (page) => this.tasks.set(page.items.slice(0, DESK_TASKS_SHOWN)),
      error: () => this.tasks.set([]),
    });
    this.api.counts().subscribe({ next: (counts) => this.counts.set(counts), error: () => this.counts.set(null) });
  }
}
