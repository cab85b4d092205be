import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TaskDto, TaskEventDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable, filter, forkJoin, map, of } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { Notifier } from '../../core/errors/notifier';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../core/i18n/localized-label.pipe';
import { VietnamDatePipe } from '../../core/i18n/vietnam-date.pipe';
import { PageHeader } from '../../shared/page-header/page-header';
import { TASK_PRIORITY_LABELS, taskStateLabel, vietnameseDate } from './task-labels';
import { TasksApi } from './tasks-api';

type Panel = 'progress' | 'extension' | 'decide' | 'complete' | 'review';

/**
 * One task: what was asked, by whom and by when; its timeline (progress with files, extensions,
 * completion, acceptance or send-back); and the one or two things the caller may do now — the
 * API says which (`can`), so a phone shows just those buttons.
 */
@Component({
  selector: 'app-task-detail-page',
  imports: [RouterLink, FormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, TranslatePipe, LocalizedLabelPipe, VietnamDatePipe, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (task(); as task) {
      <app-page-header [heading]="task.title" [subtitle]="(stateLabel(task) | localizedLabel: language.current()) + ' · ' + task.percent + '%'">
        <a mat-stroked-button routerLink="/tasks"><mat-icon>arrow_back</mat-icon>{{ 'tasks.back' | translate }}</a>
      </app-page-header>
      <div class="layout">
        <mat-card appearance="outlined" class="summary">
          <mat-progress-bar mode="determinate" [value]="task.percent" />
          <dl>
            <dt>{{ 'tasks.detail.assignee' | translate }}</dt>
            <dd data-testid="task-assignee">{{ task.assigneeUser?.fullName ?? task.assigneeUnit?.name }}</dd>
            <dt>{{ 'tasks.detail.givenBy' | translate }}</dt>
            <dd>{{ task.assignedBy.fullName }} · {{ task.givenAt | vietnamDate }}</dd>
            <dt>{{ 'tasks.form.deadline' | translate }}</dt>
            <dd data-testid="task-deadline" [class.late]="task.overdue">
              {{ date(task.deadline) }}
              @if (task.deadline !== task.originalDeadline) {
                <span class="was">({{ 'tasks.detail.was' | translate: { date: date(task.originalDeadline) } }})</span>
              }
            </dd>
            <dt>{{ 'tasks.form.priority' | translate }}</dt>
            <dd>{{ priority[task.priority] | localizedLabel: language.current() }}</dd>
            @if (task.source) {
              <dt>{{ 'tasks.detail.source' | translate }}</dt>
              <dd>
                @if (task.source.kind === 'incoming_document') {
                  <a [routerLink]="['/incoming', task.source.id]">{{ 'tasks.source.incoming_document' | translate }}</a>
                } @else if (task.source.kind === 'outgoing_document') {
                  <a [routerLink]="['/outgoing', task.source.id]">{{ 'tasks.source.outgoing_document' | translate }}</a>
                } @else {
                  {{ 'tasks.source.meeting_conclusion' | translate }}
                }
              </dd>
            }
          </dl>
          @if (task.description) {
            <p class="description">{{ task.description }}</p>
          }
          <div class="buttons">
            @if (task.can.report) {
              <button mat-stroked-button (click)="panel.set('progress')" data-testid="action-progress">{{ 'tasks.action.progress' | translate }}</button>
            }
            @if (task.can.requestExtension) {
              <button mat-stroked-button (click)="panel.set('extension')" data-testid="action-extension">{{ 'tasks.action.extension' | translate }}</button>
            }
            @if (task.can.complete) {
              <button mat-flat-button (click)="panel.set('complete')" data-testid="action-complete">{{ 'tasks.action.complete' | translate }}</button>
            }
            @if (task.can.decideExtension) {
              <button mat-flat-button (click)="panel.set('decide')" data-testid="action-decide">{{ 'tasks.action.decide' | translate }}</button>
            }
            @if (task.can.review) {
              <button mat-flat-button (click)="panel.set('review')" data-testid="action-review">{{ 'tasks.action.review' | translate }}</button>
            }
          </div>
        </mat-card>

        @if (panel(); as open) {
          <mat-card appearance="outlined" class="panel" data-testid="action-panel">
            <h2>{{ 'tasks.action.' + open | translate }}</h2>
            @if (open === 'progress') {
              <mat-form-field>
                <mat-label>{{ 'tasks.detail.percent' | translate }}</mat-label>
                <input matInput type="number" min="0" max="100" [(ngModel)]="percent" data-testid="progress-percent" />
              </mat-form-field>
            }
            @if (open === 'extension') {
              <mat-form-field>
                <mat-label>{{ 'tasks.detail.newDeadline' | translate }}</mat-label>
                <input matInput type="date" [(ngModel)]="newDeadline" [min]="task.deadline" data-testid="extension-deadline" />
              </mat-form-field>
            }
            @if (open === 'decide') {
              @for (extension of pending(task); track extension.id) {
                <p>{{ 'tasks.detail.asks' | translate: { name: extension.requestedBy.fullName, date: date(extension.requestedDeadline) } }} — {{ extension.reason }}</p>
              }
            }
            <mat-form-field>
              <mat-label>{{ (open === 'extension' ? 'tasks.detail.reason' : 'tasks.detail.note') | translate }}</mat-label>
              <textarea matInput rows="3" [(ngModel)]="note" data-testid="action-note"></textarea>
            </mat-form-field>
            @if (open === 'progress' || open === 'complete') {
              <input type="file" multiple (change)="pick($event)" data-testid="action-files" />
            }
            <div class="buttons">
              <button mat-button (click)="panel.set(null)">{{ 'common.cancel' | translate }}</button>
              @if (open === 'decide' || open === 'review') {
                <button mat-stroked-button (click)="send(open, false)" [disabled]="busy()" data-testid="action-no">{{ (open === 'review' ? 'tasks.action.sendBack' : 'tasks.action.refuse') | translate }}</button>
                <button mat-flat-button (click)="send(open, true)" [disabled]="busy()" data-testid="action-yes">{{ (open === 'review' ? 'tasks.action.accept' : 'tasks.action.approve') | translate }}</button>
              } @else {
                <button mat-flat-button (click)="send(open, true)" [disabled]="busy()" data-testid="action-send">{{ 'tasks.action.send' | translate }}</button>
              }
            </div>
          </mat-card>
        }

        <mat-card appearance="outlined" class="timeline">
          <h2>{{ 'tasks.detail.timeline' | translate }}</h2>
          <ol data-testid="task-timeline">
            @for (event of task.events; track event.id) {
              <li>
                <div class="event-head">
                  <strong>{{ 'tasks.event.' + event.kind | translate }}</strong>
                  <span>{{ event.actor.fullName }} · {{ event.at | vietnamDate: 'dateTime' }}</span>
                </div>
                @if (event.percent !== null) {
                  <div>{{ event.percent }}%</div>
                }
                @if (event.note) {
                  <div class="note">{{ event.note }}</div>
                }
                @for (file of event.files; track file.id) {
                  <button mat-button (click)="download(task, file)"><mat-icon>attach_file</mat-icon>{{ file.originalName }}</button>
                }
              </li>
            }
          </ol>
        </mat-card>
      </div>
    }
  `,
  styles: `
    .layout { display: grid; gap: 16px; grid-template-columns: minmax(0, 1fr); }
    @media (min-width: 960px) { .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } .timeline { grid-column: 1 / -1; } }
    mat-card { padding: 16px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 12px 0; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .late { color: var(--mat-sys-error); font-weight: 600; }
    .was { color: var(--mat-sys-on-surface-variant); font-weight: normal; }
    .description { white-space: pre-line; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; }
    .panel { display: flex; flex-direction: column; gap: 8px; }
    ol { list-style: none; padding: 0; margin: 0; display: grid; gap: 12px; }
    li { border-left: 3px solid var(--mat-sys-outline-variant); padding-left: 12px; }
    .event-head { display: flex; flex-wrap: wrap; gap: 4px 12px; }
    .event-head span { color: var(--mat-sys-on-surface-variant); }
    .note { white-space: pre-line; }
  `,
})
export class TaskDetailPage {
  private readonly api = inject(TasksApi);
  private readonly files = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') as string;
  protected readonly language = inject(LanguageService);
  protected readonly priority = TASK_PRIORITY_LABELS;
  protected readonly task = signal<TaskDto | null>(null);
  protected readonly panel = signal<Panel | null>(null);
  protected readonly busy = signal(false);
  protected percent = 0;
  protected note = '';
  protected newDeadline = '';
  private picked: File[] = [];

  constructor() {
    this.api.get(this.id).subscribe({ next: (task) => this.show(task), error: (error: unknown) => this.notifier.error(error) });
  }

  protected stateLabel(task: TaskDto) {
    return taskStateLabel(task.state);
  }

  protected date(value: string): string {
    return vietnameseDate(value);
  }

  protected pending(task: TaskDto) {
    return task.extensions.filter((extension) => extension.state === 'pending');
  }

  protected pick(event: Event): void {
    this.picked = Array.from((event.target as HTMLInputElement).files ?? []);
  }

  protected download(task: TaskDto, file: TaskEventDto['files'][number]): void {
    this.api.downloadFile(task.id, file.id).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = file.originalName;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 30_000);
      },
      error: (error: unknown) => this.notifier.error(error),
    });
  }

  protected send(panel: Panel, yes: boolean): void {
    const task = this.task();
    if (!task) return;
    const note = this.note.trim() || null;
    const version = task.version;
    this.busy.set(true);
    const step = (fileIds: string[]): Observable<TaskDto> => {
      switch (panel) {
        case 'progress':
          return this.api.progress(task.id, { percent: Number(this.percent), note, fileIds, version });
        case 'extension':
          return this.api.requestExtension(task.id, { deadline: this.newDeadline, reason: note ?? '', version });
        case 'decide':
          return this.api.decideExtension(task.id, { approve: yes, note, version });
        case 'complete':
          return this.api.complete(task.id, { note, fileIds, version });
        case 'review':
          return this.api.review(task.id, { accept: yes, note, version });
      }
    };
    this.upload().subscribe({
      next: (fileIds) =>
        step(fileIds).subscribe({
          next: (updated) => {
            this.panel.set(null);
            this.note = '';
            this.picked = [];
            this.busy.set(false);
            this.show(updated);
          },
          error: (error: unknown) => {
            this.busy.set(false);
            this.notifier.error(error);
          },
        }),
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.error(error);
      },
    });
  }

  private upload(): Observable<string[]> {
    if (this.picked.length === 0) return of([]);
    return forkJoin(
      this.picked.map((file) =>
        this.files.uploadFile(file).pipe(
          filter((event) => event.type === HttpEventType.Response),
          map((event) => (event as { body: { id: string } }).body.id),
        ),
      ),
    );
  }

  private show(task: TaskDto): void {
    this.task.set(task);
    this.percent = task.percent;
  }
}
