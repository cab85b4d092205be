import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/** One session (logout, a stolen refresh token) or all of a user's (deactivation, password reset). */
export type SessionEnding = { sessionId: string } | { userId: string };

/**
 * Tells the live channel that sessions have ended, so the sockets opened with them are closed at
 * once instead of receiving notifications until the page is reloaded. Identity cannot depend on the
 * notifications gateway (the gateway authenticates through identity), hence this small stream.
 * Announce only after the transaction that ended the sessions has committed.
 */
@Injectable()
export class SessionEndings {
  private readonly endings = new Subject<SessionEnding>();

  get ended$(): Observable<SessionEnding> {
    return this.endings.asObservable();
  }

  announce(ending: SessionEnding): void {
    this.endings.next(ending);
  }
}
