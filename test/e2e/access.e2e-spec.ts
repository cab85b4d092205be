import { createTestApp, TestApp } from '../support/test-app';

describe('Permissions and the admin API', () => {
  let system: TestApp;
  let admin: string;
  let clerk: string;
  let officer: string;

  beforeAll(async () => {
    system = await createTestApp();
    [admin, clerk, officer] = await Promise.all([system.login('admin'), system.login('vanthu'), system.login('chuyenvien')]);
  });
  afterAll(() => system.close());

  it('answers 403 with the error shape when an officer calls an admin route, and audits the refusal', async () => {
    const response = await system
      .http()
      .post('/api/units')
      .set('Authorization', `Bearer ${officer}`)
      .send({ code: 'X', name: 'Không được tạo', kind: 'division' })
      .expect(403);
    expect(response.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: expect.any(String), messageEn: expect.any(String) });
    const [row] = await system.query(`SELECT actor_username, outcome, details FROM audit_entry WHERE action = 'permission.denied'`);
    expect(row).toMatchObject({ actor_username: 'chuyenvien', outcome: 'denied', details: { method: 'POST', missing: ['units.manage'] } });
    expect(await system.query(`SELECT 1 FROM unit WHERE code = 'X'`)).toHaveLength(0);
  });

  it('lets the clerk read the directory and add an organ, but not manage users or read the audit log', async () => {
    await system.http().get('/api/organs').set('Authorization', `Bearer ${clerk}`).expect(200);
    await system.http().get('/api/audit').set('Authorization', `Bearer ${clerk}`).expect(403);
    await system.http().post('/api/users').set('Authorization', `Bearer ${clerk}`).send({}).expect(403);
  });

  it('manages the unit tree: create, rename with the version read, refuse a stale version, a cycle and a non-empty delete', async () => {
    const auth = { Authorization: `Bearer ${admin}` };
    const parent = (await system.http().post('/api/units').set(auth).send({ code: 'VBHN', name: 'Vụ Bảo hiểm y tế', kind: 'department' }).expect(201)).body;
    const child = (await system.http().post('/api/units').set(auth).send({ code: 'VBHN.P1', name: 'Phòng Chính sách', kind: 'division', parentId: parent.id }).expect(201)).body;
    expect(child).toMatchObject({ parentId: parent.id, version: 1 });

    const renamed = (await system.http().patch(`/api/units/${child.id}`).set(auth).send({ name: 'Phòng Chính sách BHYT', version: 1 }).expect(200)).body;
    expect(renamed).toMatchObject({ name: 'Phòng Chính sách BHYT', version: 2 });
    const stale = await system.http().patch(`/api/units/${child.id}`).set(auth).send({ name: 'Khác', version: 1 }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const cycle = await system.http().patch(`/api/units/${parent.id}`).set(auth).send({ parentId: child.id, version: parent.version }).expect(400);
    expect(cycle.body.code).toBe('UNIT_CYCLE');
    const duplicate = await system.http().post('/api/units').set(auth).send({ code: 'VBHN', name: 'Trùng mã', kind: 'department' }).expect(409);
    expect(duplicate.body.code).toBe('DUPLICATE_UNIT_CODE');
    expect((await system.http().delete(`/api/units/${parent.id}`).set(auth).expect(409)).body.code).toBe('UNIT_HAS_CHILDREN');

    await system.http().delete(`/api/units/${child.id}`).set(auth).expect(204);
    await system.http().delete(`/api/units/${parent.id}`).set(auth).expect(204);
    const actions = (await system.query(`SELECT action FROM audit_entry WHERE entity_type = 'unit' ORDER BY sequence`)).map((row) => row.action);
    expect(actions).toEqual(['unit.create', 'unit.create', 'unit.update', 'unit.delete', 'unit.delete']);
  });

  it('creates users with validated input, refuses duplicates and weak passwords, and pages the list by keyset', async () => {
    const auth = { Authorization: `Bearer ${admin}` };
    const units = (await system.http().get('/api/units').set(auth).expect(200)).body;
    const legal = units.find((unit: { code: string }) => unit.code === 'PC');
    const created = await system
      .http()
      .post('/api/users')
      .set(auth)
      .send({ username: 'Hoang.Anh', fullName: 'Hoàng Văn Anh', position: 'Chuyên viên', unitId: legal.id, roles: ['officer'], password: 'Bimat2026x' })
      .expect(201);
    expect(created.body).toMatchObject({ username: 'hoang.anh', roles: ['officer'], active: true });
    expect(created.body).not.toHaveProperty('passwordHash');
    await system.http().post('/api/auth/login').send({ username: 'hoang.anh', password: 'Bimat2026x' }).expect(200);

    const duplicate = await system.http().post('/api/users').set(auth).send({ username: 'hoang.anh', fullName: 'X Y', roles: ['officer'], password: 'Bimat2026x' }).expect(409);
    expect(duplicate.body.code).toBe('DUPLICATE_USERNAME');
    const weak = await system.http().post('/api/users').set(auth).send({ username: 'yeu', fullName: 'Mật khẩu yếu', roles: ['officer'], password: 'short' }).expect(400);
    expect(weak.body.code).toBe('VALIDATION_FAILED');
    const badRole = await system.http().post('/api/users').set(auth).send({ username: 'vaitro', fullName: 'Sai vai trò', roles: ['superuser'], password: 'Bimat2026x' }).expect(400);
    expect(badRole.body.details[0].field).toBe('roles');

    const first = (await system.http().get('/api/users?limit=3').set(auth).expect(200)).body;
    expect(first.items).toHaveLength(3);
    const second = (await system.http().get(`/api/users?limit=3&cursor=${first.nextCursor}`).set(auth).expect(200)).body;
    const names = [...first.items, ...second.items].map((user: { username: string }) => user.username);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);

    const search = (await system.http().get('/api/users?q=hoang van').set(auth).expect(200)).body;
    expect(search.items.map((user: { username: string }) => user.username)).toEqual(['hoang.anh']);
  });

  it('keeps the organ directory valid: id format, duplicates, this agency undeletable', async () => {
    const auth = { Authorization: `Bearer ${clerk}` };
    const created = await system.http().post('/api/organs').set(auth).send({ organId: '000.00.00.G15', name: 'Bộ Tư pháp', notation: 'BTP' }).expect(201);
    expect(created.body).toMatchObject({ organId: '000.00.00.G15', isSelf: false, active: true });
    const malformed = await system.http().post('/api/organs').set(auth).send({ organId: 'G15; DROP TABLE organ', name: 'Sai mã' }).expect(400);
    expect(malformed.body.code).toBe('INVALID_ORGAN_ID');
    const duplicate = await system.http().post('/api/organs').set(auth).send({ organId: '000.00.00.G15', name: 'Trùng' }).expect(409);
    expect(duplicate.body.code).toBe('DUPLICATE_ORGAN_ID');

    const list = (await system.http().get('/api/organs?q=tu phap').set(auth).expect(200)).body;
    expect(list.items.map((organ: { organId: string }) => organ.organId)).toEqual(['000.00.00.G15']);
    const self = (await system.http().get('/api/organs?q=G10').set(auth).expect(200)).body.items[0];
    expect(self.isSelf).toBe(true);
    expect((await system.http().delete(`/api/organs/${self.id}`).set(auth).expect(409)).body.code).toBe('SELF_ORGAN_UNDELETABLE');
    expect(await system.query(`SELECT count(*)::int AS count FROM organ WHERE organ_id = '000.00.00.G15'`)).toEqual([{ count: 1 }]);
  });
});
