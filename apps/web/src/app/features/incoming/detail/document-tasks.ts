import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TaskSummaryDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../../core/i18n/localized-label.pipe';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { taskStateLabel, vietnameseDate } from '../../tasks/task-labels';
import { TasksApi } from '../../tasks/tasks-api';

/**
 * The tasks given from this incoming document (Giao việc from its page) that the reader may see,
 * each linking to its task. Nothing is drawn while there are none; a task notification refreshes it.
 */
@Component({
  selector: 'app-document-tasks',
  imports: [RouterLink, MatCardModule, MatIconModule, TranslatePipe, LocalizedLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (tasks().length > 0) {
      <mat-card appearance="outlined" class="section" data-testid="document-tasks">
        <h2 class="section-title">
          <mat-icon aria-hidden="true">assignment</mat-icon>
          {{ 'incoming.detail.tasks' | translate }}
        </h2>
        <ul class="tasks">
          @for (task of tasks(); track task.id) {
            <li>
              <a class="task" [routerLink]="['/tasks', task.id]" [class.overdue]="task.overdue" data-testid="document-task">
                <span class="title">{{ task.title }}</span>
                <span class="meta">
                  <span>{{ task.assigneeUser?.fullName ?? task.assigneeUnit?.name }}</span>
                  <span>{{ 'desk.assignedTasks.deadline' | translate: { date: date(task.deadline) } }}</span>
                  <span [class.late]="task.overdue">{{ (task.overdue ? overdueLabel : stateLabel(task)) | localizedLabel: language.current() }}</span>
                  <span>{{ task.percent }}%</span>
                </span>
              </a>
            </li>
          }
        </ul>
      </mat-card>
    }
  `,
  styles: `
    :host { display: contents; }
    /* the page's other sections, which this card sits among */
    .section { padding: 16px 20px 20px; }
    .section-title { display: flex; align-items: center; gap: 8px; margin: 0 0 14px; font-size: 15px; font-weight: 600; }
    .section-title mat-icon { color: var(--mat-sys-primary); }
    @media (max-width: 599.98px) { .section { padding: 12px 14px 16px; } }
    .tasks { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
    .task {
      display: flex; flex-direction: column; padding: 8px 10px; border-radius: 8px; color: inherit; text-decoration: none;
      border-inline-start: 3px solid transparent;
    }
    .task:hover, .task:focus-visible { background: var(--mat-sys-surface-container); }
    .task.overdue { border-inline-start-color: var(--mat-sys-error); }
    .title { font-weight: 500; overflow-wrap: anywhere; }
    .meta { display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 13px; color: var(--mat-sys-on-surface-variant); }
    .late { color: var(--mat-sys-error); font-weight: 600; }
  `,
})
export class DocumentTasks {
  private readonly api = inject(TasksApi);
  protected readonly language = inject(LanguageService);
  readonly documentId = input.required<string>();
  protected readonly tasks = signal<TaskSummaryDto[]>([]);
  protected readonly overdueLabel = { vi: 'Quá hạn', en: 'Overdue' };

  constructor() {
    effect(() => {
      const documentId = this.documentId();
      // only the document's id starts a read: the signals the interceptors read while sending (the
      // activity counter, which the answer changes again) must not become this effect's, or every
      // answer would start another read
      untracked(() => this.load(documentId));
    });
    inject(RealtimeService)
      .notifications$.pipe(takeUntilDestroyed())
      .subscribe((event) => {
        if (event.kind.startsWith('task.')) this.load(this.documentId());
      });
  }

  protected stateLabel(task: TaskSummaryDto) {
    return taskStateLabel(task.state);
  }

  protected date(value: string): string {
    return vietnameseDate(value);
  }

  /** The document's page stays whole when the tasks cannot be read: the list is then left out. */
  private load(documentId: string): void {
    this.api.bySource({ kind: 'incoming_document', id: documentId }).subscribe({
      next: (page) => this.tasks.set(page.items),
      error: () => this.tasks.set([]),
    });
  }
}
