import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { GiveTaskRequest, TASK_PRIORITIES, TASK_SOURCE_KINDS, TaskPriority, TaskSourceKind, UnitDto, UserDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiClient } from '../../core/api/api-client';
import { Notifier } from '../../core/errors/notifier';
import { LanguageService } from '../../core/i18n/language.service';
import { LocalizedLabelPipe } from '../../core/i18n/localized-label.pipe';
import { PageHeader } from '../../shared/page-header/page-header';
import { TASK_PRIORITY_LABELS } from './task-labels';
import { TasksApi } from './tasks-api';

/** Today in Vietnam, yyyy-MM-dd: the earliest deadline the API accepts. */
function vietnamToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/**
 * Giao nhiệm vụ: to a unit or a person, with a deadline and a priority; from a document when
 * opened as `/tasks/new?source=incoming_document&sourceId=…` (the document's page links here).
 */
@Component({
  selector: 'app-task-form-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatButtonToggleModule, MatCardModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, LocalizedLabelPipe, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="'tasks.form.title' | translate" />
    <mat-card appearance="outlined" class="card">
      <form [formGroup]="form" (ngSubmit)="submit()" class="form" data-testid="task-form">
        <mat-form-field>
          <mat-label>{{ 'tasks.form.taskTitle' | translate }}</mat-label>
          <input matInput formControlName="title" data-testid="task-title" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'tasks.form.description' | translate }}</mat-label>
          <textarea matInput formControlName="description" rows="3"></textarea>
        </mat-form-field>
        <mat-button-toggle-group formControlName="to" [attr.aria-label]="'tasks.form.to' | translate">
          <mat-button-toggle value="unit" data-testid="to-unit">{{ 'tasks.form.toUnit' | translate }}</mat-button-toggle>
          <mat-button-toggle value="person" data-testid="to-person">{{ 'tasks.form.toPerson' | translate }}</mat-button-toggle>
        </mat-button-toggle-group>
        @if (form.controls.to.value === 'unit') {
          <mat-form-field>
            <mat-label>{{ 'tasks.form.unit' | translate }}</mat-label>
            <mat-select formControlName="assigneeUnitId" data-testid="task-unit">
              @for (unit of units(); track unit.id) {
                <mat-option [value]="unit.id">{{ unit.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        } @else {
          <mat-form-field>
            <mat-label>{{ 'tasks.form.person' | translate }}</mat-label>
            <mat-select formControlName="assigneeUserId" data-testid="task-person">
              @for (user of users(); track user.id) {
                <mat-option [value]="user.id">{{ user.fullName }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'tasks.form.deadline' | translate }}</mat-label>
            <input matInput type="date" formControlName="deadline" [min]="today" data-testid="task-deadline" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'tasks.form.priority' | translate }}</mat-label>
            <mat-select formControlName="priority">
              @for (priority of priorities; track priority) {
                <mat-option [value]="priority">{{ priorityLabels[priority] | localizedLabel: language.current() }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="form.invalid || saving()" data-testid="task-submit">{{ 'tasks.give' | translate }}</button>
        </div>
      </form>
    </mat-card>
  `,
  styles: `
    .card { max-width: 720px; padding: 16px; }
    .form { display: flex; flex-direction: column; gap: 8px; }
    .row { display: flex; flex-wrap: wrap; gap: 0 16px; }
    .row mat-form-field { flex: 1 1 200px; }
    mat-button-toggle-group { align-self: flex-start; margin-bottom: 12px; }
    .actions { display: flex; justify-content: flex-end; }
  `,
})
export class TaskFormPage {
  private readonly tasks = inject(TasksApi);
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;
  protected readonly language = inject(LanguageService);
  protected readonly priorities = TASK_PRIORITIES;
  protected readonly priorityLabels = TASK_PRIORITY_LABELS;
  protected readonly today = vietnamToday();
  protected readonly units = signal<UnitDto[]>([]);
  protected readonly users = signal<UserDto[]>([]);
  protected readonly saving = signal(false);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: [this.query.get('title') ?? '', [Validators.required, Validators.minLength(2), Validators.maxLength(500)]],
    description: [''],
    to: ['unit' as 'unit' | 'person'],
    assigneeUnitId: [''],
    assigneeUserId: [''],
    deadline: ['', Validators.required],
    priority: ['normal' as TaskPriority],
  });

  constructor() {
    this.api.units().subscribe({ next: (units) => this.units.set(units) });
    this.api.users({ limit: 200 }).subscribe({ next: (page) => this.users.set(page.items.filter((user) => user.active)) });
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    const kind = this.query.get('source') as TaskSourceKind | null;
    const sourceId = this.query.get('sourceId');
    const request: GiveTaskRequest = {
      title: value.title,
      description: value.description || null,
      assigneeUnitId: value.to === 'unit' ? value.assigneeUnitId || null : null,
      assigneeUserId: value.to === 'person' ? value.assigneeUserId || null : null,
      deadline: value.deadline,
      priority: value.priority,
      source: kind && sourceId && TASK_SOURCE_KINDS.includes(kind) ? { kind, id: sourceId } : null,
    };
    this.saving.set(true);
    this.tasks.give(request).subscribe({
      next: (task) => {
        this.notifier.success('tasks.given');
        void this.router.navigate(['/tasks', task.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.notifier.error(error);
      },
    });
  }
}
