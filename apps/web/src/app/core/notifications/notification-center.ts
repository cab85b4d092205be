import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { NotificationEvent, StoredNotificationDto } from '@app/contracts';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../api/api-client';
import { SessionStore } from '../auth/session-store';
import { Notifier } from '../errors/notifier';
import { RealtimeService } from '../realtime/realtime.service';

/** How many the bell's panel shows at first; older ones come with "see more". */
export const PANEL_PAGE = 10;

/**
 * The state behind the bell: the unread count (from the server: at connection, on every push,
 * after each read on any device) and the latest notifications. A new one is added on top and
 * announced in a snackbar whose action opens it.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly api = inject(ApiClient);
  private readonly realtime = inject(RealtimeService);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly notifier = inject(Notifier);

  private readonly list = signal<StoredNotificationDto[]>([]);
  private readonly cursor = signal<string | null>(null);
  private readonly count = signal(0);
  private readonly busy = signal(false);
  private readonly loadFailed = signal(false);
  /** the list was fetched at least once since sign-in; before that a push alone does not make a list */
  private loaded = false;
  /** ids already announced, so that an event delivered twice (two tabs' reconnection) shows once */
  private readonly announced = new Set<string>();

  readonly items = this.list.asReadonly();
  readonly unread = this.count.asReadonly();
  readonly hasMore = computed(() => this.cursor() !== null);
  readonly loading = this.busy.asReadonly();
  readonly failed = this.loadFailed.asReadonly();

  constructor() {
    this.realtime.notifications$.pipe(takeUntilDestroyed()).subscribe((event) => this.arrived(event));
    this.realtime.unreadCounts$.pipe(takeUntilDestroyed()).subscribe((unread) => this.count.set(unread));
    // after a (re)connection, whatever happened while offline: the count, and the list if shown before
    this.realtime.connected$.pipe(takeUntilDestroyed()).subscribe(() => {
      void this.refreshCount();
      if (this.loaded) void this.load();
    });
    // signing out (or in as someone else) leaves nothing of the previous user's
    const userId = computed(() => this.session.user()?.id ?? null);
    effect(() => {
      userId(); // an id, not the user object: a token refresh gives a new object for the same person
      untracked(() => this.reset());
    });
  }

  /** The first page, newest first (the panel calls it when it opens). */
  async load(): Promise<void> {
    this.busy.set(true);
    this.loadFailed.set(false);
    try {
      const page = await firstValueFrom(this.api.notifications({ limit: PANEL_PAGE }));
      this.list.set(page.items);
      this.cursor.set(page.nextCursor);
      this.loaded = true;
    } catch {
      this.loadFailed.set(true);
    } finally {
      this.busy.set(false);
    }
  }

  async loadMore(): Promise<void> {
    const cursor = this.cursor();
    if (!cursor || this.busy()) return;
    this.busy.set(true);
    try {
      const page = await firstValueFrom(this.api.notifications({ limit: PANEL_PAGE, cursor }));
      const known = new Set(this.list().map((item) => item.id));
      this.list.update((items) => [...items, ...page.items.filter((item) => !known.has(item.id))]);
      this.cursor.set(page.nextCursor);
    } catch (error) {
      this.notifier.error(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** A click: marks it read (when unread) and goes where it points. */
  async open(item: Pick<StoredNotificationDto, 'id' | 'link' | 'readAt'>): Promise<void> {
    if (!item.readAt) {
      this.markedLocally([item.id]);
      // reading is a side matter: a failure must not stop the navigation the user asked for
      this.api.markNotificationRead(item.id).subscribe({ next: ({ unread }) => this.count.set(unread), error: () => undefined });
    }
    if (item.link) await this.router.navigateByUrl(item.link);
  }

  async markAllRead(): Promise<void> {
    try {
      const { unread } = await firstValueFrom(this.api.markAllNotificationsRead());
      this.markedLocally(this.list().map((item) => item.id));
      this.count.set(unread);
    } catch (error) {
      this.notifier.error(error);
    }
  }

  private async refreshCount(): Promise<void> {
    try {
      this.count.set((await firstValueFrom(this.api.unreadNotificationCount())).unread);
    } catch {
      // the badge keeps its last value; the next push or reconnection corrects it
    }
  }

  private arrived(event: NotificationEvent): void {
    if (this.announced.has(event.id)) return;
    // the set only has to outlive a burst of redeliveries: keep it small
    if (this.announced.size >= 200) this.announced.clear();
    this.announced.add(event.id);
    const stored: StoredNotificationDto = { ...event, readAt: null };
    if (this.loaded) this.list.update((items) => (items.some((item) => item.id === event.id) ? items : [stored, ...items]));
    const snack = this.snackBar.open(event.title, this.translate.instant('notifications.view') as string, { duration: 6000 });
    snack.onAction().subscribe(() => void this.open(stored));
  }

  private markedLocally(ids: string[]): void {
    const now = new Date().toISOString();
    const read = new Set(ids);
    this.list.update((items) => items.map((item) => (read.has(item.id) && !item.readAt ? { ...item, readAt: now } : item)));
  }

  private reset(): void {
    this.list.set([]);
    this.cursor.set(null);
    this.count.set(0);
    this.loaded = false;
    this.announced.clear();
  }
}
