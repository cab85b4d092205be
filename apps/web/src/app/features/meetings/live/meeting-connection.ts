import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import {
  AnnotationDto,
  AnnotationRemovedEvent,
  FollowPageEvent,
  JoinMaterialResult,
  JoinMeetingResult,
  LiveAck,
  MEETING_EVENT,
  MeetingEventEnvelope,
  MeetingsLiveClientCommands,
  MeetingsLiveServerEvents,
  PresenceEntry,
} from '@app/contracts';
import { Observable, Subject } from 'rxjs';
import type { Socket } from 'socket.io-client';
import { AuthService } from '../../../core/auth/auth.service';
import { SessionStore } from '../../../core/auth/session-store';
import { SOCKET_FACTORY } from '../../../core/realtime/socket-factory';

type ServerEvents = MeetingsLiveServerEvents & { [MEETING_EVENT]: (event: MeetingEventEnvelope) => void };
type MeetingSocket = Socket<ServerEvents, MeetingsLiveClientCommands>;

/** A refused live command, with the API's message to show. */
export class LiveCommandError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One page's live connection to a meeting room (the meeting room panel and the material viewer each
 * hold one while open, provided by the component). A socket of its own, not the app's notification
 * socket: the room's joins, the sequence of the last event seen and the annotation feed belong to
 * this page and end with it. At every (re)connection it joins the meeting again with the last
 * sequence it saw and each material with the last annotation change it saw, so nothing missed
 * while offline is lost, and nothing is applied twice.
 */
@Injectable()
export class MeetingConnection {
  private readonly session = inject(SessionStore);
  private readonly auth = inject(AuthService);
  private readonly createSocket = inject(SOCKET_FACTORY);

  private socket: MeetingSocket | null = null;
  private meetingId: string | null = null;
  private lastSequence: number | null = null;
  private readonly materials = new Map<string, string | null>();
  private refusedToken: string | null = null;

  private readonly presenceState = signal<PresenceEntry[]>([]);
  private readonly onlineState = signal(false);
  private readonly leaderState = signal(false);
  private readonly eventStream = new Subject<MeetingEventEnvelope>();
  private readonly reloads = new Subject<void>();
  private readonly annotationChanges = new Subject<AnnotationDto>();
  private readonly annotationRemovals = new Subject<AnnotationRemovedEvent>();
  private readonly materialStates = new Subject<JoinMaterialResult & { full: boolean }>();
  private readonly pages = new Subject<FollowPageEvent>();

  /** every viewer open in the meeting now, one entry per device */
  readonly presence = this.presenceState.asReadonly();
  readonly online = this.onlineState.asReadonly();
  /** this user may lead the page everyone following sees (chair or presenter) */
  readonly mayLead = this.leaderState.asReadonly();
  /** the meeting's live events, missed ones first after a reconnection, each once */
  readonly events$: Observable<MeetingEventEnvelope> = this.eventStream.asObservable();
  /** more was missed than can be replayed: read the meeting again over HTTP */
  readonly reloadNeeded$: Observable<void> = this.reloads.asObservable();
  readonly annotationChanged$: Observable<AnnotationDto> = this.annotationChanges.asObservable();
  readonly annotationRemoved$: Observable<AnnotationRemovedEvent> = this.annotationRemovals.asObservable();
  /** a material's annotations at a (re)join: all of them (`full`), or the changes since the last seen */
  readonly materialState$: Observable<JoinMaterialResult & { full: boolean }> = this.materialStates.asObservable();
  readonly followPage$: Observable<FollowPageEvent> = this.pages.asObservable();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.close());
  }

  /** Connects and joins the meeting; `lastSequence` is the meeting's sequence as read over HTTP. */
  open(meetingId: string, lastSequence: number | null): void {
    this.meetingId = meetingId;
    this.lastSequence = lastSequence;
    if (this.socket) return;
    const socket = this.createSocket(() => this.session.accessToken()) as unknown as MeetingSocket;
    socket.on('connect', () => void this.joinAll());
    socket.on('disconnect', () => this.onlineState.set(false));
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => this.refused(error));
    socket.on(MEETING_EVENT, (event) => this.takeEvent(event));
    socket.on('annotation:changed', (annotation) => {
      this.seeChange(annotation.materialVersionId, annotation.change);
      this.annotationChanges.next(annotation);
    });
    socket.on('annotation:removed', (removed) => {
      this.seeChange(removed.materialVersionId, removed.change);
      this.annotationRemovals.next(removed);
    });
    socket.on('presence:joined', (entry) => this.presenceState.update((list) => [...list.filter((one) => one.socketId !== entry.socketId), entry]));
    socket.on('presence:updated', (entry) => {
      this.presenceState.update((list) => [...list.filter((one) => one.socketId !== entry.socketId), entry]);
      // the presenter's page also comes with their presence: a follower who lost the volatile page event still turns
      if (entry.presenting && entry.materialVersionId && entry.pageIndex !== null && this.meetingId)
        this.pages.next({ meetingId: this.meetingId, materialVersionId: entry.materialVersionId, pageIndex: entry.pageIndex, by: { id: entry.userId, fullName: entry.fullName } });
    });
    socket.on('presence:left', ({ socketId }) => this.presenceState.update((list) => list.filter((one) => one.socketId !== socketId)));
    socket.on('follow:page', (event) => this.pages.next(event));
    this.socket = socket;
    socket.connect();
  }

  /** Opens a material: its annotations come on `materialState$`, then live. */
  async joinMaterial(materialVersionId: string): Promise<void> {
    this.materials.set(materialVersionId, null);
    if (this.socket?.connected) await this.joinMaterialNow(materialVersionId, null);
  }

  leaveMaterial(materialVersionId: string): void {
    this.materials.delete(materialVersionId);
    this.socket?.emit('material:leave', { materialVersionId }, () => undefined);
  }

  command<E extends 'annotation:create' | 'annotation:update' | 'annotation:delete' | 'presence:update' | 'follow:page'>(
    event: E,
    body: Parameters<MeetingsLiveClientCommands[E]>[0],
  ): Promise<Parameters<Parameters<MeetingsLiveClientCommands[E]>[1]>[0] extends LiveAck<infer T> ? T : never> {
    return this.send(event, body).then((answer) => {
      // the room is told where this viewer is, but not this page itself: its own line follows here
      if (event === 'presence:update' || event === 'follow:page')
        this.seeMyself(body as { materialVersionId: string | null; pageIndex: number | null; following?: boolean; presenting?: boolean }, event === 'follow:page');
      return answer;
    }) as never;
  }

  private seeMyself(where: { materialVersionId: string | null; pageIndex: number | null; following?: boolean; presenting?: boolean }, leading: boolean): void {
    const socketId = this.socket?.id;
    this.presenceState.update((list) =>
      list.map((entry) =>
        entry.socketId === socketId
          ? {
              ...entry,
              materialVersionId: where.materialVersionId,
              pageIndex: where.pageIndex,
              following: leading ? false : (where.following ?? entry.following),
              presenting: leading || (entry.presenting && where.presenting === true),
            }
          : entry,
      ),
    );
  }

  private async send(event: keyof MeetingsLiveClientCommands, body: unknown): Promise<unknown> {
    const socket = this.socket;
    if (!socket?.connected) throw new LiveCommandError(0, 'OFFLINE', 'offline');
    const answer = (await (socket.timeout(10_000) as unknown as { emitWithAck(event: string, body: unknown): Promise<LiveAck<unknown>> }).emitWithAck(event, body)) as LiveAck<unknown>;
    if (!answer.ok) throw new LiveCommandError(answer.error.statusCode, String(answer.error.code), answer.error.message);
    return answer.data;
  }

  private async joinAll(): Promise<void> {
    this.refusedToken = null;
    if (!this.meetingId) return;
    try {
      const joined = (await this.send('meeting:join', { meetingId: this.meetingId, afterSequence: this.lastSequence })) as JoinMeetingResult;
      this.onlineState.set(true);
      this.presenceState.set(joined.presence);
      this.leaderState.set(joined.mayLead);
      if (joined.reloadNeeded) this.reloads.next();
      for (const event of joined.missed) this.takeEvent(event);
      this.lastSequence = Math.max(this.lastSequence ?? 0, joined.lastSequence);
      for (const [materialVersionId, lastChange] of this.materials) await this.joinMaterialNow(materialVersionId, lastChange);
    } catch {
      // a refused join (no longer a participant) leaves the page offline; the page says so
      this.onlineState.set(false);
    }
  }

  private async joinMaterialNow(materialVersionId: string, lastChange: string | null): Promise<void> {
    const state = (await this.send('material:join', { meetingId: this.meetingId!, materialVersionId, afterChange: lastChange })) as JoinMaterialResult;
    this.materials.set(materialVersionId, state.lastChange);
    this.materialStates.next({ ...state, full: lastChange === null });
  }

  private takeEvent(event: MeetingEventEnvelope): void {
    if (this.lastSequence !== null && event.sequence <= this.lastSequence) return;
    this.lastSequence = event.sequence;
    this.eventStream.next(event);
  }

  private seeChange(materialVersionId: string, change: string): void {
    const seen = this.materials.get(materialVersionId);
    if (this.materials.has(materialVersionId) && (seen === null || seen === undefined || BigInt(change) > BigInt(seen))) this.materials.set(materialVersionId, change);
  }

  /** A handshake refused for an expired token: renew it once through the refresh cookie, then connect again. */
  private refused(error: Error & { data?: { code?: string } }): void {
    if (error.data?.code !== 'UNAUTHENTICATED' && error.message !== 'UNAUTHENTICATED') return;
    const token = this.session.accessToken();
    if (!token || this.refusedToken === token) return;
    this.refusedToken = token;
    this.auth.refresh().subscribe({ next: () => this.socket?.connect(), error: () => void this.auth.sessionLost() });
  }

  private close(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }
}
