import { WritableSignal, signal } from '@angular/core';
import { Observable } from 'rxjs';

/**
 * One request of a panel at a time: the button waits while it runs, the previous refusal is cleared
 * when it starts, and a new refusal is kept in the panel's `failure` signal (shown above the form).
 */
export class PanelRequest<F> {
  readonly busy = signal(false);

  constructor(
    private readonly failure: WritableSignal<F | null>,
    private readonly describe: (error: unknown) => F,
  ) {}

  run<T>(request: Observable<T>, done: (value: T) => void, always: () => void = () => undefined): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        always();
        done(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        always();
        this.failure.set(this.describe(error));
      },
    });
  }
}
