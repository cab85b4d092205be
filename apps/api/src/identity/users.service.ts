import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ErrorCode, Page, Role, UserDto } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { conflict, notFound, versionConflict } from '../platform/errors/app-exception';
import { isUniqueViolation } from '../platform/database/database-errors';
import { decodeCursor, encodeCursor } from '../platform/database/cursor';
import { SessionEndings } from './auth/session-endings';
import { AuthService } from './auth/auth.service';
import type { AuthenticatedUser } from './auth/authenticated-user';
import { PasswordService } from './auth/password.service';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UnitsService } from './units.service';
import { User } from './user.entity';

const userNotFound = () => notFound(ErrorCode.UserNotFound, 'Không tìm thấy người dùng.', 'User not found.');

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly units: UnitsService,
    private readonly auth: AuthService,
    private readonly sessionEndings: SessionEndings,
  ) {}

  /** Keyset-paginated by username; the search ignores Vietnamese diacritics and case. */
  async list(query: UserListQueryDto): Promise<Page<UserDto>> {
    const limit = query.limit ?? 50;
    const builder = this.dataSource.getRepository(User).createQueryBuilder('user').orderBy('user.username', 'ASC').take(limit + 1);
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (match) => '\\' + match)}%`;
      builder.andWhere('(immutable_unaccent(user.full_name) ILIKE immutable_unaccent(:pattern) OR user.username ILIKE :pattern OR user.email ILIKE :pattern)', { pattern });
    }
    if (query.unitId) builder.andWhere('user.unit_id = :unitId', { unitId: query.unitId });
    if (query.role) builder.andWhere(':role = ANY(user.roles)', { role: query.role });
    const after = decodeCursor(query.cursor);
    if (after) builder.andWhere('user.username > :after', { after });
    const rows = await builder.getMany();
    const items = rows.slice(0, limit).map(toDto);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].username) : null };
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw userNotFound();
    return toDto(user);
  }

  /** Display names of several users at once (for timelines and lists), unknown ids left out. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.dataSource.getRepository(User).find({ select: { id: true, fullName: true }, where: { id: In(unique) } });
    return new Map(users.map((user) => [user.id, user.fullName]));
  }

  /** The active unit heads of a unit: who is told when work is given to the unit. */
  async headsOf(unitId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM "user" WHERE unit_id = $1 AND active AND 'unit_head' = ANY(roles)`, [unitId]);
    return rows.map((row) => row.id);
  }

  /**
   * The heads of units for a job that goes through many pieces of work (reminders, escalations):
   * each unit's heads are read once per lookup, that is once per run, as of that run.
   */
  headsLookup(): (unitId: string) => Promise<string[]> {
    const heads = new Map<string, Promise<string[]>>();
    return (unitId) => {
      let found = heads.get(unitId);
      if (!found) {
        found = this.headsOf(unitId);
        heads.set(unitId, found);
      }
      return found;
    };
  }

  /** Everyone active who holds a role (the archivists told of a handover); whoever has left is not written to. */
  async activeWithRole(role: Role): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM "user" WHERE active AND $1 = ANY(roles) ORDER BY username`, [role]);
    return rows.map((row) => row.id);
  }

  /** A user as an assignee or a recipient: must exist and be active. */
  async requireActive(id: string): Promise<UserDto> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id, active: true });
    if (!user) throw userNotFound();
    return toDto(user);
  }

  async create(input: CreateUserDto, actor: AuthenticatedUser): Promise<UserDto> {
    this.passwords.assertStrong(input.password);
    const passwordHash = await this.passwords.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      if (input.unitId) await this.units.requireUnit(manager, input.unitId);
      try {
        const { password: _password, ...fields } = input;
        const user = await manager.save(
          manager.create(User, { ...fields, email: fields.email ?? null, position: fields.position ?? null, unitId: fields.unitId ?? null, passwordHash }),
        );
        await this.audit.record({ action: 'user.create', actor, entityType: 'user', entityId: user.id, details: { username: user.username, roles: user.roles, unitId: user.unitId } }, manager);
        return toDto(user);
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict(ErrorCode.DuplicateUsername, `Tên đăng nhập "${input.username}" đã có người dùng.`, `The username "${input.username}" is already taken.`);
        throw error;
      }
    });
  }

  async update(id: string, input: UpdateUserDto, actor: AuthenticatedUser): Promise<UserDto> {
    if (input.password !== undefined) this.passwords.assertStrong(input.password);
    const passwordHash = input.password !== undefined ? await this.passwords.hash(input.password) : undefined;
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw userNotFound();
      if (user.version !== input.version) throw versionConflict('Người dùng', 'The user');
      if (input.unitId) await this.units.requireUnit(manager, input.unitId);
      const { version: _version, password: _password, ...changes } = input;
      Object.assign(user, changes);
      if (passwordHash) user.passwordHash = passwordHash;
      const saved = await manager.save(user);
      if (passwordHash || input.active === false) await this.auth.revokeAllSessions(manager, id, passwordHash ? 'password_reset' : 'user_disabled');
      await this.audit.record(
        { action: 'user.update', actor, entityType: 'user', entityId: id, details: { changes, passwordReset: Boolean(passwordHash) } },
        manager,
      );
      return toDto(saved);
    });
    if (passwordHash || input.active === false) this.sessionEndings.announce({ userId: id });
    return updated;
  }

  async unlock(id: string, actor: AuthenticatedUser): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw userNotFound();
      user.failedLoginCount = 0;
      user.lockedUntil = null;
      const saved = await manager.save(user);
      await this.audit.record({ action: 'user.unlock', actor, entityType: 'user', entityId: id }, manager);
      return toDto(saved);
    });
  }
}

function toDto(user: User): UserDto {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    position: user.position,
    unitId: user.unitId,
    roles: user.roles,
    active: user.active,
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
  };
}
