import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { importEsm } from '../../apps/api/src/platform/esm';
import { findFreePort } from '../../apps/api/src/platform/database/embedded-database';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Single sign-on against a real OpenID Connect provider (panva's oidc-provider, the certified
 * implementation) running on loopback. Its login screen is replaced by a handler that signs in
 * whichever account the test names, as the agency's identity provider would after a password.
 */
describe('Single sign-on (OpenID Connect)', () => {
  let system: TestApp;
  let identityProvider: Server;
  let issuer: string;
  let nextAccount = 'vanthu';

  beforeAll(async () => {
    // The provider's development notices (in-memory store, test keys) are expected here.
    for (const level of ['warn', 'info'] as const) {
      const original = console[level].bind(console);
      jest.spyOn(console, level).mockImplementation((...parts: unknown[]) => {
        if (!String(parts[0]).startsWith('oidc-provider')) original(...parts);
      });
    }
    const [providerPort, appPort] = [await findFreePort(), await findFreePort()];
    issuer = `http://127.0.0.1:${providerPort}`;
    const { default: Provider } = await importEsm<{ default: any }>('oidc-provider');
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'e-office', client_secret: 'a-client-secret-for-tests', redirect_uris: [`http://127.0.0.1:${appPort}/api/auth/oidc/callback`] }],
      claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
      findAccount: (_context: unknown, accountId: string) => ({ accountId, claims: () => ({ sub: accountId, preferred_username: accountId, name: accountId }) }),
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      pkce: { required: () => true },
    });
    const callback = provider.callback();
    identityProvider = createServer(async (request: IncomingMessage, response: ServerResponse) => {
      if (!request.url?.startsWith('/interaction/')) return callback(request, response);
      const details = await provider.interactionDetails(request, response);
      const grant = new provider.Grant({ accountId: nextAccount, clientId: details.params.client_id });
      grant.addOIDCScope('openid profile email');
      const grantId = await grant.save();
      await provider.interactionFinished(request, response, { login: { accountId: nextAccount }, consent: { grantId } }, { mergeWithLastSubmission: false });
    });
    await new Promise<void>((resolveListen) => identityProvider.listen(providerPort, '127.0.0.1', resolveListen));

    system = await createTestApp({
      PORT: String(appPort),
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'e-office',
      OIDC_CLIENT_SECRET: 'a-client-secret-for-tests',
      OIDC_REDIRECT_URI: `http://127.0.0.1:${appPort}/api/auth/oidc/callback`,
    });
  });
  afterAll(async () => {
    await system?.close();
    await new Promise((resolveClose) => identityProvider?.close(resolveClose));
  });

  /** Follows the browser's redirects by hand, keeping each site's cookies as a browser would. */
  async function signIn(): Promise<{ status: number; location: string | null; cookies: Map<string, string> }> {
    const jars = new Map<string, Map<string, string>>();
    const jar = (url: URL) => jars.get(url.host) ?? jars.set(url.host, new Map()).get(url.host)!;
    let url = new URL('/api/auth/oidc/login', system.baseUrl);
    for (let hop = 0; hop < 10; hop += 1) {
      const cookies = jar(url);
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } });
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(';');
        const [name, ...value] = pair.split('=');
        cookies.set(name, value.join('='));
      }
      const location = response.headers.get('location');
      if (url.pathname === '/api/auth/oidc/callback' || !location || response.status < 300 || response.status >= 400)
        return { status: response.status, location, cookies };
      url = new URL(location, url);
    }
    throw new Error('too many redirects');
  }

  it('advertises single sign-on to the login page', async () => {
    expect((await system.http().get('/api/auth/config').expect(200)).body).toEqual({ oidcEnabled: true, oidcLabel: 'Đăng nhập một lần (SSO)' });
  });

  it('logs an existing user in through the identity provider and hands the web app a refresh cookie', async () => {
    nextAccount = 'vanthu';
    const result = await signIn();
    expect(result).toMatchObject({ status: 302, location: '/' });
    const refresh = result.cookies.get('eoffice_refresh');
    expect(refresh).toEqual(expect.any(String));

    const session = await system.http().post('/api/auth/refresh').set('Cookie', `eoffice_refresh=${refresh}`).expect(200);
    expect(session.body.user).toMatchObject({ username: 'vanthu', fullName: 'Nguyễn Thị Lan' });
    const [row] = await system.query(`SELECT actor_username, details FROM audit_entry WHERE action = 'auth.login' ORDER BY sequence DESC LIMIT 1`);
    expect(row).toMatchObject({ actor_username: 'vanthu', details: { method: 'oidc' } });
  });

  it('refuses someone the identity provider knows but this system does not, and audits it', async () => {
    nextAccount = 'stranger';
    const result = await signIn();
    expect(result.status).toBe(302);
    expect(result.location).toBe('/login?ssoError=OIDC_FAILED');
    expect(result.cookies.get('eoffice_refresh')).toBeUndefined();
    const [row] = await system.query(`SELECT actor_username, outcome FROM audit_entry WHERE action = 'auth.login' ORDER BY sequence DESC LIMIT 1`);
    expect(row).toEqual({ actor_username: 'stranger', outcome: 'failure' });
  });

  it('refuses a callback that did not start here (no PKCE verifier, forged state)', async () => {
    const response = await system.http().get('/api/auth/oidc/callback?code=stolen&state=forged').expect(302);
    expect(response.headers.location).toBe('/login?ssoError=OIDC_FAILED');
  });
});
