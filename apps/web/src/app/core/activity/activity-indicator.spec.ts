import { ApplicationRef, effect, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivityIndicator } from './activity-indicator';

describe('ActivityIndicator', () => {
  it('shows the bar only for work still running after the delay, and hides it when all work ends', () => {
    vi.useFakeTimers();
    try {
      const activity = TestBed.inject(ActivityIndicator);
      const first = activity.start();
      const second = activity.start();
      expect(activity.visible()).toBe(false);
      vi.advanceTimersByTime(400);
      expect(activity.visible()).toBe(true);
      first();
      first();
      expect(activity.visible()).toBe(true);
      second();
      expect(activity.visible()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not become a signal of an effect that starts work, so the work’s end does not run the effect again', async () => {
    const activity = TestBed.inject(ActivityIndicator);
    const documentId = signal('doc-1');
    const runs: string[] = [];
    let end: () => void = () => undefined;
    TestBed.runInInjectionContext(() =>
      effect(() => {
        runs.push(documentId());
        // what a request sent from an effect does through the activity interceptor
        end = activity.start();
      }),
    );
    await TestBed.inject(ApplicationRef).whenStable();
    end();
    await TestBed.inject(ApplicationRef).whenStable();
    expect(runs).toEqual(['doc-1']);
    documentId.set('doc-2');
    await TestBed.inject(ApplicationRef).whenStable();
    end();
    await TestBed.inject(ApplicationRef).whenStable();
    expect(runs).toEqual(['doc-1', 'doc-2']);
  });
});
