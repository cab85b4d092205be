import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@app/contracts';
import { AppConfig } from '../../platform/config/app-config';
import { AppException } from '../../platform/errors/app-exception';
import { importEsm } from '../../platform/esm';
import { AuditService } from '../../audit/audit.service';
import { User } from '../user.entity';
import { AuthService, ClientInfo, IssuedSession } from './auth.service';

type OpenIdClient = typeof import('openid-client');

export interface OidcLoginStart {
  redirectTo: string;
  /** kept in a short-lived httpOnly cookie until the provider sends the user back */
  pending: { state: string; codeVerifier: string };
}

const oidcFailed = (reasonVi: string, reasonEn: string) =>
  new AppException(HttpStatus.UNAUTHORIZED, ErrorCode.OidcFailed, `Đăng nhập một lần không thành công: ${reasonVi}`, `Single sign-on failed: ${reasonEn}`);

/**
 * The agency's single sign-on (OpenID Connect, authorization code with PKCE). Only users who
 * already exist here may come in this way: the username claim is matched to our users.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private configuration?: Promise<import('openid-client').Configuration>;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  private assertEnabled(): void {
    if (!this.config.oidcEnabled)
      throw new AppException(HttpStatus.NOT_FOUND, ErrorCode.OidcDisabled, 'Đăng nhập một lần chưa được cấu hình.', 'Single sign-on is not configured.');
  }

  private async client(): Promise<{ library: OpenIdClient; configuration: import('openid-client').Configuration }> {
    const library = await importEsm<OpenIdClient>('openid-client');
    this.configuration ??= library
      .discovery(new URL(this.config.OIDC_ISSUER as string), this.config.OIDC_CLIENT_ID as string, this.config.OIDC_CLIENT_SECRET, undefined, {
        // an intranet identity provider is often plain HTTP inside the agency's network
        execute: this.config.OIDC_ISSUER?.startsWith('http:') ? [library.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        this.logger.error({ err: error }, 'OpenID Connect discovery failed');
        throw oidcFailed('không kết nối được máy chủ xác thực.', 'the identity provider cannot be reached.');
      });
    return { library, configuration: await this.configuration };
  }

  async start(): Promise<OidcLoginStart> {
    this.assertEnabled();
    const { library, configuration } = await this.client();
    const codeVerifier = library.randomPKCECodeVerifier();
    const state = library.randomState();
    const url = library.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.OIDC_REDIRECT_URI as string,
      scope: 'openid profile email',
      code_challenge: await library.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
    });
    return { redirectTo: url.href, pending: { state, codeVerifier } };
  }

  async finish(callbackQuery: string, pending: OidcLoginStart['pending'] | null, client: ClientInfo): Promise<IssuedSession> {
    this.assertEnabled();
    if (!pending) throw oidcFailed('phiên đăng nhập đã hết hạn, hãy thử lại.', 'the login attempt expired; try again.');
    const { library, configuration } = await this.client();
    const callbackUrl = new URL(this.config.OIDC_REDIRECT_URI as string);
    callbackUrl.search = callbackQuery;
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await library.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
      });
      claims = tokens.claims() as Record<string, unknown> | undefined;
    } catch (error) {
      this.logger.warn({ err: error }, 'OpenID Connect code exchange failed');
      throw oidcFailed('máy chủ xác thực từ chối.', 'the identity provider refused.');
    }
    const username = String(claims?.[this.config.OIDC_USERNAME_CLAIM] ?? '').trim().toLowerCase();
    const user = username ? await this.dataSource.getRepository(User).findOneBy({ username }) : null;
    if (!user || !user.active) {
      await this.audit.record({ action: 'auth.login', actorUsername: username.slice(0, 100) || null, outcome: 'failure', details: { method: 'oidc', reason: user ? 'disabled' : 'unknown_user' } });
      throw oidcFailed('tài khoản chưa được cấp trong hệ thống này.', 'there is no active account for you in this system.');
    }
    return this.dataSource.transaction(async (manager) => {
      const issued = await this.auth.openSession(manager, user, client);
      await this.audit.record({ action: 'auth.login', actor: user, entityType: 'user', entityId: user.id, details: { method: 'oidc', sessionId: issued.sessionId } }, manager);
      return issued;
    });
  }
}
