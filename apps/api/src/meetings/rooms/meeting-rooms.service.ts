import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, MeetingRoomDto } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { Clock } from '../../platform/clock/clock';
import { AppException } from '../../platform/errors/app-exception';
import { isUniqueViolation } from '../../platform/database/database-errors';
import { MeetingRoom } from '../entities/meeting-room.entity';
import { roomNotFound } from '../meeting-errors';
import { roomDto } from '../schedule/meeting-views';
import type { MeetingRoomDto as CreateRoomBody, UpdateMeetingRoomDto } from '../dto/meeting-requests.dto';

const duplicateRoom = (name: string) => new AppException(HttpStatus.CONFLICT, ErrorCode.ValidationFailed, `Đã có phòng họp tên "${name}".`, `There is already a room named "${name}".`, [{ field: 'name' }]);

/** The agency's meeting rooms (phòng họp), a resource meetings book. */
@Injectable()
export class MeetingRoomsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<MeetingRoomDto[]> {
    return (await this.dataSource.getRepository(MeetingRoom).find({ order: { name: 'ASC' } })).map(roomDto);
  }

  async create(body: CreateRoomBody, user: AuthenticatedUser): Promise<MeetingRoomDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const room = await manager.save(manager.create(MeetingRoom, { name: body.name, location: body.location ?? null, capacity: body.capacity ?? null, active: true, createdAt: this.clock.now() }));
        await this.audit.record({ action: 'meeting_room.create', actor: user, entityType: 'meeting_room', entityId: room.id, details: { name: room.name } }, manager);
        return roomDto(room);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateRoom(body.name);
      throw error;
    }
  }

  async update(id: string, body: UpdateMeetingRoomDto, user: AuthenticatedUser): Promise<MeetingRoomDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const room = await manager.findOne(MeetingRoom, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!room) throw roomNotFound();
        Object.assign(room, Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)));
        await manager.save(room);
        await this.audit.record({ action: 'meeting_room.update', actor: user, entityType: 'meeting_room', entityId: id, details: { fields: Object.keys(body) } }, manager);
        return roomDto(room);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateRoom(body.name ?? '');
      throw error;
    }
  }
}
