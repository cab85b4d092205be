import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, UnitDto } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { badRequest, conflict, notFound, versionConflict } from '../platform/errors/app-exception';
import { isUniqueViolation } from '../platform/database/database-errors';
import type { AuthenticatedUser } from './auth/authenticated-user';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import { Unit } from './unit.entity';
import { User } from './user.entity';

const unitNotFound = () => notFound(ErrorCode.UnitNotFound, 'Không tìm thấy đơn vị.', 'Unit not found.');
const duplicateCode = (code: string) =>
  conflict(ErrorCode.DuplicateUnitCode, `Mã đơn vị "${code}" đã được dùng.`, `The unit code "${code}" is already used.`);

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UnitDto[]> {
    const units = await this.dataSource.getRepository(Unit).find({ order: { sortOrder: 'ASC', name: 'ASC' } });
    return units.map(toDto);
  }

  async get(id: string): Promise<UnitDto> {
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ id });
    if (!unit) throw unitNotFound();
    return toDto(unit);
  }

  async create(input: CreateUnitDto, actor: AuthenticatedUser): Promise<UnitDto> {
    return this.dataSource.transaction(async (manager) => {
      if (input.parentId) await this.requireUnit(manager, input.parentId);
      try {
        const unit = await manager.save(manager.create(Unit, { ...input, parentId: input.parentId ?? null, sortOrder: input.sortOrder ?? 0 }));
        await this.audit.record({ action: 'unit.create', actor, entityType: 'unit', entityId: unit.id, details: { code: unit.code, name: unit.name } }, manager);
        return toDto(unit);
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateCode(input.code);
        throw error;
      }
    });
  }

  async update(id: string, input: UpdateUnitDto, actor: AuthenticatedUser): Promise<UnitDto> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await manager.findOne(Unit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw unitNotFound();
      if (unit.version !== input.version) throw versionConflict('Đơn vị', 'The unit');
      if (input.parentId !== undefined && input.parentId !== null) await this.assertNoCycle(manager, id, input.parentId);
      const { version: _version, ...changes } = input;
      const before = toDto(unit);
      Object.assign(unit, changes);
      try {
        const saved = await manager.save(unit);
        await this.audit.record({ action: 'unit.update', actor, entityType: 'unit', entityId: id, details: { before, changes } }, manager);
        return toDto(saved);
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateCode(input.code ?? unit.code);
        throw error;
      }
    });
  }

  async remove(id: string, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const unit = await manager.findOne(Unit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw unitNotFound();
      if (await manager.existsBy(Unit, { parentId: id }))
        throw conflict(ErrorCode.UnitHasChildren, 'Đơn vị còn đơn vị trực thuộc; hãy chuyển hoặc xoá chúng trước.', 'The unit still has sub-units; move or delete them first.');
      if (await manager.existsBy(User, { unitId: id }))
        throw conflict(ErrorCode.UnitHasMembers, 'Đơn vị còn người dùng; hãy chuyển họ sang đơn vị khác trước.', 'The unit still has users; move them to another unit first.');
      await manager.delete(Unit, { id });
      await this.audit.record({ action: 'unit.delete', actor, entityType: 'unit', entityId: id, details: { code: unit.code, name: unit.name } }, manager);
    });
  }

  async requireUnit(manager: EntityManager, id: string): Promise<Unit> {
    const unit = await manager.findOneBy(Unit, { id });
    if (!unit) throw badRequest(ErrorCode.UnitNotFound, 'Đơn vị được chọn không tồn tại.', 'The chosen unit does not exist.', [{ field: 'unitId' }]);
    return unit;
  }

  /** A unit cannot move under itself or under one of its own descendants. */
  private async assertNoCycle(manager: EntityManager, id: string, newParentId: string): Promise<void> {
    await this.requireUnit(manager, newParentId);
    const [row] = await manager.query(
      `WITH RECURSIVE ancestors(id, parent_id) AS (
         SELECT id, parent_id FROM unit WHERE id = $1
         UNION ALL SELECT u.id, u.parent_id FROM unit u JOIN ancestors a ON u.id = a.parent_id)
       SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = $2) AS cycle`,
      [newParentId, id],
    );
    if (row.cycle)
      throw badRequest(ErrorCode.UnitCycle, 'Không thể đặt đơn vị trực thuộc chính nó hoặc đơn vị cấp dưới của nó.', 'A unit cannot be placed under itself or one of its sub-units.');
  }
}

function toDto(unit: Unit): UnitDto {
  return { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId, sortOrder: unit.sortOrder, version: unit.version };
}
