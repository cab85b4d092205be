import { TestBed } from '@angular/core/testing';
import { AuthSession, CurrentUser, NotificationEvent } from '@app/contracts';
import { Subject } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { SessionStore } from '../auth/session-store';
import { RealtimeService } from './realtime.service';
import { SOCKET_FACTORY } from './socket-factory';
import { FakeSocket } from './testing';

const user: CurrentUser = {
  id: 'u-1',
  username: 'chuyenvien',
  fullName: 'Trần Văn Minh',
  position: null,
  unitId: null,
  unitName: null,
  roles: ['officer'],
  permissions: ['desk.view'],
  organ: { id: 'o-1', organId: '000.00.00.G10', name: 'Bộ Y tế' },
};
const session = (accessToken: string): AuthSession => ({ accessToken, expiresIn: 900, user });

describe('RealtimeService', () => {
  let store: SessionStore;
  let sockets: FakeSocket[];
  let refreshes: Subject<AuthSession>[];
  let sessionLost: ReturnType<typeof vi.fn>;
  let realtime: RealtimeService;

  beforeEach(() => {
    sockets = [];
    refreshes = [];
    sessionLost = vi.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [
        { provide: SOCKET_FACTORY, useValue: (token: () => string | null) => sockets[sockets.push(new FakeSocket(token)) - 1].asSocket() },
        {
          provide: AuthService,
          useValue: {
            sessionLost,
            refresh: () => {
              const answer = new Subject<AuthSession>();
              refreshes.push(answer);
              return answer;
            },
          },
        },
      ],
    });
    store = TestBed.inject(SessionStore);
    realtime = TestBed.inject(RealtimeService);
  });

  it('connects when signed in, with the current token at each handshake, and closes at sign-out', () => {
    TestBed.tick();
    expect(sockets).toHaveLength(0);
    store.start(session('token-1'));
    TestBed.tick();
    expect(sockets).toHaveLength(1);
    expect(sockets[0].connects).toBe(1);
    expect(sockets[0].token()).toBe('token-1');
    sockets[0].handshake('accepted');
    expect(realtime.connected()).toBe(true);

    // a refresh while connected keeps the socket; a later reconnection presents the new token
    store.start(session('token-2'));
    TestBed.tick();
    expect(sockets).toHaveLength(1);
    expect(sockets[0].connects).toBe(1);
    expect(sockets[0].token()).toBe('token-2');

    store.clear();
    TestBed.tick();
    expect(sockets[0].disconnects).toBe(1);
    expect(realtime.connected()).toBe(false);
  });

  it('passes notifications and counts on to the features listening', () => {
    const events: NotificationEvent[] = [];
    const counts: number[] = [];
    let connections = 0;
    realtime.notifications$.subscribe((event) => events.push(event));
    realtime.unreadCounts$.subscribe((count) => counts.push(count));
    realtime.connected$.subscribe(() => (connections += 1));
    store.start(session('token-1'));
    TestBed.tick();
    sockets[0].handshake('accepted');
    const event: NotificationEvent = { id: 'n-1', kind: 'incoming.assigned', title: 'Văn bản được giao: Về việc A', link: '/incoming/d-1', createdAt: '2026-11-26T03:00:00Z' };
    sockets[0].serverSends('notification', event);
    sockets[0].serverSends('notification:count', { unread: 4 });
    expect(events).toEqual([event]);
    expect(counts).toEqual([4]);
    expect(connections).toBe(1);
  });

  it('renews the token once when the handshake is refused, then connects again with the new one', () => {
    store.start(session('expired'));
    TestBed.tick();
    sockets[0].handshake({ refused: 'UNAUTHENTICATED' });
    expect(refreshes).toHaveLength(1);
    // the same refusal again (e.g. a second error event) does not start a second refresh
    sockets[0].handshake({ refused: 'UNAUTHENTICATED' });
    expect(refreshes).toHaveLength(1);

    store.start(session('fresh'));
    refreshes[0].next(session('fresh'));
    TestBed.tick();
    expect(sockets).toHaveLength(1);
    expect(sockets[0].connects).toBe(2);
    expect(sockets[0].token()).toBe('fresh');
    sockets[0].handshake('accepted');
    expect(realtime.connected()).toBe(true);
  });

  it('sends the user to the login page when the token cannot be renewed', () => {
    store.start(session('revoked'));
    TestBed.tick();
    sockets[0].handshake({ refused: 'UNAUTHENTICATED' });
    refreshes[0].error(new Error('401'));
    expect(sessionLost).toHaveBeenCalledTimes(1);
  });

  it('ignores refusals for other reasons (socket.io retries network failures itself)', () => {
    store.start(session('token-1'));
    TestBed.tick();
    sockets[0].handshake({ refused: 'xhr poll error' });
    expect(refreshes).toHaveLength(0);
  });

  it('closes and leaves for the login page when the server revokes the session', () => {
    store.start(session('token-1'));
    TestBed.tick();
    sockets[0].handshake('accepted');
    sockets[0].serverSends('session:revoked');
    expect(sockets[0].disconnects).toBe(1);
    expect(sessionLost).toHaveBeenCalledTimes(1);
    expect(realtime.connected()).toBe(false);
  });
});
