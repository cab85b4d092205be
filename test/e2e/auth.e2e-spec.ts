import { createTestApp, TestApp } from '../support/test-app';

const refreshCookie = (setCookie: string[] | string | undefined) => {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((value) => value.startsWith('eoffice_refresh='));
  return cookie ? { header: cookie.split(';')[0], attributes: cookie } : null;
};

describe('Login, refresh, logout and lockout', () => {
  let system: TestApp;

  beforeAll(async () => {
    system = await createTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => system.close());

  it('logs the demo clerk in: access token in JSON, refresh token only in an httpOnly SameSite cookie', async () => {
    const response = await system.http().post('/api/auth/login').send({ username: 'vanthu', password: 'Demo@2026' }).expect(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body.expiresIn).toBe(900);
    expect(response.body.user).toMatchObject({ username: 'vanthu', fullName: 'Nguyễn Thị Lan', roles: ['clerk'], organ: { organId: '000.00.00.G10' } });
    expect(response.body.user.permissions).toContain('desk.view');
    expect(JSON.stringify(response.body)).not.toContain('refresh');
    const cookie = refreshCookie(response.headers['set-cookie']);
    expect(cookie?.attributes).toMatch(/HttpOnly/i);
    expect(cookie?.attributes).toMatch(/SameSite=Strict/i);
    expect(cookie?.attributes).toMatch(/Path=\/api\/auth/);

    const me = await system.http().get('/api/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'vanthu', unitName: 'Phòng Văn thư - Lưu trữ', position: 'Văn thư' });
  });

  it('accepts the username in any case and with spaces around it', async () => {
    await system.http().post('/api/auth/login').send({ username: '  VanThu ', password: 'Demo@2026' }).expect(200);
  });

  it('refuses a wrong password and an unknown user with the same answer, and audits both', async () => {
    const wrong = await system.http().post('/api/auth/login').send({ username: 'chuyenvien', password: 'nope12345' }).expect(401);
    const unknown = await system.http().post('/api/auth/login').send({ username: 'nobody', password: 'nope12345' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: expect.stringContaining('không đúng'), messageEn: expect.any(String) });
    expect(unknown.body).toEqual(wrong.body);
    const rows = await system.query(`SELECT actor_username, outcome, details FROM audit_entry WHERE action = 'auth.login' AND outcome = 'failure' ORDER BY sequence`);
    expect(rows.map((row) => [row.actor_username, row.details.reason])).toEqual([
      ['chuyenvien', 'wrong_password'],
      ['nobody', 'unknown_user'],
    ]);
  });

  it('rotates the refresh token; a spent one coming back ends the whole session', async () => {
    const login = await system.http().post('/api/auth/login').send({ username: 'lanhdao', password: 'Demo@2026' }).expect(200);
    const first = refreshCookie(login.headers['set-cookie'])!;

    const refreshed = await system.http().post('/api/auth/refresh').set('Cookie', first.header).expect(200);
    const second = refreshCookie(refreshed.headers['set-cookie'])!;
    expect(second.header).not.toEqual(first.header);
    expect(refreshed.body.user.username).toBe('lanhdao');
    await system.http().get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);

    // The first token is replayed later than the two-tab grace window: treat it as stolen.
    await system.query(`UPDATE refresh_token SET used_at = now() - interval '1 minute' WHERE used_at IS NOT NULL`);
    const replay = await system.http().post('/api/auth/refresh').set('Cookie', first.header).expect(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_INVALID');
    // ... and the legitimate holder's token and access token are dead too
    await system.http().post('/api/auth/refresh').set('Cookie', second.header).expect(401);
    const me = await system.http().get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(401);
    expect(me.body.code).toBe('TOKEN_INVALID');
    const [reuse] = await system.query(`SELECT outcome FROM audit_entry WHERE action = 'auth.refresh_reuse'`);
    expect(reuse.outcome).toBe('denied');
  });

  it('refuses refresh without a cookie', async () => {
    const response = await system.http().post('/api/auth/refresh').expect(401);
    expect(response.body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('logout revokes the session: the access token and refresh cookie stop working at once', async () => {
    const login = await system.http().post('/api/auth/login').send({ username: 'thuky', password: 'Demo@2026' }).expect(200);
    const cookie = refreshCookie(login.headers['set-cookie'])!;
    const token = login.body.accessToken;
    const logout = await system.http().post('/api/auth/logout').set('Authorization', `Bearer ${token}`).set('Cookie', cookie.header).expect(204);
    expect(refreshCookie(logout.headers['set-cookie'])?.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    await system.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await system.http().post('/api/auth/refresh').set('Cookie', cookie.header).expect(401);
    const [row] = await system.query(`SELECT actor_username FROM audit_entry WHERE action = 'auth.logout'`);
    expect(row.actor_username).toBe('thuky');
  });

  it('locks the account after repeated failures, even for the right password, until an admin unlocks it', async () => {
    for (let attempt = 1; attempt <= 2; attempt += 1)
      await system.http().post('/api/auth/login').send({ username: 'truongphong', password: 'wrong-password-1' }).expect(401);
    const third = await system.http().post('/api/auth/login').send({ username: 'truongphong', password: 'wrong-password-1' }).expect(423);
    expect(third.body).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('khoá') });
    const right = await system.http().post('/api/auth/login').send({ username: 'truongphong', password: 'Demo@2026' }).expect(423);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');
    expect(await system.query(`SELECT 1 FROM audit_entry WHERE action = 'auth.lockout' AND actor_username = 'truongphong'`)).toHaveLength(1);

    const admin = await system.login('admin');
    const [user] = await system.query(`SELECT id FROM "user" WHERE username = 'truongphong'`);
    const listed = await system.http().get(`/api/users/${user.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(listed.body.lockedUntil).toEqual(expect.any(String));
    await system.http().post(`/api/users/${user.id}/unlock`).set('Authorization', `Bearer ${admin}`).expect(200);
    await system.http().post('/api/auth/login').send({ username: 'truongphong', password: 'Demo@2026' }).expect(200);
  });

  it('refuses a forged, an expired and a malformed access token', async () => {
    const token = await system.login('chuyenvien');
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await system.http().get('/api/auth/me').set('Authorization', `Bearer ${forged}`).expect(401)).body.code).toBe('TOKEN_INVALID');

    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const alg = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const unsigned = `${alg}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url')}.`;
    expect((await system.http().get('/api/auth/me').set('Authorization', `Bearer ${unsigned}`).expect(401)).body.code).toBe('TOKEN_INVALID');

    await system.http().get('/api/auth/me').set('Authorization', 'Bearer garbage').expect(401);
    const none = await system.http().get('/api/auth/me').expect(401);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('says TOKEN_EXPIRED for an access token past its lifetime', async () => {
    const shortLived = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: '30' });
    try {
      const token = await shortLived.login('vanthu');
      const realNow = Date.now;
      Date.now = () => realNow() + 31_000;
      try {
        const response = await shortLived.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
        expect(response.body.code).toBe('TOKEN_EXPIRED');
      } finally {
        Date.now = realNow;
      }
    } finally {
      await shortLived.close();
    }
  });

  it('a deactivated user is logged out at once and cannot log in', async () => {
    const admin = await system.login('admin');
    const token = await system.login('chuyenvien');
    const [user] = await system.query(`SELECT id, version FROM "user" WHERE username = 'chuyenvien'`);
    await system.http().patch(`/api/users/${user.id}`).set('Authorization', `Bearer ${admin}`).send({ active: false, version: user.version }).expect(200);
    await system.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    const login = await system.http().post('/api/auth/login').send({ username: 'chuyenvien', password: 'Demo@2026' }).expect(403);
    expect(login.body.code).toBe('ACCOUNT_DISABLED');
  });
});
