import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AgendaItemDto, ConclusionDto, ConclusionTaskInput, MeetingPersonDto, UnitDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../../core/errors/notifier';
import { MeetingsApi } from '../meetings-api';

interface TaskRow extends ConclusionTaskInput {
  assignee: string;
}

/** Conclusions (kết luận) per agenda item: a secretary writes them with the tasks they give, the chair approves and the tasks are given. */
@Component({
  selector: 'app-conclusions-panel',
  imports: [FormsModule, MatButtonModule, MatIconModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (conclusion of conclusions(); track conclusion.id) {
      <article class="conclusion" data-testid="conclusion">
        <header>
          <strong>{{ itemTitle(conclusion.agendaItemId) }}</strong>
          <span class="state" [class.approved]="conclusion.state === 'approved'">{{ 'meetings.conclusions.state.' + conclusion.state | translate }}</span>
        </header>
        <p>{{ conclusion.text }}</p>
        @if (conclusion.tasks.length) {
          <ul>
            @for (task of conclusion.tasks; track task.id) {
              <li>{{ task.title }} — {{ 'meetings.conclusions.deadline' | translate: { date: task.deadline } }} @if (task.taskId) { <mat-icon inline>task_alt</mat-icon> }</li>
            }
          </ul>
        }
        @if (chairs() && conclusion.state === 'draft') {
          <button mat-flat-button type="button" (click)="approve(conclusion)" data-testid="conclusion-approve">{{ 'meetings.conclusions.approve' | translate }}</button>
        }
      </article>
    } @empty {
      <p class="none">{{ 'meetings.conclusions.empty' | translate }}</p>
    }
    @if (manages()) {
      <div class="write">
        <mat-form-field>
          <mat-label>{{ 'meetings.materials.agendaItem' | translate }}</mat-label>
          <mat-select [(ngModel)]="agendaItemId">
            <mat-option [value]="null">—</mat-option>
            @for (item of agenda(); track item.id) {
              <mat-option [value]="item.id">{{ item.position }}. {{ item.title }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'meetings.conclusions.text' | translate }}</mat-label>
          <textarea matInput rows="3" [(ngModel)]="text" data-testid="conclusion-text"></textarea>
        </mat-form-field>
        @for (task of tasks(); track $index; let index = $index) {
          <div class="task">
            <mat-form-field class="grow">
              <mat-label>{{ 'meetings.conclusions.task' | translate }}</mat-label>
              <input matInput [(ngModel)]="task.title" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'meetings.conclusions.assignee' | translate }}</mat-label>
              <mat-select [(ngModel)]="task.assignee">
                @for (unit of units(); track unit.id) {
                  <mat-option [value]="'unit:' + unit.id">{{ unit.name }}</mat-option>
                }
                @for (person of people(); track person.id) {
                  <mat-option [value]="'user:' + person.id">{{ person.fullName }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'meetings.conclusions.deadlineLabel' | translate }}</mat-label>
              <input matInput type="date" [(ngModel)]="task.deadline" />
            </mat-form-field>
            <button mat-icon-button type="button" (click)="removeTask(index)" [attr.aria-label]="'common.delete' | translate"><mat-icon>delete</mat-icon></button>
          </div>
        }
        <div class="actions">
          <button mat-button type="button" (click)="addTask()"><mat-icon>add_task</mat-icon>{{ 'meetings.conclusions.addTask' | translate }}</button>
          <span class="spacer"></span>
          <button mat-flat-button type="button" [disabled]="text.trim().length < 3 || busy()" (click)="write()" data-testid="conclusion-write">{{ 'meetings.conclusions.write' | translate }}</button>
        </div>
      </div>
    }
  `,
  styles: `
    .conclusion { padding: 8px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    header { display: flex; gap: 8px; align-items: center; }
    .state { font-size: 11px; padding: 0 6px; border-radius: 8px; background: var(--mat-sys-surface-container-high); }
    .state.approved { background: var(--mat-sys-primary-container); }
    .write { display: flex; flex-direction: column; margin-top: 12px; }
    .task { display: flex; flex-wrap: wrap; gap: 0 8px; align-items: center; }
    .grow { flex: 1 1 240px; }
    .actions { display: flex; align-items: center; }
    .spacer { flex: 1; }
    .none { opacity: 0.7; }
  `,
})
export class ConclusionsPanel {
  private readonly api = inject(MeetingsApi);
  private readonly notifier = inject(Notifier);

  readonly meetingId = input.required<string>();
  readonly conclusions = input.required<ConclusionDto[]>();
  readonly agenda = input.required<AgendaItemDto[]>();
  readonly people = input.required<MeetingPersonDto[]>();
  readonly units = input.required<UnitDto[]>();
  readonly manages = input(false);
  readonly chairs = input(false);
  readonly changed = output<void>();

  readonly busy = signal(false);
  readonly tasks = signal<TaskRow[]>([]);
  agendaItemId: string | null = null;
  text = '';

  itemTitle(id: string | null): string {
    return this.agenda().find((item) => item.id === id)?.title ?? '—';
  }

  addTask(): void {
    this.tasks.update((tasks) => [...tasks, { title: '', assignee: '', deadline: '' }]);
  }

  removeTask(index: number): void {
    this.tasks.update((tasks) => tasks.filter((_, at) => at !== index));
  }

  write(): void {
    const tasks = this.tasks().map(({ assignee, ...task }) => {
      const [kind, id] = assignee.split(':');
      return { ...task, assigneeUnitId: kind === 'unit' ? id : null, assigneeUserId: kind === 'user' ? id : null };
    });
    this.busy.set(true);
    this.api.writeConclusion(this.meetingId(), { agendaItemId: this.agendaItemId, text: this.text, tasks }).subscribe({
      next: () => {
        this.busy.set(false);
        this.text = '';
        this.tasks.set([]);
        this.changed.emit();
      },
      error: (error) => {
        this.busy.set(false);
        this.notifier.error(error);
      },
    });
  }

  approve(conclusion: ConclusionDto): void {
    this.api.approveConclusion(this.meetingId(), conclusion.id, conclusion.version).subscribe({
      next: () => {
        this.notifier.success('meetings.conclusions.approved');
        this.changed.emit();
      },
      error: (error) => this.notifier.error(error),
    });
  }
}
