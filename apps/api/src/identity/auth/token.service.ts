import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode } from '@app/contracts';
import { AppConfig } from '../../platform/config/app-config';
import { AppException } from '../../platform/errors/app-exception';
import { HttpStatus } from '@nestjs/common';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

/** Signs and checks access tokens; makes refresh tokens (random, stored only as hashes). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get accessTtlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  signAccess(userId: string, sessionId: string): Promise<string> {
    return this.jwt.signAsync({ sub: userId, sid: sessionId } satisfies AccessTokenClaims, { expiresIn: this.accessTtlSeconds });
  }

  async verifyAccess(token: string): Promise<AccessTokenClaims> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw new Error('claims');
      return claims;
    } catch (error) {
      if (error instanceof TokenExpiredError)
        throw new AppException(
          HttpStatus.UNAUTHORIZED,
          ErrorCode.TokenExpired,
          'Phiên làm việc đã hết hạn, hãy đăng nhập lại.',
          'Your session has expired; log in again.',
        );
      throw invalidToken();
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hashRefreshToken(token) };
  }

  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}

export const invalidToken = () =>
  new AppException(HttpStatus.UNAUTHORIZED, ErrorCode.TokenInvalid, 'Thông tin đăng nhập không hợp lệ, hãy đăng nhập lại.', 'Invalid credentials token; log in again.');
