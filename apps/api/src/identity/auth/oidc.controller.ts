import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorCode } from '@app/contracts';
import { AppConfig } from '../../platform/config/app-config';
import { AppException } from '../../platform/errors/app-exception';
import { LoginThrottle } from '../../platform/http/throttling';
import { Public } from './access.decorators';
import { clientInfo } from './auth.controller';
import { OidcService } from './oidc.service';
import { setRefreshCookie } from './refresh-cookie';

const PENDING_COOKIE = 'eoffice_oidc';

/** Browser redirects of the single sign-on; the result is the usual refresh cookie. */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @LoginThrottle()
  @Get('login')
  @ApiExcludeEndpoint()
  async login(@Res() response: Response): Promise<void> {
    const started = await this.oidc.start();
    // SameSite=Lax: the provider's redirect back is a top-level cross-site navigation.
    response.cookie(PENDING_COOKIE, Buffer.from(JSON.stringify(started.pending)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/api/auth/oidc',
      maxAge: 10 * 60_000,
    });
    response.redirect(302, started.redirectTo);
  }

  @Public()
  @LoginThrottle()
  @Get('callback')
  @ApiExcludeEndpoint()
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const raw = (request.cookies as Record<string, string> | undefined)?.[PENDING_COOKIE];
    let pending: { state: string; codeVerifier: string } | null = null;
    try {
      pending = raw ? JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) : null;
    } catch {
      pending = null;
    }
    response.clearCookie(PENDING_COOKIE, { path: '/api/auth/oidc' });
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    try {
      const issued = await this.oidc.finish(query, pending, clientInfo(request));
      setRefreshCookie(response, this.config, issued.refreshToken, issued.refreshExpiresAt);
      // The web app restores the session from the refresh cookie on load.
      response.redirect(302, '/');
    } catch (error) {
      // A person arrives here in a browser: send them back to the login page, which explains.
      const code = error instanceof AppException ? error.code : ErrorCode.OidcFailed;
      response.redirect(302, `/login?ssoError=${encodeURIComponent(code)}`);
    }
  }
}
