import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentRegisterDto, ErrorCode, RegisterDirection } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../identity/auth/authenticated-user';
import { isUniqueViolation } from '../platform/database/database-errors';
import { badRequest, conflict, notFound, versionConflict } from '../platform/errors/app-exception';
import { DocumentRegister } from './document-register.entity';
import { CreateDocumentRegisterDto, UpdateDocumentRegisterDto } from './dto/document-register.dto';

const registerNotFound = () => notFound(ErrorCode.RegisterNotFound, 'Không tìm thấy sổ văn bản.', 'Document register not found.');

/** Document registers (sổ văn bản) and the numbers they give. */
@Injectable()
export class RegistersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(direction?: RegisterDirection): Promise<DocumentRegisterDto[]> {
    const registers = await this.dataSource.getRepository(DocumentRegister).find({
      where: direction ? { direction } : {},
      order: { direction: 'ASC', sortOrder: 'ASC', name: 'ASC' },
    });
    return registers.map(toDto);
  }

  async create(input: CreateDocumentRegisterDto, actor: AuthenticatedUser | null, manager?: EntityManager): Promise<DocumentRegisterDto> {
    const write = async (transaction: EntityManager) => {
      try {
        const register = await transaction.save(transaction.create(DocumentRegister, { ...input, confidential: input.confidential ?? false, sortOrder: input.sortOrder ?? 0 }));
        await this.audit.record({ action: 'register.create', actor, entityType: 'register', entityId: register.id, details: { code: register.code, name: register.name } }, transaction);
        return toDto(register);
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict(ErrorCode.DuplicateRegisterCode, `Mã sổ "${input.code}" đã được dùng.`, `The register code "${input.code}" is already used.`);
        throw error;
      }
    };
    return manager ? write(manager) : this.dataSource.transaction(write);
  }

  async update(id: string, input: UpdateDocumentRegisterDto, actor: AuthenticatedUser): Promise<DocumentRegisterDto> {
    return this.dataSource.transaction(async (manager) => {
      const register = await manager.findOne(DocumentRegister, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!register) throw registerNotFound();
      if (register.version !== input.version) throw versionConflict('Sổ văn bản', 'The register');
      const { version: _version, ...changes } = input;
      Object.assign(register, changes);
      const saved = await manager.save(register);
      await this.audit.record({ action: 'register.update', actor, entityType: 'register', entityId: id, details: { changes } }, manager);
      return toDto(saved);
    });
  }

  /**
   * An active register of the given direction in which a document of this confidentiality may be
   * entered: confidential documents only in confidential registers, and the other way round.
   */
  async requireUsable(manager: EntityManager, id: string, direction: RegisterDirection, confidential: boolean): Promise<DocumentRegister> {
    const register = await manager.findOneBy(DocumentRegister, { id });
    if (!register || register.direction !== direction || !register.active)
      throw badRequest(ErrorCode.RegisterNotFound, 'Sổ văn bản được chọn không tồn tại hoặc không dùng được.', 'The chosen register does not exist or cannot be used.', [{ field: 'registerId' }]);
    if (register.confidential !== confidential)
      throw badRequest(
        ErrorCode.RegisterMismatch,
        confidential ? 'Văn bản mật phải vào sổ văn bản mật.' : 'Sổ văn bản mật chỉ dành cho văn bản mật.',
        confidential ? 'A confidential document goes into a confidential register.' : 'A confidential register takes confidential documents only.',
        [{ field: 'registerId' }],
      );
    return register;
  }

  /**
   * The next number of a register in a year, taken inside the caller's transaction: the counter
   * row stays locked until that transaction ends, so numbers are unique and, because a rollback
   * undoes the increment, without gaps.
   */
  /** The number takeNumber would give now, without taking it: a forecast shown before issuing. */
  async peekNumber(manager: EntityManager, registerId: string, year: number): Promise<number> {
    const [row] = await manager.query(`SELECT last_number FROM register_counter WHERE register_id = $1 AND year = $2`, [registerId, year]);
    return ((row?.last_number as number | undefined) ?? 0) + 1;
  }

  async takeNumber(manager: EntityManager, registerId: string, year: number): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO register_counter (register_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (register_id, year) DO UPDATE SET last_number = register_counter.last_number + 1
       RETURNING last_number`,
      [registerId, year],
    );
    return row.last_number as number;
  }
}

function toDto(register: DocumentRegister): DocumentRegisterDto {
  return {
    id: register.id,
    code: register.code,
    name: register.name,
    direction: register.direction,
    confidential: register.confidential,
    active: register.active,
    sortOrder: register.sortOrder,
    version: register.version,
  };
}
