import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { MeetingDto, MeetingEventEnvelope, PARTICIPANT_ROLE_LABELS, ParticipantRole, PollDto, SpeakerDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { LanguageService } from '../../../core/i18n/language.service';
import { VietnamDatePipe } from '../../../core/i18n/vietnam-date.pipe';
import { MeetingConnection } from './meeting-connection';
import { MeetingRoomApi } from './meeting-room-api';
import { PollPanel } from './poll-panel';
import { SpeakerQueue } from './speaker-queue';

/** How many of the latest live events the room shows. */
const FEED_LENGTH = 30;

/**
 * The meeting room on a tablet: who is online now and on which material and page, the attendance
 * (check-in), the materials to open in the viewer, and what happens live (speakers, polls,
 * publications) as it comes. The meeting is read again whenever an event says it changed.
 */
@Component({
  selector: 'app-meeting-room-page',
  imports: [RouterLink, MatButtonModule, MatCardModule, MatIconModule, TranslatePipe, VietnamDatePipe, SpeakerQueue, PollPanel],
  providers: [MeetingConnection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (meeting(); as meeting) {
      <a mat-button [routerLink]="['/meetings', meeting.id]"><mat-icon>arrow_back</mat-icon> {{ 'meetingsLive.room.back' | translate }}</a>
      <header class="head">
        <h1>{{ meeting.title }}</h1>
        <span class="status" [class.on]="live.online()" data-testid="room-online">{{ (live.online() ? 'meetingsLive.online' : 'meetingsLive.offline') | translate }}</span>
      </header>
      <div class="layout">
        <mat-card class="block">
          <h2>{{ 'meetingsLive.room.materials' | translate }}</h2>
          @for (material of meeting.materials; track material.id) {
            @if (material.versions[0]; as version) {
              <a mat-button class="material" [routerLink]="['/meetings', meeting.id, 'materials', version.id]" data-testid="room-material">
                <mat-icon>picture_as_pdf</mat-icon> {{ material.title }} ({{ 'meetingsLive.room.version' | translate: { number: version.number, pages: version.pageCount } }})
              </a>
            }
          } @empty {
            <p>{{ 'meetingsLive.room.noMaterials' | translate }}</p>
          }
        </mat-card>
        <mat-card class="block" data-testid="room-presence">
          <h2>{{ 'meetingsLive.presence.title' | translate: { count: online().length } }}</h2>
          @for (person of online(); track person.userId) {
            <p class="person">
              <span class="dot"></span> {{ person.fullName }}
              <span class="muted">{{ roleLabel(person.role) }}{{ person.material ? ' · ' + person.material : '' }}@if (person.pageIndex !== null) { · {{ 'meetingsLive.viewer.page' | translate }} {{ person.pageIndex + 1 }} }</span>
            </p>
          }
        </mat-card>
        <mat-card class="block">
          <app-speaker-queue [speakers]="speakers()" [chairs]="meeting.me.chairs" [me]="me()" (request)="requestToSpeak()" (reorder)="orderSpeakers($event)" (act)="speakerStep($event)" />
        </mat-card>
        <mat-card class="block">
          <app-poll-panel [polls]="polls()" [chairs]="meeting.me.chairs" (vote)="vote($event)" (close)="closePoll($event)" (open)="openPoll($event)" />
        </mat-card>
        <mat-card class="block" data-testid="room-attendance">
          <h2>{{ 'meetingsLive.room.attendance' | translate: { present: checkedIn(), total: meeting.participants.length } }}</h2>
          @if (mayCheckIn()) {
            <button mat-flat-button (click)="checkIn()" data-testid="check-in"><mat-icon>how_to_reg</mat-icon> {{ 'meetingsLive.room.checkIn' | translate }}</button>
          }
          @for (participant of meeting.participants; track participant.id) {
            <p class="person" data-testid="attendee" [attr.data-checked-in]="!!participant.checkedInAt">
              <mat-icon class="small">{{ participant.checkedInAt ? 'how_to_reg' : 'person_outline' }}</mat-icon>
              {{ participant.user?.fullName ?? participant.unit?.name ?? participant.guestName }}
              <span class="muted">{{ roleLabel(participant.role) }}{{ participant.checkedInAt ? ' · ' + (participant.checkedInAt | vietnamDate: 'dateTime') : '' }}</span>
              @if (meeting.me.manages && !participant.checkedInAt) {
                <button mat-button (click)="checkIn(participant.id)">{{ 'meetingsLive.room.checkInFor' | translate }}</button>
              }
            </p>
          }
        </mat-card>
        <mat-card class="block">
          <h2>{{ 'meetingsLive.room.happening' | translate }}</h2>
          @for (event of feed(); track event.sequence) {
            <p class="person"><span class="muted">{{ event.at | vietnamDate: 'dateTime' }}</span> {{ 'meetingsLive.event.' + event.name | translate }}</p>
          } @empty {
            <p class="muted">{{ 'meetingsLive.room.quiet' | translate }}</p>
          }
        </mat-card>
      </div>
    } @else if (failed()) {
      <p role="alert">{{ 'meetingsLive.room.unavailable' | translate }}</p>
    }
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
    h1 { font: var(--mat-sys-headline-small); margin: 0; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .status { font-size: 13px; color: var(--mat-sys-error); }
    .status.on { color: var(--mat-sys-primary); }
    .layout { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; margin-top: 12px; }
    .block { padding: 16px; }
    .material { display: flex; justify-content: flex-start; }
    .person { display: flex; align-items: center; gap: 6px; margin: 4px 0; }
    .dot { width: 10px; height: 10px; border-radius: 50%; background: #43a047; }
    .muted { color: var(--mat-sys-on-surface-variant); font-size: 13px; }
    .small { font-size: 18px; width: 18px; height: 18px; }
  `,
})
export class MeetingRoomPage {
  private readonly api = inject(MeetingRoomApi);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  protected readonly live = inject(MeetingConnection);
  private readonly session = inject(SessionStore);
  protected readonly me = computed(() => this.session.user()?.id ?? null);
  protected readonly meeting = signal<MeetingDto | null>(null);
  protected readonly speakers = signal<SpeakerDto[]>([]);
  protected readonly polls = signal<PollDto[]>([]);
  protected readonly failed = signal(false);
  protected readonly feed = signal<MeetingEventEnvelope[]>([]);
  private meetingId = '';

  /** the caller's own row is not checked in yet */
  protected readonly mayCheckIn = computed(() => {
    const meeting = this.meeting();
    return !!meeting && meeting.participants.some((participant) => meeting.me.participantIds.includes(participant.id) && participant.user?.id === this.me() && !participant.checkedInAt);
  });
  protected readonly checkedIn = computed(() => this.meeting()?.participants.filter((participant) => participant.checkedInAt).length ?? 0);
  /** one line per person online, with the material and page of one of their devices */
  protected readonly online = computed(() => {
    const titles = new Map<string, string>();
    for (const material of this.meeting()?.materials ?? []) for (const version of material.versions) titles.set(version.id, material.title);
    const people = new Map<string, { userId: string; fullName: string; role: ParticipantRole | null; material: string | null; pageIndex: number | null }>();
    for (const entry of this.live.presence()) {
      const material = entry.materialVersionId ? (titles.get(entry.materialVersionId) ?? null) : null;
      if (!people.has(entry.userId) || material)
        people.set(entry.userId, { userId: entry.userId, fullName: entry.fullName, role: entry.role, material, pageIndex: material ? entry.pageIndex : null });
    }
    return [...people.values()];
  });

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((parameters) => {
        this.meetingId = parameters.get('meetingId') ?? '';
        this.load(true);
        this.loadSpeakers();
        this.loadPolls();
      });
    this.live.events$.pipe(takeUntilDestroyed()).subscribe((event) => {
      this.feed.update((list) => [event, ...list].slice(0, FEED_LENGTH));
      // the event says what changed; what it is now is read from the API, which decides what this user may see
      if (event.name === 'speakers.changed') this.loadSpeakers();
      else if (event.name.startsWith('poll.')) this.loadPolls();
      else this.load(false);
    });
    this.live.reloadNeeded$.pipe(takeUntilDestroyed()).subscribe(() => {
      this.load(false);
      this.loadSpeakers();
      this.loadPolls();
    });
  }

  protected checkIn(participantId?: string): void {
    this.run(this.api.checkIn(this.meetingId, participantId), (meeting) => this.meeting.set(meeting));
  }
  protected requestToSpeak(): void {
    this.run(this.api.requestToSpeak(this.meetingId, null), (speakers) => this.speakers.set(speakers));
  }
  protected orderSpeakers(speakerIds: string[]): void {
    this.run(this.api.orderSpeakers(this.meetingId, speakerIds), (speakers) => this.speakers.set(speakers));
  }
  protected speakerStep({ speakerId, step }: { speakerId: string; step: 'start' | 'stop' | 'withdraw' }): void {
    const call = step === 'withdraw' ? this.api.withdraw(this.meetingId, speakerId) : this.api.speaker(this.meetingId, speakerId, step);
    this.run(call, (speakers) => this.speakers.set(speakers));
  }
  protected vote({ pollId, optionId, participantId }: { pollId: string; optionId: string; participantId: string }): void {
    this.run(this.api.vote(this.meetingId, pollId, optionId, participantId), (poll) => this.keepPoll(poll));
  }
  protected closePoll(pollId: string): void {
    this.run(this.api.closePoll(this.meetingId, pollId), (poll) => this.keepPoll(poll));
  }
  protected openPoll({ question, secret }: { question: string; secret: boolean }): void {
    this.run(this.api.openPoll(this.meetingId, { question, secret }), (poll) => this.keepPoll(poll));
  }

  private keepPoll(poll: PollDto): void {
    this.polls.update((list) => (list.some((one) => one.id === poll.id) ? list.map((one) => (one.id === poll.id ? poll : one)) : [poll, ...list]));
  }

  private loadSpeakers(): void {
    this.api.speakers(this.meetingId).subscribe({ next: (speakers) => this.speakers.set(speakers), error: () => undefined });
  }

  private loadPolls(): void {
    this.api.polls(this.meetingId).subscribe({ next: (polls) => this.polls.set(polls), error: () => undefined });
  }

  private run<T>(call: Observable<T>, done: (value: T) => void): void {
    call.subscribe({ next: done, error: (error) => this.notifier.error(error) });
  }

  protected roleLabel(role: ParticipantRole | null): string {
    return role ? PARTICIPANT_ROLE_LABELS[role][this.language.current() === 'en' ? 'en' : 'vi'] : '';
  }

  private load(first: boolean): void {
    this.api.meeting(this.meetingId).subscribe({
      next: (meeting) => {
        this.meeting.set(meeting);
        if (first) this.live.open(meeting.id, meeting.lastEventSequence);
      },
      error: () => this.failed.set(true),
    });
  }
}
