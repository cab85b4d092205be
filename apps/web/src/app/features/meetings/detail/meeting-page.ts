import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ConclusionDto, InvitationAnswer, MeetingDto, MeetingFiguresDto, MeetingPersonDto, Permission } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, debounceTime, map, of } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { PageHeader } from '../../../shared/page-header/page-header';
import { saveBlob } from '../../incoming/file-save';
import { MeetingConnection } from '../live/meeting-connection';
import { MeetingsApi } from '../meetings-api';
import { activePeople } from '../people';
import { vietnamClock } from '../meeting-time';
import { AgendaEditor } from './agenda-editor';
import { answerTally, participantName } from './answer-tally';
import { ConclusionsPanel } from './conclusions-panel';
import { MaterialsPanel } from './materials-panel';

/**
 * One meeting for everyone in it: when and where, the invitation and one's own answer, the
 * participants with their answers and check-ins (live: the secretary watches them come in), the
 * agenda, the materials, the conclusions and, once it has ended, the minutes and figures. The
 * chair and secretaries prepare and run it from here; the room itself is the live page.
 */
@Component({
  selector: 'app-meeting-page',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatIconModule, MatInputModule, MatSelectModule, RouterLink, TranslatePipe, VietnamDatePipe, PageHeader, AgendaEditor, MaterialsPanel, ConclusionsPanel],
  providers: [MeetingConnection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (meeting(); as meeting) {
      <app-page-header [heading]="meeting.title" [subtitle]="('meetings.state.' + meeting.state | translate) + (meeting.confidential ? ' · ' + ('meetings.confidential' | translate) : '')" />
      <div class="actions" data-testid="meeting-actions">
        <a mat-stroked-button routerLink="/meetings"><mat-icon>calendar_view_week</mat-icon>{{ 'meetings.week.title' | translate }}</a>
        @if (takesPart() && meeting.state !== 'cancelled') {
          <a mat-flat-button [routerLink]="['/meetings', meeting.id, 'room']" data-testid="meeting-room-link"><mat-icon>meeting_room</mat-icon>{{ 'meetings.detail.room' | translate }}</a>
        }
        @if (meeting.me.manages) {
          @if (meeting.state === 'draft' || meeting.state === 'invited') {
            <a mat-stroked-button [routerLink]="['/meetings', meeting.id, 'edit']"><mat-icon>edit</mat-icon>{{ 'common.edit' | translate }}</a>
            <button mat-stroked-button type="button" (click)="step('invitations')" data-testid="meeting-invite"><mat-icon>send</mat-icon>{{ (meeting.invitedAt ? 'meetings.detail.inviteAgain' : 'meetings.detail.invite') | translate }}</button>
            <button mat-stroked-button type="button" (click)="step('start')" data-testid="meeting-start"><mat-icon>play_arrow</mat-icon>{{ 'meetings.detail.start' | translate }}</button>
            <button mat-button type="button" (click)="cancel()" data-testid="meeting-cancel"><mat-icon>event_busy</mat-icon>{{ 'meetings.detail.cancel' | translate }}</button>
          }
          @if (meeting.state === 'in_progress') {
            <button mat-stroked-button type="button" (click)="step('end')" data-testid="meeting-end"><mat-icon>stop</mat-icon>{{ 'meetings.detail.end' | translate }}</button>
          }
        }
        @if (meeting.invitationDocumentId) {
          <a mat-stroked-button [routerLink]="['/outgoing', meeting.invitationDocumentId]" data-testid="meeting-letter-open"><mat-icon>description</mat-icon>{{ 'meetings.detail.letter' | translate }}</a>
        } @else if (meeting.me.manages && mayDraft() && meeting.state !== 'ended' && meeting.state !== 'cancelled') {
          <button mat-stroked-button type="button" (click)="draftLetter()" data-testid="meeting-letter"><mat-icon>post_add</mat-icon>{{ 'meetings.detail.draftLetter' | translate }}</button>
        }
        @if (takesPart() && (meeting.state === 'in_progress' || meeting.state === 'ended')) {
          <button mat-stroked-button type="button" (click)="minutes()" data-testid="meeting-minutes"><mat-icon>picture_as_pdf</mat-icon>{{ 'meetings.detail.minutes' | translate }}</button>
        }
      </div>

      <div class="layout">
        <mat-card appearance="outlined">
          <mat-card-content>
            <dl class="facts">
              <dt>{{ 'meetings.detail.when' | translate }}</dt>
              <dd>{{ meeting.startsAt | vietnamDate: 'dateTime' }} – {{ clock(meeting.endsAt) }}</dd>
              <dt>{{ 'meetings.detail.where' | translate }}</dt>
              <dd>{{ meeting.room?.name ?? meeting.place ?? '—' }}@if (meeting.room?.location) { · {{ meeting.room?.location }} }</dd>
              @if (meeting.onlineLink) {
                <dt>{{ 'meetings.form.onlineLink' | translate }}</dt>
                <dd><a [href]="meeting.onlineLink" target="_blank" rel="noopener">{{ meeting.onlineLink }}</a></dd>
              }
              <dt>{{ 'meetings.chair' | translate }}</dt>
              <dd>{{ meeting.chair?.fullName ?? '—' }}</dd>
              @if (meeting.description) {
                <dt>{{ 'meetings.form.description' | translate }}</dt>
                <dd class="pre">{{ meeting.description }}</dd>
              }
            </dl>
          </mat-card-content>
        </mat-card>

        @if (mine().length && meeting.state !== 'ended' && meeting.state !== 'cancelled') {
          <mat-card appearance="outlined" data-testid="my-answer">
            <mat-card-header><mat-card-title>{{ 'meetings.answer.title' | translate }}</mat-card-title></mat-card-header>
            <mat-card-content>
              <p>{{ 'meetings.answer.current' | translate }}: <strong>{{ 'meetings.answer.' + mine()[0].answer | translate }}</strong>@if (mine()[0].delegate) { ({{ mine()[0].delegate?.fullName }}) }</p>
              <div class="answer">
                <button mat-flat-button type="button" (click)="answer('attend')" data-testid="answer-attend">{{ 'meetings.answer.attend' | translate }}</button>
                <button mat-stroked-button type="button" (click)="answer('decline')" data-testid="answer-decline">{{ 'meetings.answer.decline' | translate }}</button>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'meetings.answer.delegateTo' | translate }}</mat-label>
                  <mat-select [(ngModel)]="delegateId" data-testid="answer-delegate-person">
                    @for (person of people(); track person.id) {
                      <mat-option [value]="person.id">{{ person.fullName }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <button mat-stroked-button type="button" [disabled]="!delegateId" (click)="answer('delegate')" data-testid="answer-delegate">{{ 'meetings.answer.delegate' | translate }}</button>
              </div>
              <mat-form-field class="note" subscriptSizing="dynamic">
                <mat-label>{{ 'meetings.answer.note' | translate }}</mat-label>
                <input matInput [(ngModel)]="note" />
              </mat-form-field>
            </mat-card-content>
          </mat-card>
        }

        <mat-card appearance="outlined" class="participants">
          <mat-card-header>
            <mat-card-title>{{ 'meetings.participants' | translate }}</mat-card-title>
            <mat-card-subtitle data-testid="answer-tally">{{ 'meetings.detail.tally' | translate: tally() }}</mat-card-subtitle>
          </mat-card-header>
          <mat-card-content>
            <table>
              <tbody>
                @for (participant of meeting.participants; track participant.id) {
                  <tr data-testid="participant" [attr.data-answer]="participant.answer">
                    <td>{{ name(participant) }}</td>
                    <td class="role">{{ 'meetings.role.' + participant.role | translate }}</td>
                    <td>
                      <span class="answer-badge" [class]="participant.answer">{{ 'meetings.answer.' + participant.answer | translate }}</span>
                      @if (participant.delegate) { → {{ participant.delegate.fullName }} }
                      @if (participant.answerNote) { <span class="note-text">({{ participant.answerNote }})</span> }
                    </td>
                    <td>
                      @if (participant.checkedInAt) {
                        <mat-icon inline class="present" [title]="participant.checkedInAt | vietnamDate: 'dateTime'">how_to_reg</mat-icon>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined">
          <mat-card-header><mat-card-title>{{ 'meetings.agenda.title' | translate }}</mat-card-title></mat-card-header>
          <mat-card-content>
            <app-agenda-editor [meetingId]="meeting.id" [agenda]="meeting.agenda" [people]="people()" [manages]="meeting.me.manages" (changed)="reload()" />
          </mat-card-content>
        </mat-card>

        @if (takesPart()) {
          <mat-card appearance="outlined">
            <mat-card-header><mat-card-title>{{ 'meetings.materials.heading' | translate }}</mat-card-title></mat-card-header>
            <mat-card-content>
              <app-materials-panel [meetingId]="meeting.id" [materials]="meeting.materials" [agenda]="meeting.agenda" [people]="people()" [manages]="meeting.me.manages" (changed)="reload()" />
            </mat-card-content>
          </mat-card>

          @if (meeting.state === 'in_progress' || meeting.state === 'ended' || meeting.state === 'invited') {
            <mat-card appearance="outlined">
              <mat-card-header><mat-card-title>{{ 'meetings.conclusions.title' | translate }}</mat-card-title></mat-card-header>
              <mat-card-content>
                <app-conclusions-panel
                  [meetingId]="meeting.id"
                  [conclusions]="conclusions()"
                  [agenda]="meeting.agenda"
                  [people]="people()"
                  [units]="units()"
                  [manages]="meeting.me.manages"
                  [chairs]="meeting.me.chairs"
                  (changed)="reload()"
                />
              </mat-card-content>
            </mat-card>
          }
        }

        @if (figures(); as figures) {
          <mat-card appearance="outlined" data-testid="meeting-figures">
            <mat-card-header><mat-card-title>{{ 'meetings.figures.title' | translate }}</mat-card-title></mat-card-header>
            <mat-card-content>
              <dl class="facts">
                <dt>{{ 'meetings.figures.duration' | translate }}</dt>
                <dd>{{ 'meetings.figures.minutes' | translate: { planned: figures.plannedMinutes, actual: figures.actualMinutes ?? '—' } }}</dd>
                <dt>{{ 'meetings.figures.attendance' | translate }}</dt>
                <dd>{{ figures.present }}/{{ figures.participants }} ({{ percent(figures.attendanceRate) }}%)</dd>
                <dt>{{ 'meetings.figures.paper' | translate }}</dt>
                <dd>{{ 'meetings.figures.pages' | translate: { pages: figures.pagesNotPrinted, material: figures.materialPages, participants: figures.participants } }}</dd>
              </dl>
            </mat-card-content>
          </mat-card>
        }
      </div>
    }
  `,
  styles: `
    .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 16px; }
    .layout { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; align-items: start; }
    @media (max-width: 960px) { .layout { grid-template-columns: 1fr; } }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
    dt { opacity: 0.7; }
    dd { margin: 0; }
    .pre { white-space: pre-wrap; }
    .answer { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
    .note { width: 100%; }
    table { width: 100%; border-collapse: collapse; }
    td { padding: 4px 6px; border-bottom: 1px solid var(--mat-sys-outline-variant); vertical-align: middle; }
    .role { opacity: 0.75; font-size: 12px; }
    .answer-badge { font-size: 12px; padding: 0 6px; border-radius: 8px; background: var(--mat-sys-surface-container-high); }
    .answer-badge.attend { background: var(--mat-sys-primary-container); }
    .answer-badge.decline { background: var(--mat-sys-error-container); }
    .answer-badge.delegate { background: var(--mat-sys-tertiary-container); }
    .note-text { font-size: 12px; opacity: 0.7; }
    .present { color: var(--mat-sys-primary); }
  `,
})
export class MeetingPage {
  private readonly api = inject(MeetingsApi);
  private readonly client = inject(ApiClient);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly connection = inject(MeetingConnection);
  private readonly session = inject(SessionStore);

  readonly meeting = signal<MeetingDto | null>(null);
  readonly conclusions = signal<ConclusionDto[]>([]);
  readonly figures = signal<MeetingFiguresDto | null>(null);
  readonly people = toSignal(
    activePeople(this.client).pipe(
      map((users) => users.map((user): MeetingPersonDto => ({ id: user.id, fullName: user.fullName }))),
      catchError(() => of([] as MeetingPersonDto[])),
    ),
    { initialValue: [] as MeetingPersonDto[] },
  );
  readonly units = toSignal(this.client.units().pipe(catchError(() => of([]))), { initialValue: [] });
  readonly takesPart = computed(() => {
    const meeting = this.meeting();
    return Boolean(meeting && (meeting.me.participantIds.length || meeting.me.manages));
  });
  /** the participant rows the caller answers for (their own or their unit's) */
  readonly mine = computed(() => {
    const meeting = this.meeting();
    return meeting ? meeting.participants.filter((participant) => meeting.me.participantIds.includes(participant.id) && participant.kind !== 'guest') : [];
  });
  readonly tally = computed(() => answerTally(this.meeting()?.participants ?? []));
  readonly mayDraft = computed(() => this.session.hasAny(Permission.OutgoingDraft));
  delegateId: string | null = null;
  note = '';
  private id = '';

  constructor() {
    const route = inject(ActivatedRoute);
    route.paramMap.pipe(takeUntilDestroyed()).subscribe((parameters) => {
      this.id = parameters.get('meetingId') ?? '';
      this.reload(true);
    });
    // live: answers, check-ins, materials and conclusions arrive as events; read the meeting again
    this.connection.events$.pipe(debounceTime(150), takeUntilDestroyed()).subscribe(() => this.reload());
    this.connection.reloadNeeded$.pipe(takeUntilDestroyed()).subscribe(() => this.reload());
  }

  reload(first = false): void {
    this.api.get(this.id).subscribe({
      next: (meeting) => {
        this.meeting.set(meeting);
        if (first && (meeting.me.participantIds.length || meeting.me.manages)) this.connection.open(meeting.id, meeting.lastEventSequence);
        if (meeting.me.participantIds.length || meeting.me.manages) this.api.conclusions(meeting.id).subscribe({ next: (list) => this.conclusions.set(list), error: () => undefined });
        if (meeting.state === 'ended') this.api.figures(meeting.id).subscribe({ next: (figures) => this.figures.set(figures), error: () => undefined });
      },
      error: (error) => {
        this.notifier.error(error);
        if (first) void this.router.navigate(['/meetings']);
      },
    });
  }

  step(step: 'invitations' | 'start' | 'end'): void {
    this.api.step(this.id, step).subscribe({
      next: (meeting) => {
        this.meeting.set(meeting);
        this.notifier.success(`meetings.detail.done.${step}`);
        if (step === 'end') this.reload();
      },
      error: (error) => this.notifier.error(error),
    });
  }

  cancel(): void {
    const meeting = this.meeting();
    if (!meeting) return;
    this.api.cancel(meeting.id, meeting.version).subscribe({ next: (changed) => this.meeting.set(changed), error: (error) => this.notifier.error(error) });
  }

  answer(answer: Exclude<InvitationAnswer, 'pending'>): void {
    const participantId = this.mine()[0]?.id;
    this.api.answer(this.id, { participantId, answer, delegateId: answer === 'delegate' ? this.delegateId : null, note: this.note || null }).subscribe({
      next: (meeting) => {
        this.meeting.set(meeting);
        this.notifier.success('meetings.answer.saved');
      },
      error: (error) => this.notifier.error(error),
    });
  }

  /** The invitation as an outgoing document (Giấy mời), opened in the outgoing flow to be reviewed and signed. */
  draftLetter(): void {
    this.api.invitationLetter(this.id).subscribe({
      next: ({ outgoingDocumentId }) => void this.router.navigate(['/outgoing', outgoingDocumentId]),
      error: (error) => this.notifier.error(error),
    });
  }

  minutes(): void {
    this.api.minutes(this.id).subscribe({ next: (blob) => saveBlob(blob, `bien-ban-${this.id.slice(0, 8)}.pdf`), error: (error) => this.notifier.error(error) });
  }

  name = participantName;
  clock = vietnamClock;
  percent = (rate: number) => Math.round(rate * 100);
}
