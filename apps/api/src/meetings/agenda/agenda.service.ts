import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { AgendaItemDto, ErrorCode } from '@app/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { User } from '../../identity/user.entity';
import { badRequest } from '../../platform/errors/app-exception';
import { MeetingAccessService } from '../access/meeting-access.service';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingEventsService } from '../events/meeting-events.service';
import { assertNotOver, agendaItemNotFound } from '../meeting-errors';
import type { SetAgendaDto } from '../dto/meeting-requests.dto';
import { MeetingViews } from '../schedule/meeting-views';

/** The agenda (chương trình họp): ordered items with presenter and planned duration, set as a whole list. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: MeetingAccessService,
    private readonly events: MeetingEventsService,
    private readonly audit: AuditService,
    private readonly views: MeetingViews,
  ) {}

  /** Replaces the list: items named by id keep their identity (materials, speakers, conclusions stay attached); others are added; missing ones removed. */
  async set(meetingId: string, body: SetAgendaDto, user: AuthenticatedUser): Promise<AgendaItemDto[]> {
    await this.dataSource.transaction(async (manager) => {
      const { meeting } = await this.access.requireManager(meetingId, user, manager, { lock: true });
      assertNotOver(meeting);
      const existing = await manager.getRepository(MeetingAgendaItem).findBy({ meetingId });
      const keptIds = body.items.map((item) => item.id).filter((id): id is string => Boolean(id));
      if (new Set(keptIds).size !== keptIds.length) throw badRequest(ErrorCode.ValidationFailed, 'Một nội dung xuất hiện hai lần.', 'An item is listed twice.', [{ field: 'items' }]);
      if (keptIds.some((id) => !existing.some((item) => item.id === id))) throw agendaItemNotFound();
      const presenters = body.items.map((item) => item.presenterId).filter((id): id is string => Boolean(id));
      if (presenters.length && (await manager.getRepository(User).countBy({ id: In([...new Set(presenters)]) })) !== new Set(presenters).size)
        throw badRequest(ErrorCode.UserNotFound, 'Người trình bày không tồn tại.', 'A presenter does not exist.', [{ field: 'items' }]);
      await manager.delete(MeetingAgendaItem, keptIds.length ? { meetingId, id: Not(In(keptIds)) } : { meetingId });
      for (const [position, item] of body.items.entries()) {
        const values = {
          meetingId,
          position: position + 1,
          title: item.title,
          description: item.description ?? null,
          presenterId: item.presenterId ?? null,
          presenterName: item.presenterName ?? null,
          durationMinutes: item.durationMinutes,
        };
        if (item.id) await manager.update(MeetingAgendaItem, { id: item.id }, values);
        else await manager.insert(MeetingAgendaItem, values);
      }
      await this.audit.record({ action: 'meeting.agenda', actor: user, entityType: 'meeting', entityId: meetingId, details: { items: body.items.length } }, manager);
      await this.events.publish(meetingId, 'agenda.changed', {}, { manager });
    });
    return this.views.agenda(meetingId);
  }
}
