import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { ConsultationDto, Permission, StoredFileDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, of } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { FileUpload } from '../../../shared/file-upload/file-upload';
import { PageHeader } from '../../../shared/page-header/page-header';
import { MeetingsApi } from '../meetings-api';
import { activePeople } from '../people';
import { vietnamLocalToIso } from '../meeting-time';

/** Written consultations (phiếu lấy ý kiến): the ones asked of me and the ones I sent; a secretary drafts a new one here. */
@Component({
  selector: 'app-consultations-page',
  imports: [FormsModule, MatButtonModule, MatButtonToggleModule, MatCardModule, MatIconModule, MatInputModule, MatSelectModule, RouterLink, TranslatePipe, VietnamDatePipe, FileUpload, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="'meetings.consultations.title' | translate" [subtitle]="'meetings.consultations.subtitle' | translate" />
    <div class="toolbar">
      <mat-button-toggle-group [value]="view()" (change)="show($event.value)">
        <mat-button-toggle value="to_answer">{{ 'meetings.consultations.toAnswer' | translate }}</mat-button-toggle>
        <mat-button-toggle value="mine">{{ 'meetings.consultations.mine' | translate }}</mat-button-toggle>
      </mat-button-toggle-group>
      <span class="spacer"></span>
      @if (mayCreate()) {
        <button mat-flat-button type="button" (click)="creating.set(!creating())" data-testid="consultation-new"><mat-icon>add</mat-icon>{{ 'meetings.consultations.new' | translate }}</button>
      }
    </div>

    @if (creating()) {
      <mat-card appearance="outlined" class="new" data-testid="consultation-form">
        <mat-card-content>
          <mat-form-field class="wide">
            <mat-label>{{ 'meetings.consultations.question' | translate }}</mat-label>
            <input matInput [(ngModel)]="question" data-testid="consultation-question" />
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'meetings.form.description' | translate }}</mat-label>
            <textarea matInput rows="3" [(ngModel)]="description"></textarea>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.consultations.deadline' | translate }}</mat-label>
            <input matInput type="datetime-local" [(ngModel)]="deadline" data-testid="consultation-deadline" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'meetings.consultations.recipients' | translate }}</mat-label>
            <mat-select [(ngModel)]="recipientIds" multiple data-testid="consultation-recipients">
              @for (person of people(); track person.id) {
                <mat-option [value]="person.id">{{ person.fullName }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <div class="wide">
            @for (file of drafts(); track file.id) {
              <p><mat-icon inline>attach_file</mat-icon> {{ file.originalName }}</p>
            }
            <app-file-upload (uploaded)="drafts.set([...drafts(), $event])" />
          </div>
          <div class="actions wide">
            <button mat-button type="button" (click)="creating.set(false)">{{ 'common.cancel' | translate }}</button>
            <button mat-flat-button type="button" [disabled]="!question.trim() || !deadline || !recipientIds.length" (click)="create()" data-testid="consultation-create">{{ 'meetings.consultations.saveDraft' | translate }}</button>
          </div>
        </mat-card-content>
      </mat-card>
    }

    <ul class="list" data-testid="consultations">
      @for (item of items(); track item.id) {
        <li>
          <a [routerLink]="['/meetings/consultations', item.id]">
            <strong>{{ item.question }}</strong>
            <span class="meta">
              {{ 'meetings.consultations.state.' + item.state | translate }} · {{ 'meetings.consultations.due' | translate: { at: (item.deadline | vietnamDate: 'dateTime') } }}
              @if (item.overdue) { · <span class="late">{{ 'meetings.consultations.overdue' | translate }}</span> }
              @if (item.mine && !item.mine.answer && item.state === 'sent') { · <strong>{{ 'meetings.consultations.waitingForYou' | translate }}</strong> }
            </span>
          </a>
        </li>
      } @empty {
        <p class="none">{{ 'meetings.consultations.empty' | translate }}</p>
      }
    </ul>
  `,
  styles: `
    .toolbar { display: flex; gap: 8px; align-items: center; margin-bottom: 12px; flex-wrap: wrap; }
    .spacer { flex: 1; }
    .new mat-card-content { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 12px; padding-top: 8px; }
    .wide { grid-column: 1 / -1; }
    @media (max-width: 700px) { .new mat-card-content { grid-template-columns: 1fr; } }
    .actions { display: flex; justify-content: flex-end; gap: 8px; }
    .list { list-style: none; padding: 0; }
    .list li a { display: flex; flex-direction: column; padding: 10px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); color: inherit; text-decoration: none; }
    .meta { font-size: 12px; opacity: 0.8; }
    .late { color: var(--mat-sys-error); }
    .none { opacity: 0.7; }
  `,
})
export class ConsultationsPage {
  private readonly api = inject(MeetingsApi);
  private readonly client = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly session = inject(SessionStore);

  readonly mayCreate = computed(() => this.session.hasAny(Permission.ConsultationsManage));
  readonly view = signal<'to_answer' | 'mine'>(this.session.hasAny(Permission.ConsultationsManage) ? 'mine' : 'to_answer');
  readonly items = signal<ConsultationDto[]>([]);
  readonly creating = signal(false);
  readonly drafts = signal<StoredFileDto[]>([]);
  readonly people = toSignal(activePeople(this.client).pipe(catchError(() => of([]))), { initialValue: [] });
  question = '';
  description = '';
  deadline = '';
  recipientIds: string[] = [];

  constructor() {
    this.load();
  }

  show(view: 'to_answer' | 'mine'): void {
    this.view.set(view);
    this.load();
  }

  create(): void {
    this.api
      .createConsultation({ question: this.question, description: this.description || null, deadline: vietnamLocalToIso(this.deadline), recipientIds: this.recipientIds, draftFileIds: this.drafts().map((file) => file.id) })
      .subscribe({
        next: (created) => void this.router.navigate(['/meetings/consultations', created.id]),
        error: (error) => this.notifier.error(error),
      });
  }

  private load(): void {
    this.api.consultations(this.view()).subscribe({ next: (items) => this.items.set(items), error: (error) => this.notifier.error(error) });
  }
}
