import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { io } from 'socket.io-client';
import { createTestApp, TestApp } from '../support/test-app';
import { NotificationsGateway } from '../../apps/api/src/notifications/notifications.gateway';
import { DEMO_USERS } from '../../apps/api/src/agency-setup/demo-data';

describe('The platform: health, API docs, error shape, hardening, live channel', () => {
  let system: TestApp;
  let officer: string;

  beforeAll(async () => {
    system = await createTestApp({ BODY_LIMIT: '10kb' });
    officer = await system.login('chuyenvien');
  });
  afterAll(() => system.close());

  it('answers liveness and readiness (database and object store reachable) without a login', async () => {
    expect((await system.http().get('/api/health').expect(200)).body).toEqual({ status: 'ok' });
    expect((await system.http().get('/api/health/ready').expect(200)).body).toEqual({
      status: 'ok',
      checks: { database: { status: 'ok' }, storage: { status: 'ok' } },
    });
  });

  it('serves the OpenAPI description with every route documented', async () => {
    const spec = (await system.http().get('/api/docs-json').expect(200)).body;
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/login', '/api/auth/refresh', '/api/users', '/api/units/{id}', '/api/organs', '/api/audit/verify', '/api/health/ready'])
      expect(Object.keys(spec.paths)).toContain(path);
    expect(spec.components.schemas.CreateUserDto.properties).toHaveProperty('roles');
    await system.http().get('/api/docs').expect(200);
  });

  it('refuses malformed JSON, unknown fields and oversized bodies with the one error shape', async () => {
    const malformed = await system.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "vanthu",').expect(400);
    expect(malformed.body).toEqual({ statusCode: 400, code: 'MALFORMED_JSON', message: expect.any(String), messageEn: expect.any(String) });

    const unknown = await system.http().post('/api/auth/login').send({ username: 'vanthu', password: 'Demo@2026', isAdmin: true }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'isAdmin' }] });
    expect(unknown.body.message).toContain('isAdmin');

    const huge = await system.http().post('/api/auth/login').send({ username: 'vanthu', password: 'x'.repeat(20_000) }).expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('treats SQL-looking input as plain data', async () => {
    const login = await system.http().post('/api/auth/login').send({ username: "admin' OR '1'='1", password: "' OR 1=1 --" }).expect(401);
    expect(login.body.code).toBe('INVALID_CREDENTIALS');
    const search = await system.http().get(`/api/users?q=${encodeURIComponent("%' OR 1=1; DROP TABLE \"user\"; --")}`).set('Authorization', `Bearer ${officer}`).expect(200);
    expect(search.body.items).toEqual([]);
    expect((await system.query(`SELECT count(*)::int AS count FROM "user"`))[0].count).toBe(DEMO_USERS.length);
  });

  it('answers unknown API routes and bad ids in the error shape', async () => {
    const missing = await system.http().get('/api/nothing-here').set('Authorization', `Bearer ${officer}`).expect(404);
    expect(missing.body.code).toBe('ROUTE_NOT_FOUND');
    const badId = await system.http().get('/api/users/123').set('Authorization', `Bearer ${officer}`).expect(400);
    expect(badId.body.code).toBe('VALIDATION_FAILED');
    const notFound = await system.http().get('/api/users/6f1c1c55-0000-4000-8000-000000000000').set('Authorization', `Bearer ${officer}`).expect(404);
    expect(notFound.body.code).toBe('USER_NOT_FOUND');
  });

  it('sends security headers, a strict content security policy and a request id; CORS stays closed', async () => {
    const response = await system.http().get('/api/health').set('Origin', 'https://evil.example').expect(200);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('connects a signed-in socket to its user room and refuses one without a valid token', async () => {
    const options = { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true };
    const good = io(system.baseUrl, { ...options, auth: { token: officer } });
    const answer = await new Promise<{ at: string }>((resolvePing, reject) => {
      good.on('connect_error', reject);
      good.on('connect', () => good.emit('ping', resolvePing));
    });
    expect(new Date(answer.at).getTime()).toBeGreaterThan(0);
    good.close();

    const bad = io(system.baseUrl, { ...options, auth: { token: 'forged' } });
    const refusal = await new Promise<Error & { data?: { code: string } }>((resolveError) => bad.on('connect_error', resolveError));
    expect(refusal.data?.code).toBe('UNAUTHENTICATED');
    bad.close();
  });

  it('closes the sockets of a session that ends: a logout closes that browser only, a deactivation all of the user', async () => {
    const options = { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true };
    const open = async (token: string) => {
      const socket = io(system.baseUrl, { ...options, auth: { token } });
      await new Promise<void>((resolveConnect, reject) => {
        socket.on('connect', () => resolveConnect());
        socket.on('connect_error', reject);
      });
      const revoked = new Promise<void>((resolveRevoked) => socket.on('session:revoked', () => resolveRevoked()));
      const closed = new Promise<string>((resolveClosed) => socket.on('disconnect', (reason) => resolveClosed(reason)));
      return { socket, revoked, closed };
    };
    const [office, phone] = [await system.login('thuky'), await system.login('thuky')];
    const onOffice = await open(office);
    const onPhone = await open(phone);
    await system.http().post('/api/auth/logout').set('Authorization', `Bearer ${office}`).expect(204);
    await onOffice.revoked;
    expect(await onOffice.closed).toBe('io server disconnect');
    expect(onPhone.socket.connected).toBe(true);

    const admin = await system.login('admin');
    const [thuky] = await system.query(`SELECT id, version FROM "user" WHERE username = 'thuky'`);
    await system.http().patch(`/api/users/${thuky.id}`).set('Authorization', `Bearer ${admin}`).send({ active: false, version: thuky.version }).expect(200);
    await onPhone.revoked;
    expect(await onPhone.closed).toBe('io server disconnect');
  });
});

describe('Several API replicas', () => {
  it('deliver a live event to a socket connected to another replica (fan-out through PostgreSQL)', async () => {
    const first = await createTestApp();
    const second = await createTestApp({}, first);
    try {
      const token = await first.login('lanhdao');
      const [user] = await first.query(`SELECT id FROM "user" WHERE username = 'lanhdao'`);
      const socket = io(first.baseUrl, { path: '/api/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
      await new Promise<void>((resolveConnect, reject) => {
        socket.on('connect', () => resolveConnect());
        socket.on('connect_error', reject);
      });
      const received = new Promise((resolveEvent) => socket.on('notification', resolveEvent));
      const event = { id: 'n1', kind: 'test', title: 'Văn bản mới cần chỉ đạo', link: null, createdAt: new Date().toISOString() };
      // the second replica has no socket of this user: the event must cross over
      second.app.get(NotificationsGateway).notifyUser(user.id, event);
      await expect(received).resolves.toEqual(event);
      socket.close();
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('Rate limiting', () => {
  it('slows down password guessing on login with 429 in the error shape', async () => {
    const system = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) await system.http().post('/api/auth/login').send({ username: 'x', password: 'y' }).expect(401);
      const limited = await system.http().post('/api/auth/login').send({ username: 'x', password: 'y' }).expect(429);
      expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      await system.http().get('/api/health').expect(200);
    } finally {
      await system.close();
    }
  });
});

describe('Configuration', () => {
  const root = resolve(__dirname, '../..');
  const start = (environment: Record<string, string>) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, ...environment },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('stops a start with a wrong value and names the variable and the problem', () => {
    const result = start({ PORT: 'abc', S3_BUCKET: 'Bad_Bucket' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/PORT: .*integer.*\(got "abc"\)/);
    expect(result.stderr).toMatch(/S3_BUCKET: must be a valid bucket name/);
  });

  it('requires the secrets production needs', () => {
    const result = start({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db', STORAGE_DRIVER: 's3' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('JWT_SECRET: is required in production');
    expect(result.stderr).toContain('S3_ENDPOINT: is required when STORAGE_DRIVER is s3');
    expect(result.stderr).not.toContain('p@127');
  });
});
