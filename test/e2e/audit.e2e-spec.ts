import { createTestApp, TestApp } from '../support/test-app';

describe('The hash-chained audit log', () => {
  let system: TestApp;
  let admin: string;

  beforeAll(async () => {
    system = await createTestApp();
    admin = await system.login('admin');
    await system.login('vanthu');
    await system.http().post('/api/auth/login').send({ username: 'vanthu', password: 'wrong-password-9' }).expect(401);
  });
  afterAll(() => system.close());

  it('verifies an intact chain', async () => {
    const result = (await system.http().get('/api/audit/verify').set('Authorization', `Bearer ${admin}`).expect(200)).body;
    expect(result).toEqual({ valid: true, checked: expect.any(Number), firstBrokenSequence: null, reason: null });
    expect(result.checked).toBeGreaterThanOrEqual(4);
  });

  it('lists newest first with request id and address, and pages with `before`', async () => {
    const page = (await system.http().get('/api/audit?limit=2').set('Authorization', `Bearer ${admin}`).set('X-Request-Id', 'req-12345678').expect(200)).body;
    expect(page.items).toHaveLength(2);
    expect(Number(page.items[0].sequence)).toBeGreaterThan(Number(page.items[1].sequence));
    const older = (await system.http().get(`/api/audit?limit=2&before=${page.nextCursor}`).set('Authorization', `Bearer ${admin}`).expect(200)).body;
    expect(Number(older.items[0].sequence)).toBeLessThan(Number(page.items[1].sequence));
    const failed = (await system.http().get('/api/audit?action=auth.login').set('Authorization', `Bearer ${admin}`).expect(200)).body.items.find(
      (entry: { outcome: string }) => entry.outcome === 'failure',
    );
    expect(failed).toMatchObject({ actorUsername: 'vanthu', ip: expect.any(String), requestId: expect.any(String) });
  });

  it('refuses UPDATE and DELETE on the log from SQL', async () => {
    await expect(system.query(`UPDATE audit_entry SET action = 'x' WHERE sequence = 1`)).rejects.toThrow(/append-only/);
    await expect(system.query(`DELETE FROM audit_entry WHERE sequence = 1`)).rejects.toThrow(/append-only/);
  });

  it('names the first row a database administrator changed behind the application', async () => {
    const [target] = await system.query(`SELECT sequence FROM audit_entry WHERE action = 'auth.login' AND outcome = 'failure'`);
    await system.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
    await system.query(`UPDATE audit_entry SET details = '{"reason":"nothing happened"}' WHERE sequence = $1`, [target.sequence]);
    await system.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`);

    const result = (await system.http().get('/api/audit/verify').set('Authorization', `Bearer ${admin}`).expect(200)).body;
    expect(result).toMatchObject({ valid: false, firstBrokenSequence: String(target.sequence), reason: expect.stringContaining('changed') });
    expect(result.checked).toBe(Number(target.sequence) - 1);
  });

  it('names a removed row as missing', async () => {
    const fresh = await createTestApp();
    try {
      const token = await fresh.login('admin');
      await fresh.login('lanhdao');
      await fresh.login('thuky');
      await fresh.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      await fresh.query(`DELETE FROM audit_entry WHERE sequence = 2`);
      const result = (await fresh.http().get('/api/audit/verify').set('Authorization', `Bearer ${token}`).expect(200)).body;
      expect(result).toMatchObject({ valid: false, firstBrokenSequence: '3', reason: expect.stringContaining('missing') });
    } finally {
      await fresh.close();
    }
  });
});
