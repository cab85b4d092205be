import { DestroyRef, Injectable, inject } from '@angular/core';
import { DashboardRefreshedEvent } from '@app/contracts';
import { Observable, Subject } from 'rxjs';
import type { Socket } from 'socket.io-client';
import { SessionStore } from '../../core/auth/session-store';
import { SOCKET_FACTORY } from '../../core/realtime/socket-factory';

type DashboardSocket = Socket<{ 'dashboard:refreshed': (event: DashboardRefreshedEvent) => void }, { 'dashboard:watch': (ack: (answer: { watching: boolean }) => void) => void }>;

/**
 * The dashboard's live channel: a socket of its own while the page is open, which asks to watch
 * at every (re)connection and hears `dashboard:refreshed` after each refresh of the aggregates.
 */
@Injectable()
export class DashboardLive {
  private readonly refreshes = new Subject<DashboardRefreshedEvent>();
  readonly refreshed$: Observable<DashboardRefreshedEvent> = this.refreshes.asObservable();

  constructor() {
    const session = inject(SessionStore);
    const socket = inject(SOCKET_FACTORY)(() => session.accessToken()) as unknown as DashboardSocket;
    socket.on('connect', () => socket.emit('dashboard:watch', () => undefined));
    socket.on('dashboard:refreshed', (event) => this.refreshes.next(event));
    socket.connect();
    inject(DestroyRef).onDestroy(() => {
      socket.removeAllListeners();
      socket.disconnect();
    });
  }
}
