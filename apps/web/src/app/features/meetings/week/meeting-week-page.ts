import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { MeetingSummaryDto, Permission } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';
import { SessionStore } from '../../../core/auth/session-store';
import { Notifier } from '../../../core/errors/notifier';
import { PageHeader } from '../../../shared/page-header/page-header';
import { MeetingsApi } from '../meetings-api';
import { addDays, byDay, mondayOf, vietnamClock, vietnamDay, weekDays, weekNumber } from '../meeting-time';

/**
 * The agency's weekly schedule (lịch công tác tuần): Monday to Sunday, every meeting the reader may
 * see, by day; or one room's bookings. Columns side by side on a desktop, one under another on a phone.
 */
@Component({
  selector: 'app-meeting-week-page',
  imports: [FormsModule, MatButtonModule, MatButtonToggleModule, MatCardModule, MatIconModule, MatProgressBarModule, MatSelectModule, RouterLink, TranslatePipe, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-header [heading]="'meetings.week.title' | translate" [subtitle]="'meetings.week.subtitle' | translate: { week: number(), from: shown(days()[0]), to: shown(days()[6]) }" />
    <div class="toolbar">
      <button mat-icon-button type="button" (click)="move(-7)" [attr.aria-label]="'meetings.week.previous' | translate" data-testid="week-previous"><mat-icon>chevron_left</mat-icon></button>
      <button mat-stroked-button type="button" (click)="monday.set(thisMonday)">{{ 'meetings.week.today' | translate }}</button>
      <button mat-icon-button type="button" (click)="move(7)" [attr.aria-label]="'meetings.week.next' | translate" data-testid="week-next"><mat-icon>chevron_right</mat-icon></button>
      <mat-form-field subscriptSizing="dynamic" class="room">
        <mat-label>{{ 'meetings.week.room' | translate }}</mat-label>
        <mat-select [ngModel]="roomId()" (ngModelChange)="roomId.set($event)" data-testid="week-room">
          <mat-option [value]="null">{{ 'meetings.week.allRooms' | translate }}</mat-option>
          @for (room of rooms(); track room.id) {
            <mat-option [value]="room.id">{{ room.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="spacer"></span>
      <a mat-stroked-button routerLink="/meetings/consultations"><mat-icon>how_to_vote</mat-icon>{{ 'meetings.consultations.title' | translate }}</a>
      @if (mayOrganise()) {
        <a mat-flat-button routerLink="/meetings/new" data-testid="meeting-new"><mat-icon>add</mat-icon>{{ 'meetings.week.new' | translate }}</a>
      }
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <div class="week" data-testid="meeting-week">
      @for (day of days(); track day; let index = $index) {
        <section class="day" [class.today]="day === today" [class.weekend]="index >= 5">
          <h3>{{ 'meetings.week.weekday.' + index | translate }} <span>{{ day.slice(8, 10) }}/{{ day.slice(5, 7) }}</span></h3>
          @for (meeting of grouped().get(day) ?? []; track meeting.id) {
            <a class="meeting" [routerLink]="['/meetings', meeting.id]" [class.cancelled]="meeting.state === 'cancelled'" data-testid="week-meeting">
              <strong>{{ clock(meeting.startsAt) }}–{{ clock(meeting.endsAt) }}</strong>
              <span class="title">{{ meeting.title }}</span>
              <span class="where"><mat-icon inline>place</mat-icon>{{ meeting.room?.name ?? meeting.place ?? ('meetings.week.noPlace' | translate) }}</span>
              @if (meeting.chair) {
                <span class="chair">{{ 'meetings.chair' | translate }}: {{ meeting.chair.fullName }}</span>
              }
              @if (meeting.confidential) {
                <span class="badge">{{ 'meetings.confidential' | translate }}</span>
              }
              @if (meeting.state === 'cancelled') {
                <span class="badge">{{ 'meetings.state.cancelled' | translate }}</span>
              }
            </a>
          } @empty {
            <p class="none">—</p>
          }
        </section>
      }
    </div>
  `,
  styles: `
    .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 12px; }
    .toolbar .room { min-width: 220px; }
    .spacer { flex: 1; }
    .week { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: 8px; }
    @media (max-width: 960px) { .week { grid-template-columns: 1fr; } }
    .day { background: var(--mat-sys-surface-container-low); border-radius: 8px; padding: 8px; min-height: 120px; }
    .day.today { outline: 2px solid var(--mat-sys-primary); }
    .day.weekend h3 { color: var(--mat-sys-error); }
    h3 { margin: 0 0 8px; font-size: 14px; }
    h3 span { font-weight: normal; opacity: 0.7; }
    .meeting { display: flex; flex-direction: column; gap: 2px; padding: 8px; margin-bottom: 6px; border-radius: 6px; background: var(--mat-sys-surface); text-decoration: none; color: inherit; border-left: 4px solid var(--mat-sys-primary); }
    .meeting.cancelled { opacity: 0.6; text-decoration: line-through; border-left-color: var(--mat-sys-outline); }
    .title { font-weight: 500; }
    .where, .chair { font-size: 12px; opacity: 0.8; }
    .badge { align-self: flex-start; font-size: 11px; padding: 0 6px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .none { opacity: 0.5; margin: 0; }
  `,
})
export class MeetingWeekPage {
  private readonly api = inject(MeetingsApi);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);

  readonly today = vietnamDay(new Date());
  readonly thisMonday = mondayOf(this.today);
  readonly monday = signal(this.thisMonday);
  readonly roomId = signal<string | null>(null);
  readonly loading = signal(false);
  readonly days = computed(() => weekDays(this.monday()));
  readonly number = computed(() => weekNumber(this.monday()));
  readonly mayOrganise = computed(() => this.session.hasAny(Permission.MeetingsOrganise));
  readonly rooms = toSignal(this.api.rooms().pipe(catchError(() => of([]))), { initialValue: [] });

  private readonly meetings = toSignal(
    combineLatest([toObservable(this.monday), toObservable(this.roomId)]).pipe(
      switchMap(([monday, roomId]) => {
        this.loading.set(true);
        return this.api.schedule({ from: monday, to: addDays(monday, 6), roomId: roomId ?? undefined }).pipe(
          catchError((error) => {
            this.notifier.error(error);
            return of([] as MeetingSummaryDto[]);
          }),
          map((list) => {
            this.loading.set(false);
            return list;
          }),
        );
      }),
      startWith([] as MeetingSummaryDto[]),
    ),
    { initialValue: [] },
  );
  readonly grouped = computed(() => byDay(this.meetings(), this.days()));

  move(days: number): void {
    this.monday.update((monday) => addDays(monday, days));
  }

  /** yyyy-mm-dd as people write it: dd/mm/yyyy */
  shown(day: string): string {
    return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
  }

  clock(instant: string): string {
    return vietnamClock(instant);
  }
}
