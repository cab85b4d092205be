import { Injectable, computed, signal, untracked } from '@angular/core';

/** Quick answers should not flash a bar; anything slower than this shows progress. */
export const ACTIVITY_DELAY_MS = 300;

/**
 * Counts work in progress (HTTP calls, lazy route loads) and says when to show the global progress
 * bar: only once something has been running for ACTIVITY_DELAY_MS.
 */
@Injectable({ providedIn: 'root' })
export class ActivityIndicator {
  private readonly running = signal(0);
  private readonly overdue = signal(false);
  private timer: ReturnType<typeof setTimeout> | null = null;

  readonly visible = computed(() => this.running() > 0 && this.overdue());

  /**
   * Marks the start of some work; call the returned function exactly once when it ends. Untracked:
   * a request sent from an effect must not make the count one of the effect's signals, or the
   * request's own end would run the effect, and send the request, again and again.
   */
  start(): () => void {
    return untracked(() => this.begin());
  }

  private begin(): () => void {
    this.running.update((count) => count + 1);
    if (this.running() === 1) this.timer = setTimeout(() => this.overdue.set(true), ACTIVITY_DELAY_MS);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.running.update((count) => count - 1);
      if (this.running() === 0) {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.overdue.set(false);
      }
    };
  }
}
