import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayDisconnect, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server } from 'socket.io';
import {
  AnnotationDto,
  AnnotationRemovedEvent,
  FollowPageEvent,
  JoinMaterialResult,
  JoinMeetingResult,
  LiveAck,
  meetingRoom,
} from '@app/contracts';
import { userRoom } from '../../notifications/notifications.gateway';
import { MeetingAccessService } from '../access/meeting-access.service';
import { MeetingEventsService } from '../events/meeting-events.service';
import { notInThisMeeting, notTheLeader, tooFast } from './live-errors';
import { AnnotationsService, AnnotationWrite } from './annotations/annotations.service';
import { LiveSocket, answer, materialRoom, MeetingSeat } from './live-socket';
import { liveCommand } from './live-commands';
import { presenceEntry, presenceOf } from './presence/meeting-presence';
import { PresenterLookup } from './presence/presenter-lookup';
import { WriteBudget } from './write-budget';

/** Events replayed to a reconnecting client at most; beyond, it reloads the meeting over HTTP. */
const REPLAY_LIMIT = 500;

/**
 * The live meeting room over socket.io (sockets are authenticated at the handshake by the
 * notifications gateway). Every join is checked: the meeting's room only for its participants,
 * a material's room only for those who may read that version — a refusal is a 403 in the
 * acknowledgement and a `permission.denied` audit row. Annotation commands are written first,
 * then told: shared ones to the material's room, private ones only to their author's sockets.
 * Presence lives on the sockets; page-follow events are volatile.
 */
@WebSocketGateway()
export class MeetingsLiveGateway implements OnGatewayDisconnect {
  private readonly logger = new Logger(MeetingsLiveGateway.name);

  @WebSocketServer()
  private server: Server;

  /** annotation writes left to each socket (kept beside the socket, not in its data, which the adapter serialises) */
  private readonly budgets = new WeakMap<LiveSocket, WriteBudget>();

  constructor(
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly annotations: AnnotationsService,
    private readonly presenters: PresenterLookup,
  ) {}

  @SubscribeMessage('meeting:join')
  joinMeeting(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<JoinMeetingResult>> {
    return this.run(async () => {
      const command = liveCommand.joinMeeting(body);
      const user = socket.data.user;
      const membership = await this.access.requireParticipant(command.meetingId, user);
      const seat: MeetingSeat = {
        role: membership.role,
        mayLead: membership.chairs || (await this.presenters.presents(command.meetingId, user.id)),
        materialVersionId: null,
        pageIndex: null,
        following: false,
        presenting: false,
      };
      const rejoin = Boolean(socket.data.seats?.[command.meetingId]);
      socket.data.seats = { ...socket.data.seats, [command.meetingId]: { ...seat, ...pick(socket.data.seats?.[command.meetingId]) } };
      // in the room before the log is read: an event published meanwhile comes twice, never not at all
      await socket.join(meetingRoom(command.meetingId));
      const lastSequence = await this.events.lastSequence(command.meetingId);
      const after = command.afterSequence;
      const missed = after !== null && after < lastSequence ? await this.events.eventsSince(command.meetingId, after, user.id, REPLAY_LIMIT) : [];
      const reloadNeeded = missed.length === REPLAY_LIMIT && missed[missed.length - 1].sequence < lastSequence;
      const entry = presenceEntry(socket.id, socket.data, command.meetingId)!;
      socket.to(meetingRoom(command.meetingId)).emit(rejoin ? 'presence:updated' : 'presence:joined', entry);
      return {
        meetingId: command.meetingId,
        presence: await presenceOf(this.server, command.meetingId),
        missed: reloadNeeded ? [] : missed,
        reloadNeeded,
        lastSequence,
        mayLead: seat.mayLead,
      };
    });
  }

  @SubscribeMessage('meeting:leave')
  leaveMeeting(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<null>> {
    return this.run(async () => {
      const { meetingId } = liveCommand.meeting(body);
      await this.leave(socket, meetingId);
      return null;
    });
  }

  @SubscribeMessage('material:join')
  joinMaterial(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<JoinMaterialResult>> {
    return this.run(async () => {
      const command = liveCommand.joinMaterial(body);
      // the right to read it first: an outsider's attempt is refused and audited whatever else is wrong
      const { material } = await this.access.requireMaterialVersion(command.materialVersionId, socket.data.user);
      if (material.meetingId !== command.meetingId) throw notInThisMeeting();
      const seat = this.seat(socket, command.meetingId);
      // in the room before the annotations are read: a change made meanwhile comes twice, never not at all
      await socket.join(materialRoom(command.materialVersionId));
      seat.materialVersionId = command.materialVersionId;
      return this.annotations.visibleOn(socket.data.user.id, command.materialVersionId, command.afterChange);
    });
  }

  @SubscribeMessage('material:leave')
  leaveMaterial(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<null>> {
    return this.run(async () => {
      const { materialVersionId } = liveCommand.material(body);
      await socket.leave(materialRoom(materialVersionId));
      return null;
    });
  }

  @SubscribeMessage('annotation:create')
  create(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<AnnotationDto>> {
    return this.run(async () => this.tell(await this.annotations.create(this.spend(socket), body)) as AnnotationDto);
  }

  @SubscribeMessage('annotation:update')
  update(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<AnnotationDto>> {
    return this.run(async () => this.tell(await this.annotations.update(this.spend(socket), body)) as AnnotationDto);
  }

  @SubscribeMessage('annotation:delete')
  remove(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<AnnotationRemovedEvent>> {
    return this.run(async () => this.tell(await this.annotations.remove(this.spend(socket), body)) as AnnotationRemovedEvent);
  }

  /** Where this viewer is (material, page) and whether it follows the chair; told to the meeting's room. */
  @SubscribeMessage('presence:update')
  updatePresence(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<null>> {
    return this.run(async () => {
      const command = liveCommand.presence(body);
      const seat = this.seat(socket, command.meetingId);
      // presenting starts with a page shown (follow:page) and ends here; only a leader presents
      Object.assign(seat, { materialVersionId: command.materialVersionId, pageIndex: command.pageIndex, following: command.following, presenting: seat.presenting && command.presenting === true });
      socket.to(meetingRoom(command.meetingId)).emit('presence:updated', presenceEntry(socket.id, socket.data, command.meetingId)!);
      return null;
    });
  }

  /** The chair (or a presenter) shows a page: followers turn to it. Volatile: a lost one is replaced by the next. */
  @SubscribeMessage('follow:page')
  leadPage(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck<null>> {
    return this.run(async () => {
      const command = liveCommand.followPage(body);
      const seat = this.seat(socket, command.meetingId);
      if (!seat.mayLead) throw notTheLeader();
      // what the leader shows must be a material of this meeting they may read (checked at every turn: presence:update is not)
      const { material } = await this.access.requireMaterialVersion(command.materialVersionId, socket.data.user);
      if (material.meetingId !== command.meetingId) throw notInThisMeeting();
      Object.assign(seat, { materialVersionId: command.materialVersionId, pageIndex: command.pageIndex, presenting: true, following: false });
      const user = socket.data.user;
      const event: FollowPageEvent = { ...command, by: { id: user.id, fullName: user.fullName } };
      socket.to(meetingRoom(command.meetingId)).volatile.emit('follow:page', event);
      socket.to(meetingRoom(command.meetingId)).emit('presence:updated', presenceEntry(socket.id, socket.data, command.meetingId)!);
      return null;
    });
  }

  handleDisconnect(socket: LiveSocket): void {
    for (const meetingId of Object.keys(socket.data.seats ?? {})) this.server.to(meetingRoom(meetingId)).emit('presence:left', { meetingId, socketId: socket.id });
  }

  private async leave(socket: LiveSocket, meetingId: string): Promise<void> {
    if (!socket.data.seats?.[meetingId]) return;
    const { [meetingId]: _left, ...others } = socket.data.seats;
    socket.data.seats = others;
    await socket.leave(meetingRoom(meetingId));
    this.server.to(meetingRoom(meetingId)).emit('presence:left', { meetingId, socketId: socket.id });
  }

  /** One annotation write off the socket's budget (429 when it is spent); the caller. */
  private spend(socket: LiveSocket): LiveSocket['data']['user'] {
    let budget = this.budgets.get(socket);
    if (!budget) this.budgets.set(socket, (budget = new WriteBudget()));
    if (!budget.take()) throw tooFast();
    return socket.data.user;
  }

  private seat(socket: LiveSocket, meetingId: string): MeetingSeat {
    const seat = socket.data.seats?.[meetingId];
    if (!seat) throw notInThisMeeting();
    return seat;
  }

  /** After the write: shared to the material's room, private only to the author's own sockets. */
  private tell(write: AnnotationWrite): AnnotationDto | AnnotationRemovedEvent {
    if (write.kind === 'changed') {
      const { annotation } = write;
      if (annotation.visibility === 'shared') this.server.to(materialRoom(annotation.materialVersionId)).emit('annotation:changed', annotation);
      else {
        this.server.to(userRoom(annotation.author.id)).emit('annotation:changed', annotation);
        if (write.unshared)
          this.server
            .to(materialRoom(annotation.materialVersionId))
            .except(userRoom(annotation.author.id))
            .emit('annotation:removed', { id: annotation.id, materialVersionId: annotation.materialVersionId, change: annotation.change });
      }
      return annotation;
    }
    const target = write.visibility === 'shared' ? materialRoom(write.removed.materialVersionId) : userRoom(write.authorId);
    this.server.to(target).emit('annotation:removed', write.removed);
    return write.removed;
  }

  private run<T>(work: () => Promise<T>): Promise<LiveAck<T>> {
    return answer(work, (error) => this.logger.error({ err: error }, 'live command failed'));
  }
}

/** On a rejoin (a second meeting:join of the same socket) the viewer keeps where it was. */
function pick(seat: MeetingSeat | undefined): Partial<MeetingSeat> {
  if (!seat) return {};
  return { materialVersionId: seat.materialVersionId, pageIndex: seat.pageIndex, following: seat.following, presenting: seat.presenting };
}
