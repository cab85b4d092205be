import { DestroyRef, Injectable, effect, inject, signal } from '@angular/core';
import { NotificationEvent } from '@app/contracts';
import { Observable, Subject } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { SessionStore } from '../auth/session-store';
import { LiveSocket, SOCKET_FACTORY } from './socket-factory';

/** What the gateway's handshake middleware answers for a missing, expired or revoked token. */
const UNAUTHENTICATED = 'UNAUTHENTICATED';

/**
 * The browser's live channel to the API (socket.io). It follows the session: connects when a
 * token appears, presents the current token at every reconnection, and closes at logout or when
 * the server says the session was revoked. A handshake refused for the token (it expired while the
 * socket was down) renews the token once through the refresh cookie and connects again.
 *
 * Features listen through `notifications$` (e.g. a list refreshes when something is assigned)
 * instead of opening sockets of their own; the bell's state is in NotificationCenter.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  private readonly session = inject(SessionStore);
  private readonly auth = inject(AuthService);
  private readonly createSocket = inject(SOCKET_FACTORY);

  private socket: LiveSocket | null = null;
  /** the token the last refused handshake used: a second refusal of the same token ends the retries */
  private refusedToken: string | null = null;
  private readonly events = new Subject<NotificationEvent>();
  private readonly counts = new Subject<number>();
  private readonly connections = new Subject<void>();
  private readonly online = signal(false);

  /** Every notification pushed to this user while the page is open. */
  readonly notifications$: Observable<NotificationEvent> = this.events.asObservable();
  /** The user's unread count whenever it changes (a new notification, or read on any device). */
  readonly unreadCounts$: Observable<number> = this.counts.asObservable();
  /** After every (re)connection: what happened while offline should be fetched again. */
  readonly connected$: Observable<void> = this.connections.asObservable();
  readonly connected = this.online.asReadonly();

  constructor() {
    effect(() => {
      const token = this.session.accessToken();
      if (token) this.open();
      else this.close();
    });
    inject(DestroyRef).onDestroy(() => this.close());
  }

  private open(): void {
    if (this.socket) {
      // a refreshed token: a connected socket stays valid (checked at the handshake only); a
      // disconnected one tries again now with the new token
      if (!this.socket.connected && !this.socket.active) this.socket.connect();
      return;
    }
    const socket = this.createSocket(() => this.session.accessToken());
    socket.on('connect', () => {
      this.refusedToken = null;
      this.online.set(true);
      this.connections.next();
    });
    socket.on('disconnect', () => this.online.set(false));
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => this.refused(error));
    socket.on('notification', (event) => this.events.next(event));
    socket.on('notification:count', ({ unread }) => this.counts.next(unread));
    socket.on('session:revoked', () => {
      this.close();
      void this.auth.sessionLost();
    });
    this.socket = socket;
    socket.connect();
  }

  private close(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.refusedToken = null;
    this.online.set(false);
  }

  /**
   * socket.io retries network failures by itself, but not a refusal by the server's middleware:
   * that one is answered here by one token refresh (the new token reconnects through the effect's
   * `open`). If the refresh fails the session is over, as for a failed HTTP refresh: the effect
   * closes the socket and the user goes to the login page.
   */
  private refused(error: Error & { data?: { code?: string } }): void {
    if (error.data?.code !== UNAUTHENTICATED && error.message !== UNAUTHENTICATED) return;
    const token = this.session.accessToken();
    if (!token || this.refusedToken === token) return;
    this.refusedToken = token;
    this.auth.refresh().subscribe({
      next: () => {
        // the same token came back (no rotation): connect once more; a second refusal stops here
        if (this.session.accessToken() === token) this.socket?.connect();
      },
      error: () => void this.auth.sessionLost(),
    });
  }
}
