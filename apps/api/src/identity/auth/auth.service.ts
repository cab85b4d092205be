import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthSession, CurrentUser as CurrentUserDto, ErrorCode, permissionsOf, Role } from '@app/contracts';
import { AppConfig } from '../../platform/config/app-config';
import { AppException } from '../../platform/errors/app-exception';
import { AuditService } from '../../audit/audit.service';
import { OrgansService } from '../../organs/organs.service';
import { User } from '../user.entity';
import { UserSession } from './user-session.entity';
import { RefreshToken } from './refresh-token.entity';
import { PasswordService } from './password.service';
import { SessionEndings } from './session-endings';
import { invalidToken, TokenService } from './token.service';
import type { AuthenticatedUser } from './authenticated-user';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** What a successful login or refresh gives: the JSON answer and the refresh token for the cookie. */
export interface IssuedSession {
  session: AuthSession;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** A second use of a refresh token within this window is a race between two tabs, not theft. */
const REFRESH_RACE_GRACE_MS = 10_000;

const invalidCredentials = () =>
  new AppException(
    HttpStatus.UNAUTHORIZED,
    ErrorCode.InvalidCredentials,
    'Tên đăng nhập hoặc mật khẩu không đúng.',
    'The username or password is wrong.',
  );

const refreshInvalid = () =>
  new AppException(
    HttpStatus.UNAUTHORIZED,
    ErrorCode.RefreshTokenInvalid,
    'Phiên đăng nhập đã kết thúc, hãy đăng nhập lại.',
    'Your login session has ended; log in again.',
  );

function lockedError(until: Date) {
  const time = until.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
  return new AppException(
    HttpStatus.LOCKED,
    ErrorCode.AccountLocked,
    `Tài khoản tạm bị khoá do nhập sai mật khẩu nhiều lần. Hãy thử lại sau ${time} hoặc nhờ quản trị mở khoá.`,
    `The account is locked after repeated wrong passwords. Try again after ${time} (Vietnam time) or ask an administrator to unlock it.`,
    { lockedUntil: until.toISOString() },
  );
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly organs: OrgansService,
    private readonly sessionEndings: SessionEndings,
  ) {}

  async login(usernameInput: string, password: string, client: ClientInfo): Promise<IssuedSession> {
    const username = usernameInput.trim().toLowerCase();
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :username', { username })
      .getOne();

    if (!user) {
      await this.passwords.verify(null, password);
      await this.audit.record({ action: 'auth.login', actorUsername: username.slice(0, 100), outcome: 'failure', details: { reason: 'unknown_user' } });
      throw invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await this.audit.record({ action: 'auth.login', actor: user, entityType: 'user', entityId: user.id, outcome: 'denied', details: { reason: 'locked' } });
      throw lockedError(user.lockedUntil);
    }
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      await this.recordFailure(user);
    }
    if (!user.active) {
      await this.audit.record({ action: 'auth.login', actor: user, entityType: 'user', entityId: user.id, outcome: 'denied', details: { reason: 'disabled' } });
      throw new AppException(HttpStatus.FORBIDDEN, ErrorCode.AccountDisabled, 'Tài khoản đã bị vô hiệu hoá. Hãy liên hệ quản trị.', 'This account is disabled. Contact the administrator.');
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() });
      const issued = await this.openSession(manager, user, client);
      await this.audit.record({ action: 'auth.login', actor: user, entityType: 'user', entityId: user.id, details: { sessionId: issued.sessionId } }, manager);
      return issued;
    });
  }

  /** Counts a wrong password atomically (two parallel attempts both count) and locks at the limit. */
  private async recordFailure(user: User): Promise<never> {
    const lockMinutes = this.config.LOGIN_LOCK_MINUTES;
    const [row] = await this.dataSource.query(
      `UPDATE "user" SET failed_login_count = failed_login_count + 1,
         locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1 RETURNING failed_login_count, locked_until`,
      [user.id, this.config.LOGIN_MAX_FAILURES, lockMinutes],
    );
    const updated = (Array.isArray(row) ? row[0] : row) as { failed_login_count: number; locked_until: Date | null };
    const lockedNow = updated.locked_until !== null && updated.failed_login_count >= this.config.LOGIN_MAX_FAILURES;
    await this.audit.record({
      action: 'auth.login',
      actor: user,
      entityType: 'user',
      entityId: user.id,
      outcome: 'failure',
      details: { reason: 'wrong_password', failedLoginCount: updated.failed_login_count },
    });
    if (lockedNow) {
      await this.audit.record({ action: 'auth.lockout', actor: user, entityType: 'user', entityId: user.id, outcome: 'failure', details: { minutes: lockMinutes } });
      throw lockedError(new Date(updated.locked_until as Date));
    }
    throw invalidCredentials();
  }

  /** Opens a session for a user already authenticated (by password or by single sign-on). */
  async openSession(manager: EntityManager, user: User, client: ClientInfo): Promise<IssuedSession & { sessionId: string }> {
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const session = await manager.save(
      manager.create(UserSession, {
        userId: user.id,
        expiresAt,
        ip: client.ip?.slice(0, 64) ?? null,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      }),
    );
    const refresh = this.tokens.newRefreshToken();
    await manager.insert(RefreshToken, { sessionId: session.id, tokenHash: refresh.hash, expiresAt });
    return {
      sessionId: session.id,
      refreshToken: refresh.token,
      refreshExpiresAt: expiresAt,
      session: await this.sessionAnswer(manager, user.id, session.id),
    };
  }

  /** Rotates a refresh token: the presented one is spent, a new one is issued in the same session. */
  async refresh(presented: string | undefined, client: ClientInfo): Promise<IssuedSession> {
    if (!presented) throw refreshInvalid();
    const hash = this.tokens.hashRefreshToken(presented);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.tokenHash = :hash', { hash })
        .getOne();
      if (!token) return { error: refreshInvalid() };
      const session = await manager.findOne(UserSession, { where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt || session.expiresAt <= new Date() || token.expiresAt <= new Date()) return { error: refreshInvalid() };
      const user = await manager.findOneBy(User, { id: session.userId });
      if (!user || !user.active) {
        await this.revoke(manager, session, 'user_disabled');
        return { error: refreshInvalid() };
      }
      if (token.usedAt) {
        if (Date.now() - token.usedAt.getTime() < REFRESH_RACE_GRACE_MS) return { error: refreshInvalid() };
        // A spent token came back: someone holds a copy. End the whole session.
        await this.revoke(manager, session, 'refresh_token_reuse');
        await this.audit.record({ action: 'auth.refresh_reuse', actor: user, entityType: 'session', entityId: session.id, outcome: 'denied', details: { ip: client.ip } }, manager);
        return { error: refreshInvalid(), ended: session.id };
      }
      await manager.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      const next = this.tokens.newRefreshToken();
      await manager.insert(RefreshToken, { sessionId: session.id, tokenHash: next.hash, expiresAt: session.expiresAt });
      return {
        issued: { session: await this.sessionAnswer(manager, user.id, session.id), refreshToken: next.token, refreshExpiresAt: session.expiresAt },
      };
    });
    if ('ended' in outcome && outcome.ended) this.sessionEndings.announce({ sessionId: outcome.ended });
    if ('error' in outcome) throw outcome.error;
    return outcome.issued as IssuedSession;
  }

  /** Ends the session the refresh cookie (or the access token) belongs to. Idempotent. */
  async logout(presented: string | undefined, user: AuthenticatedUser | undefined): Promise<void> {
    const ended = await this.dataSource.transaction(async (manager) => {
      let sessionId = user?.sessionId;
      if (!sessionId && presented) {
        const token = await manager.findOneBy(RefreshToken, { tokenHash: this.tokens.hashRefreshToken(presented) });
        sessionId = token?.sessionId;
      }
      if (!sessionId) return;
      const session = await manager.findOneBy(UserSession, { id: sessionId });
      if (!session || session.revokedAt) return;
      await this.revoke(manager, session, 'logout');
      await this.audit.record({ action: 'auth.logout', actor: user ?? { id: session.userId, username: '' }, entityType: 'session', entityId: session.id }, manager);
      return session.id;
    });
    if (ended) this.sessionEndings.announce({ sessionId: ended });
  }

  /** Ends every open session of a user (password reset, deactivation). */
  async revokeAllSessions(manager: EntityManager, userId: string, reason: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(UserSession)
      .set({ revokedAt: () => 'now()', revokeReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }

  private async revoke(manager: EntityManager, session: UserSession, reason: string): Promise<void> {
    await manager.update(UserSession, { id: session.id }, { revokedAt: new Date(), revokeReason: reason });
  }

  /**
   * Checks an access token and loads who it belongs to, in one query: the session must still be
   * open and the user active, so logout and deactivation take effect at once.
   */
  async authenticate(accessToken: string): Promise<AuthenticatedUser> {
    const claims = await this.tokens.verifyAccess(accessToken);
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.username, u.full_name, u.unit_id, u.roles
         FROM user_session s JOIN "user" u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [claims.sid, claims.sub],
    );
    if (!row) throw invalidToken();
    const roles = row.roles as Role[];
    return {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      unitId: row.unit_id,
      roles,
      permissions: permissionsOf(roles),
      sessionId: claims.sid,
    };
  }

  async currentUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<CurrentUserDto> {
    const user = await manager.findOne(User, { where: { id: userId }, relations: { unit: true } });
    if (!user) throw invalidToken();
    const self = await this.organs.getSelf();
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      position: user.position,
      unitId: user.unitId,
      unitName: user.unit?.name ?? null,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
      organ: { id: self.id, organId: self.organId, name: self.name },
    };
  }

  private async sessionAnswer(manager: EntityManager, userId: string, sessionId: string): Promise<AuthSession> {
    return {
      accessToken: await this.tokens.signAccess(userId, sessionId),
      expiresIn: this.tokens.accessTtlSeconds,
      user: await this.currentUser(userId, manager),
    };
  }
}
