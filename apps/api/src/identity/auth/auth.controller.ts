import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../../platform/config/app-config';
import { LoginThrottle } from '../../platform/http/throttling';
import { AuthenticatedUser } from './authenticated-user';
import { Authenticated, CurrentUser, Public } from './access.decorators';
import { AuthService, ClientInfo } from './auth.service';
import { bearerToken } from './access.guard';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { LoginDto } from '../dto/login.dto';
import { AuthConfigDto, AuthSessionDto, CurrentUserDto } from '../dto/auth-session.dto';

export function clientInfo(request: Request): ClientInfo {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('config')
  @ApiOperation({ summary: 'How users may log in (password, single sign-on)' })
  @ApiOkResponse({ type: AuthConfigDto })
  authConfig(): AuthConfigDto {
    return { oidcEnabled: this.config.oidcEnabled, oidcLabel: this.config.oidcEnabled ? this.config.OIDC_LABEL : null };
  }

  @Public()
  @LoginThrottle()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password; sets the refresh cookie' })
  @ApiOkResponse({ type: AuthSessionDto })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSessionDto> {
    const issued = await this.auth.login(body.username, body.password, clientInfo(request));
    setRefreshCookie(response, this.config, issued.refreshToken, issued.refreshExpiresAt);
    return issued.session;
  }

  @Public()
  @LoginThrottle()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)' })
  @ApiOkResponse({ type: AuthSessionDto })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AuthSessionDto> {
    try {
      const issued = await this.auth.refresh(readRefreshCookie(request), clientInfo(request));
      setRefreshCookie(response, this.config, issued.refreshToken, issued.refreshExpiresAt);
      return issued.session;
    } catch (error) {
      clearRefreshCookie(response, this.config);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session (the refresh token and every access token of it)' })
  @ApiNoContentResponse()
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = bearerToken(request);
    const user = token ? await this.auth.authenticate(token).catch(() => undefined) : undefined;
    await this.auth.logout(readRefreshCookie(request), user);
    clearRefreshCookie(response, this.config);
  }

  @Authenticated()
  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who I am: profile, roles, permissions, agency' })
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<CurrentUserDto> {
    return this.auth.currentUser(user.id);
  }
}
