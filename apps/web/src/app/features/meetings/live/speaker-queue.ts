import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { SpeakerDto } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';

/** mm:ss */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The speaker list (đăng ký phát biểu) as everyone sees it live: who speaks now and for how long,
 * who waits in which order. Members ask to speak or withdraw; the chair reorders, starts and stops.
 */
@Component({
  selector: 'app-speaker-queue',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>{{ 'meetingsLive.speakers.title' | translate }}</h2>
    @if (speaking(); as now) {
      <p class="now" data-testid="speaker-now">
        <mat-icon>record_voice_over</mat-icon> {{ now.user.fullName }} <strong>{{ elapsed(now) }}</strong>
        @if (chairs()) {
          <button mat-button (click)="act.emit({ speakerId: now.id, step: 'stop' })">{{ 'meetingsLive.speakers.stop' | translate }}</button>
        }
      </p>
    }
    <ol class="queue">
      @for (speaker of waiting(); track speaker.id; let first = $first; let last = $last) {
        <li data-testid="speaker-waiting">
          <span>{{ speaker.user.fullName }}</span>
          @if (chairs()) {
            <button mat-icon-button [disabled]="first" (click)="move(speaker.id, -1)" [attr.aria-label]="'meetingsLive.speakers.up' | translate"><mat-icon>arrow_upward</mat-icon></button>
            <button mat-icon-button [disabled]="last" (click)="move(speaker.id, 1)" [attr.aria-label]="'meetingsLive.speakers.down' | translate"><mat-icon>arrow_downward</mat-icon></button>
            <button mat-button (click)="act.emit({ speakerId: speaker.id, step: 'start' })">{{ 'meetingsLive.speakers.start' | translate }}</button>
          } @else if (speaker.user.id === me()) {
            <button mat-button (click)="act.emit({ speakerId: speaker.id, step: 'withdraw' })">{{ 'meetingsLive.speakers.withdraw' | translate }}</button>
          }
        </li>
      } @empty {
        <li class="muted">{{ 'meetingsLive.speakers.none' | translate }}</li>
      }
    </ol>
    @if (!asked()) {
      <button mat-stroked-button (click)="request.emit()" data-testid="speaker-request"><mat-icon>front_hand</mat-icon> {{ 'meetingsLive.speakers.request' | translate }}</button>
    }
  `,
  styles: `
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .now { display: flex; align-items: center; gap: 8px; font-size: 16px; }
    .queue { padding-left: 20px; margin: 4px 0 8px; }
    .queue li { display: flex; align-items: center; gap: 4px; min-height: 40px; }
    .queue li span { flex: 1; }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class SpeakerQueue {
  readonly speakers = input.required<SpeakerDto[]>();
  readonly chairs = input(false);
  readonly me = input<string | null>(null);
  readonly request = output<void>();
  readonly reorder = output<string[]>();
  readonly act = output<{ speakerId: string; step: 'start' | 'stop' | 'withdraw' }>();

  private readonly now = signal(Date.now());
  protected readonly speaking = computed(() => this.speakers().find((speaker) => speaker.state === 'speaking') ?? null);
  protected readonly waiting = computed(() => this.speakers().filter((speaker) => speaker.state === 'waiting').sort((one, other) => one.position - other.position));
  protected readonly asked = computed(() => this.speakers().some((speaker) => speaker.user.id === this.me() && (speaker.state === 'waiting' || speaker.state === 'speaking')));

  constructor() {
    // the elapsed time of the one speaking ticks every second
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected elapsed(speaker: SpeakerDto): string {
    const started = speaker.startedAt ? Date.parse(speaker.startedAt) : this.now();
    return clock((this.now() - started) / 1000);
  }

  protected move(speakerId: string, by: number): void {
    const ids = this.waiting().map((speaker) => speaker.id);
    const from = ids.indexOf(speakerId);
    ids.splice(from, 1);
    ids.splice(from + by, 0, speakerId);
    this.reorder.emit(ids);
  }
}
