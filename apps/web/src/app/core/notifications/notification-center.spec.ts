import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, provideRouter } from '@angular/router';
import { AuthSession, CurrentUser, NotificationEvent, StoredNotificationDto } from '@app/contracts';
import { provideTranslateService } from '@ngx-translate/core';
import { Subject } from 'rxjs';
import { SessionStore } from '../auth/session-store';
import { RealtimeService } from '../realtime/realtime.service';
import { NotificationCenter, PANEL_PAGE } from './notification-center';

const user: CurrentUser = {
  id: 'u-1',
  username: 'truongphong',
  fullName: 'Lê Thị Hương',
  position: null,
  unitId: null,
  unitName: null,
  roles: ['unit_head'],
  permissions: ['desk.view'],
  organ: { id: 'o-1', organId: '000.00.00.G10', name: 'Bộ Y tế' },
};
const session = (accessToken: string, who: CurrentUser = user): AuthSession => ({ accessToken, expiresIn: 900, user: who });

const stored = (id: string, readAt: string | null = null): StoredNotificationDto => ({
  id,
  kind: 'incoming.assigned',
  title: `Văn bản được giao: ${id}`,
  link: `/incoming/doc-${id}`,
  createdAt: '2026-11-26T03:00:00Z',
  readAt,
});

describe('NotificationCenter', () => {
  let backend: HttpTestingController;
  let center: NotificationCenter;
  let store: SessionStore;
  let navigate: ReturnType<typeof vi.spyOn>;
  let snackBar: { open: ReturnType<typeof vi.fn>; action: Subject<void> };
  const live = { notifications$: new Subject<NotificationEvent>(), unreadCounts$: new Subject<number>(), connected$: new Subject<void>() };

  beforeEach(() => {
    snackBar = { open: vi.fn(), action: new Subject<void>() };
    snackBar.open.mockReturnValue({ onAction: () => snackBar.action });
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
        { provide: RealtimeService, useValue: live },
        { provide: MatSnackBar, useValue: snackBar },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    store.start(session('token-1'));
    center = TestBed.inject(NotificationCenter);
    TestBed.tick();
  });

  afterEach(() => backend.verify());

  async function loadFirstPage(items: StoredNotificationDto[], nextCursor: string | null = null): Promise<void> {
    const loading = center.load();
    backend.expectOne(`/api/notifications?limit=${PANEL_PAGE}`).flush({ items, nextCursor });
    await loading;
  }

  it('takes the count at each connection and from every push', async () => {
    live.connected$.next();
    backend.expectOne('/api/notifications/unread-count').flush({ unread: 3 });
    await Promise.resolve();
    expect(center.unread()).toBe(3);
    live.unreadCounts$.next(5);
    expect(center.unread()).toBe(5);
  });

  it('lists the latest, adds a pushed one on top and announces it; its action opens it', async () => {
    await loadFirstPage([stored('b'), stored('a', '2026-11-26T04:00:00Z')], 'cursor-1');
    expect(center.hasMore()).toBe(true);
    const event: NotificationEvent = { id: 'c', kind: 'incoming.overdue', title: 'Quá hạn: Về việc C', link: '/incoming/doc-c', createdAt: '2026-11-27T00:30:00Z' };
    live.notifications$.next(event);
    expect(center.items().map((item) => item.id)).toEqual(['c', 'b', 'a']);
    expect(snackBar.open).toHaveBeenCalledWith('Quá hạn: Về việc C', expect.any(String), expect.objectContaining({ duration: expect.any(Number) }));
    // the same event delivered twice is listed and announced once
    live.notifications$.next(event);
    expect(center.items()).toHaveLength(3);
    expect(snackBar.open).toHaveBeenCalledTimes(1);

    snackBar.action.next();
    backend.expectOne({ method: 'POST', url: '/api/notifications/c/read' }).flush({ unread: 1 });
    expect(navigate).toHaveBeenCalledWith('/incoming/doc-c');
    expect(center.items()[0].readAt).not.toBeNull();
    expect(center.unread()).toBe(1);
  });

  it('opening a read one only navigates; "see more" appends the next page', async () => {
    await loadFirstPage([stored('b', '2026-11-26T04:00:00Z')], 'cursor-1');
    await center.open(center.items()[0]);
    backend.expectNone('/api/notifications/b/read');
    expect(navigate).toHaveBeenCalledWith('/incoming/doc-b');

    const more = center.loadMore();
    backend.expectOne(`/api/notifications?limit=${PANEL_PAGE}&cursor=cursor-1`).flush({ items: [stored('a')], nextCursor: null });
    await more;
    expect(center.items().map((item) => item.id)).toEqual(['b', 'a']);
    expect(center.hasMore()).toBe(false);
  });

  it('marks all read', async () => {
    await loadFirstPage([stored('b'), stored('a')]);
    live.unreadCounts$.next(2);
    const marking = center.markAllRead();
    backend.expectOne({ method: 'POST', url: '/api/notifications/read-all' }).flush({ unread: 0 });
    await marking;
    expect(center.unread()).toBe(0);
    expect(center.items().every((item) => item.readAt !== null)).toBe(true);
  });

  it('keeps the list across a token refresh, and forgets it when someone else signs in', async () => {
    await loadFirstPage([stored('a')]);
    live.unreadCounts$.next(1);
    store.start(session('token-2'));
    TestBed.tick();
    expect(center.items()).toHaveLength(1);
    store.start(session('token-3', { ...user, id: 'u-2', username: 'chuyenvien' }));
    TestBed.tick();
    expect(center.items()).toEqual([]);
    expect(center.unread()).toBe(0);
  });

  it('says so when the list cannot be loaded', async () => {
    const loading = center.load();
    backend.expectOne(`/api/notifications?limit=${PANEL_PAGE}`).flush({ code: 'INTERNAL' }, { status: 500, statusText: 'Server Error' });
    await loading;
    expect(center.failed()).toBe(true);
    expect(center.loading()).toBe(false);
  });
});
