import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AgendaItemDto, AgendaItemInput, MeetingPersonDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../../core/errors/notifier';
import { MeetingsApi } from '../meetings-api';

/** The agenda (chương trình họp): read by everyone; the chair and secretaries edit it as one ordered list. */
@Component({
  selector: 'app-agenda-editor',
  imports: [FormsModule, MatButtonModule, MatIconModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!editing()) {
      <ol class="agenda" data-testid="agenda">
        @for (item of agenda(); track item.id) {
          <li>
            <strong>{{ item.title }}</strong>
            <span class="meta">{{ item.presenter?.fullName ?? item.presenterName ?? '' }} · {{ 'meetings.agenda.minutes' | translate: { minutes: item.durationMinutes } }}</span>
          </li>
        } @empty {
          <p class="none">{{ 'meetings.agenda.empty' | translate }}</p>
        }
      </ol>
      @if (manages()) {
        <button mat-stroked-button type="button" (click)="edit()" data-testid="agenda-edit"><mat-icon>edit</mat-icon>{{ 'meetings.agenda.edit' | translate }}</button>
      }
    } @else {
      @for (row of rows(); track $index; let index = $index; let last = $last) {
        <div class="row">
          <mat-form-field class="title">
            <mat-label>{{ index + 1 }}. {{ 'meetings.agenda.item' | translate }}</mat-label>
            <input matInput [(ngModel)]="row.title" required data-testid="agenda-title" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.agenda.presenter' | translate }}</mat-label>
            <mat-select [(ngModel)]="row.presenterId">
              <mat-option [value]="null">—</mat-option>
              @for (person of people(); track person.id) {
                <mat-option [value]="person.id">{{ person.fullName }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="minutes">
            <mat-label>{{ 'meetings.agenda.duration' | translate }}</mat-label>
            <input matInput type="number" min="1" max="600" [(ngModel)]="row.durationMinutes" />
          </mat-form-field>
          <button mat-icon-button type="button" [disabled]="index === 0" (click)="move(index, -1)" [attr.aria-label]="'meetings.agenda.up' | translate"><mat-icon>arrow_upward</mat-icon></button>
          <button mat-icon-button type="button" [disabled]="last" (click)="move(index, 1)" [attr.aria-label]="'meetings.agenda.down' | translate"><mat-icon>arrow_downward</mat-icon></button>
          <button mat-icon-button type="button" (click)="remove(index)" [attr.aria-label]="'common.delete' | translate"><mat-icon>delete</mat-icon></button>
        </div>
      }
      <div class="actions">
        <button mat-button type="button" (click)="add()" data-testid="agenda-add"><mat-icon>add</mat-icon>{{ 'meetings.agenda.add' | translate }}</button>
        <span class="spacer"></span>
        <button mat-button type="button" (click)="editing.set(false)">{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="button" [disabled]="busy()" (click)="save()" data-testid="agenda-save">{{ 'common.save' | translate }}</button>
      </div>
    }
  `,
  styles: `
    .agenda { margin: 0 0 8px; padding-left: 20px; }
    .agenda li { margin-bottom: 6px; }
    .meta { display: block; font-size: 12px; opacity: 0.75; }
    .row { display: flex; flex-wrap: wrap; gap: 0 8px; align-items: center; }
    .row .title { flex: 1 1 260px; }
    .row .minutes { width: 110px; }
    .actions { display: flex; gap: 8px; align-items: center; }
    .spacer { flex: 1; }
    .none { opacity: 0.6; }
  `,
})
export class AgendaEditor {
  private readonly api = inject(MeetingsApi);
  private readonly notifier = inject(Notifier);

  readonly meetingId = input.required<string>();
  readonly agenda = input.required<AgendaItemDto[]>();
  readonly people = input.required<MeetingPersonDto[]>();
  readonly manages = input(false);
  readonly changed = output<void>();

  readonly editing = signal(false);
  readonly busy = signal(false);
  readonly rows = signal<AgendaItemInput[]>([]);

  constructor() {
    effect(() => {
      if (!this.editing()) this.rows.set([]);
    });
  }

  edit(): void {
    this.rows.set(this.agenda().map((item) => ({ id: item.id, title: item.title, description: item.description, presenterId: item.presenter?.id ?? null, presenterName: item.presenterName, durationMinutes: item.durationMinutes })));
    if (!this.rows().length) this.add();
    this.editing.set(true);
  }

  add(): void {
    this.rows.update((rows) => [...rows, { title: '', presenterId: null, durationMinutes: 15 }]);
  }

  remove(index: number): void {
    this.rows.update((rows) => rows.filter((_, at) => at !== index));
  }

  move(index: number, by: number): void {
    this.rows.update((rows) => {
      const next = [...rows];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  }

  save(): void {
    this.busy.set(true);
    const items = this.rows().map((row) => ({ ...row, durationMinutes: Number(row.durationMinutes) }));
    this.api.setAgenda(this.meetingId(), { items }).subscribe({
      next: () => {
        this.busy.set(false);
        this.editing.set(false);
        this.changed.emit();
      },
      error: (error) => {
        this.busy.set(false);
        this.notifier.error(error);
      },
    });
  }
}
