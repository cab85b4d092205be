import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, ORGAN_ID_PATTERN, OrganDto, Page } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { badRequest, conflict, notFound, versionConflict } from '../platform/errors/app-exception';
import { isUniqueViolation } from '../platform/database/database-errors';
import { decodeCursor, encodeCursor } from '../platform/database/cursor';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { CreateOrganDto, OrganListQueryDto, UpdateOrganDto } from './dto/organ.dto';
import { Organ } from './organ.entity';

const organNotFound = () => notFound(ErrorCode.OrganNotFound, 'Không tìm thấy cơ quan trong danh bạ.', 'Organ not found in the directory.');

export function assertOrganId(organId: string): void {
  if (!ORGAN_ID_PATTERN.test(organId))
    throw badRequest(
      ErrorCode.InvalidOrganId,
      `Mã định danh "${organId}" không đúng dạng (ví dụ đúng: 000.00.00.G10).`,
      `The organ id "${organId}" is not well formed (a valid one: 000.00.00.G10).`,
      [{ field: 'organId', problems: ['format'] }],
    );
}

/** The directory of agencies (danh bạ cơ quan) this agency exchanges documents with. */
@Injectable()
export class OrgansService {
  private self?: Organ;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** This agency (cached: it changes only through this service). */
  async getSelf(): Promise<Organ> {
    if (this.self) return this.self;
    const self = await this.dataSource.getRepository(Organ).findOneBy({ isSelf: true });
    if (!self) throw organNotFound();
    this.self = self;
    return self;
  }

  /** Creates this agency's own entry on first start; later starts leave it alone. */
  async ensureSelf(fields: { organId: string; name: string; notation: string }): Promise<Organ> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(Organ, { isSelf: true });
      if (existing) return existing;
      const organ = await manager.save(manager.create(Organ, { ...fields, isSelf: true, active: true }));
      await this.audit.record({ action: 'organ.create', entityType: 'organ', entityId: organ.id, details: { organId: organ.organId, self: true } }, manager);
      return organ;
    });
  }

  async list(query: OrganListQueryDto): Promise<Page<OrganDto>> {
    const limit = query.limit ?? 50;
    const builder = this.dataSource.getRepository(Organ).createQueryBuilder('organ').orderBy('organ.organ_id', 'ASC').take(limit + 1);
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (match) => '\\' + match)}%`;
      builder.andWhere(
        '(immutable_unaccent(organ.name) ILIKE immutable_unaccent(:pattern) OR organ.organ_id ILIKE :pattern OR organ.short_name ILIKE :pattern OR organ.notation ILIKE :pattern)',
        { pattern },
      );
    }
    const after = decodeCursor(query.cursor);
    if (after) builder.andWhere('organ.organ_id > :after', { after });
    const rows = await builder.getMany();
    const items = rows.slice(0, limit).map(toDto);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].organId) : null };
  }

  async get(id: string): Promise<OrganDto> {
    const organ = await this.dataSource.getRepository(Organ).findOneBy({ id });
    if (!organ) throw organNotFound();
    return toDto(organ);
  }

  async findByOrganId(organId: string, manager: EntityManager = this.dataSource.manager): Promise<Organ | null> {
    return manager.findOneBy(Organ, { organId });
  }

  async create(input: CreateOrganDto, actor: AuthenticatedUser): Promise<OrganDto> {
    assertOrganId(input.organId);
    if (input.parentOrganId) assertOrganId(input.parentOrganId);
    return this.dataSource.transaction(async (manager) => {
      try {
        const organ = await manager.save(manager.create(Organ, { ...input, isSelf: false, active: true }));
        await this.audit.record({ action: 'organ.create', actor, entityType: 'organ', entityId: organ.id, details: { organId: organ.organId, name: organ.name } }, manager);
        return toDto(organ);
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict(ErrorCode.DuplicateOrganId, `Mã định danh "${input.organId}" đã có trong danh bạ.`, `The organ id "${input.organId}" is already in the directory.`);
        throw error;
      }
    });
  }

  async update(id: string, input: UpdateOrganDto, actor: AuthenticatedUser): Promise<OrganDto> {
    if (input.parentOrganId) assertOrganId(input.parentOrganId);
    return this.dataSource.transaction(async (manager) => {
      const organ = await manager.findOne(Organ, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organ) throw organNotFound();
      if (organ.version !== input.version) throw versionConflict('Cơ quan', 'The organ');
      const { version: _version, ...changes } = input;
      Object.assign(organ, changes);
      const saved = await manager.save(organ);
      await this.audit.record({ action: 'organ.update', actor, entityType: 'organ', entityId: id, details: { changes } }, manager);
      if (saved.isSelf) this.self = undefined;
      return toDto(saved);
    });
  }

  async remove(id: string, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const organ = await manager.findOne(Organ, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!organ) throw organNotFound();
      if (organ.isSelf)
        throw conflict(ErrorCode.SelfOrganUndeletable, 'Không thể xoá cơ quan của chính hệ thống này.', 'This agency itself cannot be deleted from the directory.');
      await manager.delete(Organ, { id });
      await this.audit.record({ action: 'organ.delete', actor, entityType: 'organ', entityId: id, details: { organId: organ.organId, name: organ.name } }, manager);
    });
  }
}

function toDto(organ: Organ): OrganDto {
  return {
    id: organ.id,
    organId: organ.organId,
    name: organ.name,
    shortName: organ.shortName,
    notation: organ.notation,
    parentOrganId: organ.parentOrganId,
    email: organ.email,
    address: organ.address,
    phone: organ.phone,
    isSelf: organ.isSelf,
    active: organ.active,
    version: organ.version,
  };
}
