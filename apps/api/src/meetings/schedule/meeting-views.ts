import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AgendaItemDto, MaterialDto, MaterialVersionDto, MeetingDto, MeetingParticipantDto, MeetingPersonDto, MeetingRoomDto, MeetingSummaryDto } from '@app/contracts';
import { Unit } from '../../identity/unit.entity';
import { User } from '../../identity/user.entity';
import { MeetingAccessService, MeetingCaller } from '../access/meeting-access.service';
import type { MeetingMembership } from '../access/meeting-membership';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingCheckIn } from '../entities/meeting-check-in.entity';
import { MeetingMaterialReader } from '../entities/meeting-material-reader.entity';
import { MeetingMaterialVersion } from '../entities/meeting-material-version.entity';
import { MeetingMaterial } from '../entities/meeting-material.entity';
import { MeetingParticipant } from '../entities/meeting-participant.entity';
import { MeetingRoom } from '../entities/meeting-room.entity';
import type { Meeting } from '../entities/meeting.entity';

export const roomDto = (room: MeetingRoom): MeetingRoomDto => ({ id: room.id, name: room.name, location: room.location, capacity: room.capacity, active: room.active });
export const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Names of people, looked up once per answer. */
@Injectable()
export class MeetingPeople {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byIds(ids: Iterable<string | null | undefined>): Promise<Map<string, MeetingPersonDto>> {
    const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
    if (!wanted.length) return new Map();
    const users = await this.dataSource.getRepository(User).find({ where: { id: In(wanted) }, select: { id: true, fullName: true } });
    return new Map(users.map((user) => [user.id, { id: user.id, fullName: user.fullName }]));
  }
}

/** Builds what the API answers about meetings from their rows. */
@Injectable()
export class MeetingViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: MeetingPeople,
    private readonly access: MeetingAccessService,
  ) {}

  async summaries(meetings: Meeting[]): Promise<MeetingSummaryDto[]> {
    if (!meetings.length) return [];
    const chairs = await this.dataSource.getRepository(MeetingParticipant).find({ where: { meetingId: In(meetings.map((meeting) => meeting.id)), role: 'chair' } });
    const rooms = await this.dataSource.getRepository(MeetingRoom).findBy({ id: In(meetings.map((meeting) => meeting.roomId).filter(Boolean) as string[]) });
    const names = await this.people.byIds(chairs.map((chair) => chair.userId));
    return meetings.map((meeting) => {
      const chair = chairs.find((row) => row.meetingId === meeting.id);
      const room = rooms.find((row) => row.id === meeting.roomId);
      return {
        id: meeting.id,
        title: meeting.title,
        startsAt: meeting.startsAt.toISOString(),
        endsAt: meeting.endsAt.toISOString(),
        room: room ? roomDto(room) : null,
        place: meeting.place,
        onlineLink: meeting.onlineLink,
        confidential: meeting.confidential,
        state: meeting.state,
        chair: chair?.userId ? (names.get(chair.userId) ?? null) : null,
      };
    });
  }

  async participants(meetingId: string): Promise<MeetingParticipantDto[]> {
    const rows = await this.dataSource.getRepository(MeetingParticipant).find({ where: { meetingId }, order: { position: 'ASC' } });
    const checkIns = await this.dataSource.getRepository(MeetingCheckIn).findBy({ meetingId });
    const names = await this.people.byIds(rows.flatMap((row) => [row.userId, row.delegateId]));
    const units = await this.dataSource.getRepository(Unit).findBy({ id: In(rows.map((row) => row.unitId).filter(Boolean) as string[]) });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      role: row.role,
      user: row.userId ? (names.get(row.userId) ?? null) : null,
      unit: row.unitId ? { id: row.unitId, name: units.find((unit) => unit.id === row.unitId)?.name ?? '' } : null,
      guestName: row.guestName,
      guestEmail: row.guestEmail,
      answer: row.answer,
      answerNote: row.answerNote,
      answeredAt: iso(row.answeredAt),
      delegate: row.delegateId ? (names.get(row.delegateId) ?? null) : null,
      checkedInAt: iso(checkIns.find((checkIn) => checkIn.participantId === row.id)?.checkedInAt),
    }));
  }

  async agenda(meetingId: string): Promise<AgendaItemDto[]> {
    const items = await this.dataSource.getRepository(MeetingAgendaItem).find({ where: { meetingId }, order: { position: 'ASC' } });
    const names = await this.people.byIds(items.map((item) => item.presenterId));
    return items.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      description: item.description,
      presenter: item.presenterId ? (names.get(item.presenterId) ?? null) : null,
      presenterName: item.presenterName,
      durationMinutes: item.durationMinutes,
      startedAt: iso(item.startedAt),
      endedAt: iso(item.endedAt),
    }));
  }

  /** The materials with the versions the caller may read (none for someone who takes no part). */
  async materials(meetingId: string, user: MeetingCaller): Promise<MaterialDto[]> {
    const readable = await this.access.readableVersionIds(meetingId, user);
    const materials = await this.dataSource.getRepository(MeetingMaterial).find({ where: { meetingId }, order: { createdAt: 'ASC' } });
    if (!materials.length) return [];
    const ids = materials.map((material) => material.id);
    const versions = await this.dataSource.getRepository(MeetingMaterialVersion).find({ where: { materialId: In(ids) }, order: { number: 'DESC' } });
    const readers = await this.dataSource.getRepository(MeetingMaterialReader).findBy({ materialId: In(ids) });
    const names = await this.people.byIds([...versions.map((version) => version.uploadedById), ...readers.map((reader) => reader.userId)]);
    return materials
      .map((material) => ({
        id: material.id,
        meetingId: material.meetingId,
        agendaItemId: material.agendaItemId,
        title: material.title,
        access: material.access,
        readers: readers.filter((reader) => reader.materialId === material.id).map((reader) => names.get(reader.userId) ?? { id: reader.userId, fullName: '' }),
        versions: versions.filter((version) => version.materialId === material.id && readable.has(version.id)).map((version) => versionDto(version, names)),
      }))
      .filter((material) => material.versions.length > 0);
  }

  async meeting(membership: MeetingMembership, user: MeetingCaller): Promise<MeetingDto> {
    const { meeting } = membership;
    const [summary] = await this.summaries([meeting]);
    const takesPart = membership.participants.length > 0 || membership.manages;
    const names = await this.people.byIds([meeting.organiserId]);
    return {
      ...summary,
      description: meeting.description,
      organiser: meeting.organiserId ? (names.get(meeting.organiserId) ?? null) : null,
      startedAt: iso(meeting.startedAt),
      endedAt: iso(meeting.endedAt),
      invitedAt: iso(meeting.invitedAt),
      invitationDocumentId: meeting.invitationDocumentId,
      version: meeting.version,
      participants: await this.participants(meeting.id),
      agenda: await this.agenda(meeting.id),
      materials: takesPart ? await this.materials(meeting.id, user) : [],
      me: {
        participantIds: membership.participants.map((participant) => participant.id),
        role: membership.role,
        manages: membership.manages,
        chairs: membership.chairs,
      },
      lastEventSequence: Number(meeting.lastEventSequence),
    };
  }
}

export function versionDto(version: MeetingMaterialVersion, names: Map<string, MeetingPersonDto>): MaterialVersionDto {
  return {
    id: version.id,
    materialId: version.materialId,
    number: version.number,
    fileId: version.fileId,
    sha256: version.sha256,
    pageCount: version.pageCount,
    sourceFileId: version.sourceFileId,
    uploadedAt: version.uploadedAt.toISOString(),
    uploadedBy: version.uploadedById ? (names.get(version.uploadedById) ?? null) : null,
    publishAt: iso(version.publishAt),
    publishedAt: iso(version.publishedAt),
  };
}
