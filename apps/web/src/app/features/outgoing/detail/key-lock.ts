import { Signal, computed, effect, signal } from '@angular/core';
import { SigningFailure, stillLocked } from './signing-failure';

/**
 * Whether a key locked by repeated wrong passphrases still holds the button: true until the lock's
 * end given by the server, then false by itself (a timer wakes the panel). Call it in a field
 * initializer (it needs the injection context of the component).
 */
export function keyLock(failure: Signal<SigningFailure | null>): Signal<boolean> {
  const now = signal(new Date());
  effect((onCleanup) => {
    const until = failure()?.lockedUntil;
    if (!until) return;
    const timer = setTimeout(() => now.set(new Date()), Math.max(0, until.getTime() - Date.now()) + 500);
    onCleanup(() => clearTimeout(timer));
  });
  return computed(() => stillLocked(failure(), now()));
}
