import { createTestApp, TestApp } from '../support/test-app';
import { WorkingCalendarService } from '../../apps/api/src/platform/calendar/working-calendar.service';

describe('The working-day calendar', () => {
  let system: TestApp;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    system = await createTestApp();
    [admin, clerk] = await Promise.all([system.login('admin'), system.login('vanthu')]);
  });
  afterAll(() => system.close());

  const deadline = (token: string, from: string, workingDays: number) =>
    system.http().get('/api/calendar/deadline').query({ from, workingDays }).set('Authorization', `Bearer ${token}`);

  it('lists a year: Tết, Hùng Kings’ day on a Sunday with its Monday off, in date order', async () => {
    const { body } = await system.http().get('/api/calendar/2026').set('Authorization', `Bearer ${clerk}`).expect(200);
    expect(body.year).toBe(2026);
    const dates = body.days.map((day: { date: string }) => day.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']));
    expect(body.days.find((day: { date: string }) => day.date === '2026-02-17')).toEqual({
      date: '2026-02-17',
      kind: 'holiday',
      name: 'Tết Nguyên đán (mùng 1 tháng Giêng)',
      source: 'rule',
      id: null,
      working: false,
    });
    expect(body.days.find((day: { date: string }) => day.date === '2026-04-27')).toMatchObject({ kind: 'holiday', source: 'rule', working: false });
  });

  it('computes deadlines in working days from an instant in Vietnam', async () => {
    expect((await deadline(clerk, '2026-03-13T16:00:00+07:00', 5).expect(200)).body).toEqual({ dueDate: '2026-03-20', dueAt: '2026-03-20T16:59:59.999Z' });
    expect((await deadline(clerk, '2026-02-13T09:00:00Z', 1).expect(200)).body.dueDate).toBe('2026-02-23'); // across Tết
    expect((await deadline(clerk, '2026-03-14T08:00:00+07:00', 0).expect(200)).body.dueDate).toBe('2026-03-16');
  });

  it('lets the admin add a day off and a swapped working day, and the deadline moves with them', async () => {
    const auth = { Authorization: `Bearer ${admin}` };
    // Wednesday 10/06 → 1 working day: Thursday 11/06; → 3: Monday 15/06
    expect((await deadline(clerk, '2026-06-10T10:00:00+07:00', 1).expect(200)).body.dueDate).toBe('2026-06-11');
    expect((await deadline(clerk, '2026-06-10T10:00:00+07:00', 3).expect(200)).body.dueDate).toBe('2026-06-15');

    const dayOff = await system.http().post('/api/calendar/exceptions').set(auth).send({ date: '2026-06-11', kind: 'day_off', name: ' Nghỉ hoán đổi ' }).expect(201);
    expect(dayOff.body).toEqual({ date: '2026-06-11', kind: 'day_off', name: 'Nghỉ hoán đổi', source: 'admin', id: expect.any(String), working: false });
    expect((await deadline(clerk, '2026-06-10T10:00:00+07:00', 1).expect(200)).body.dueDate).toBe('2026-06-12');

    const saturday = await system.http().post('/api/calendar/exceptions').set(auth).send({ date: '2026-06-13', kind: 'working_day', name: 'Làm bù cho thứ Năm 11/06' }).expect(201);
    expect(saturday.body).toMatchObject({ kind: 'working_day', working: true });
    // Friday 12 (1), Saturday 13 worked (2), Monday 15 (3)… so 2 working days end on the Saturday
    expect((await deadline(clerk, '2026-06-10T10:00:00+07:00', 2).expect(200)).body.dueDate).toBe('2026-06-13');
    expect((await deadline(clerk, '2026-06-10T10:00:00+07:00', 3).expect(200)).body.dueDate).toBe('2026-06-15');

    // the service other contexts use sees the change at once
    const service = system.app.get(WorkingCalendarService);
    expect(await service.isWorkingDay('2026-06-13')).toBe(true);
    expect((await service.addWorkingDays(new Date('2026-06-10T03:00:00Z'), 1)).toISOString()).toBe('2026-06-12T16:59:59.999Z');

    const listed = (await system.http().get('/api/calendar/2026').set('Authorization', `Bearer ${clerk}`).expect(200)).body.days;
    expect(listed.filter((day: { source: string }) => day.source === 'admin')).toEqual([
      { date: '2026-06-11', kind: 'day_off', name: 'Nghỉ hoán đổi', source: 'admin', id: dayOff.body.id, working: false },
      { date: '2026-06-13', kind: 'working_day', name: 'Làm bù cho thứ Năm 11/06', source: 'admin', id: saturday.body.id, working: true },
    ]);

    await system.http().delete(`/api/calendar/exceptions/${dayOff.body.id}`).set(auth).expect(204);
    expect((await deadline(clerk, '2026-06-10T10:00:00+07:00', 1).expect(200)).body.dueDate).toBe('2026-06-11');
    const gone = await system.http().delete(`/api/calendar/exceptions/${dayOff.body.id}`).set(auth).expect(404);
    expect(gone.body.code).toBe('CALENDAR_EXCEPTION_NOT_FOUND');

    const audited = await system.query(`SELECT action, actor_username, entity_id, details FROM audit_entry WHERE entity_type = 'calendar_exception' ORDER BY sequence`);
    expect(audited).toEqual([
      { action: 'calendar.exception.create', actor_username: 'admin', entity_id: dayOff.body.id, details: { date: '2026-06-11', kind: 'day_off', name: 'Nghỉ hoán đổi' } },
      { action: 'calendar.exception.create', actor_username: 'admin', entity_id: saturday.body.id, details: expect.objectContaining({ date: '2026-06-13' }) },
      { action: 'calendar.exception.delete', actor_username: 'admin', entity_id: dayOff.body.id, details: expect.objectContaining({ date: '2026-06-11' }) },
    ]);
  });

  it('lets the admin cancel a rule holiday the Government moved elsewhere', async () => {
    const auth = { Authorization: `Bearer ${admin}` };
    // National Day 2026 is Wednesday 02/09; suppose the announcement gives Thursday 03/09 instead of Tuesday 01/09
    await system.http().post('/api/calendar/exceptions').set(auth).send({ date: '2026-09-01', kind: 'working_day', name: 'Đi làm (nghỉ Quốc khánh chuyển sang 03/09)' }).expect(201);
    await system.http().post('/api/calendar/exceptions').set(auth).send({ date: '2026-09-03', kind: 'day_off', name: 'Quốc khánh (ngày liền kề)' }).expect(201);
    expect((await deadline(clerk, '2026-08-31T10:00:00+07:00', 1).expect(200)).body.dueDate).toBe('2026-09-01');
    expect((await deadline(clerk, '2026-08-31T10:00:00+07:00', 2).expect(200)).body.dueDate).toBe('2026-09-04');
  });

  it('refuses a clerk (403), a duplicate date (409), a bad date (400) and a pointless exception (400 saying why)', async () => {
    const auth = { Authorization: `Bearer ${admin}` };
    const refused = await system.http().post('/api/calendar/exceptions').set('Authorization', `Bearer ${clerk}`).send({ date: '2026-07-06', kind: 'day_off', name: 'Không được' }).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });

    await system.http().post('/api/calendar/exceptions').set(auth).send({ date: '2026-07-06', kind: 'day_off', name: 'Nghỉ' }).expect(201);
    const duplicate = await system.http().post('/api/calendar/exceptions').set(auth).send({ date: '2026-07-06', kind: 'day_off', name: 'Lần nữa' }).expect(409);
    expect(duplicate.body).toEqual({ statusCode: 409, code: 'DUPLICATE_CALENDAR_DATE', message: expect.stringContaining('06/07/2026'), messageEn: expect.any(String), details: [{ field: 'date', problems: ['duplicate'] }] });

    for (const date of ['2026-02-30', '06/07/2026', '2026-7-6', '1999-07-06', 20260706]) {
      const bad = await system.http().post('/api/calendar/exceptions').set(auth).send({ date, kind: 'day_off', name: 'Sai ngày' }).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'date', problems: [expect.any(String)] }] });
    }
    const badKind = await system.http().post('/api/calendar/exceptions').set(auth).send({ date: '2026-07-07', kind: 'holiday', name: 'Sai loại' }).expect(400);
    expect(badKind.body.details[0].field).toBe('kind');

    const weekday = await system.http().post('/api/calendar/exceptions').set(auth).send({ date: '2026-07-08', kind: 'working_day', name: 'Thứ Tư' }).expect(400);
    expect(weekday.body).toMatchObject({ code: 'CALENDAR_DAY_ALREADY_WORKING', message: expect.stringContaining('ngày làm việc bình thường') });
    const weekend = await system.http().post('/api/calendar/exceptions').set(auth).send({ date: '2026-07-11', kind: 'day_off', name: 'Thứ Bảy' }).expect(400);
    expect(weekend.body).toMatchObject({ code: 'CALENDAR_DAY_ALREADY_OFF', message: expect.stringContaining('thứ Bảy hoặc Chủ nhật') });
    const holiday = await system.http().post('/api/calendar/exceptions').set(auth).send({ date: '2026-04-30', kind: 'day_off', name: 'Lễ' }).expect(400);
    expect(holiday.body.code).toBe('CALENDAR_DAY_ALREADY_OFF');

    await system.http().delete('/api/calendar/exceptions/not-a-uuid').set(auth).expect(400);
    await system.http().delete(`/api/calendar/exceptions/${(await system.query(`SELECT id FROM calendar_exception WHERE date = '2026-07-06'`))[0].id}`).set('Authorization', `Bearer ${clerk}`).expect(403);
  });

  it('sees a change made on another replica at once (the revision counter, not a timer)', async () => {
    const replica = await createTestApp({}, system);
    try {
      const onReplica = () => replica.http().get('/api/calendar/deadline').query({ from: '2026-10-06T09:00:00+07:00', workingDays: 1 }).set('Authorization', `Bearer ${clerk}`);
      expect((await onReplica().expect(200)).body.dueDate).toBe('2026-10-07'); // the replica now holds the calendar in memory
      const created = await system.http().post('/api/calendar/exceptions').set('Authorization', `Bearer ${admin}`).send({ date: '2026-10-07', kind: 'day_off', name: 'Nghỉ đột xuất' }).expect(201);
      expect((await onReplica().expect(200)).body.dueDate).toBe('2026-10-08');
      await replica.http().delete(`/api/calendar/exceptions/${created.body.id}`).set('Authorization', `Bearer ${admin}`).expect(204);
      expect((await deadline(clerk, '2026-10-06T09:00:00+07:00', 1).expect(200)).body.dueDate).toBe('2026-10-07');
    } finally {
      await replica.close();
    }
  });

  it('validates the year and the deadline query', async () => {
    const auth = { Authorization: `Bearer ${clerk}` };
    expect((await system.http().get('/api/calendar/1999').set(auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await system.http().get('/api/calendar/abcd').set(auth).expect(400);
    await deadline(clerk, '2026-03-13T16:00:00', 1).expect(400); // no offset: ambiguous
    await deadline(clerk, 'yesterday', 1).expect(400);
    await deadline(clerk, '2026-03-13T16:00:00+07:00', -1).expect(400);
    await deadline(clerk, '2026-03-13T16:00:00+07:00', 1.5).expect(400);
    await deadline(clerk, '2026-03-13T16:00:00+07:00', 100000).expect(400);
    expect((await deadline(clerk, '2100-12-20T16:00:00+07:00', 30).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await system.http().get('/api/calendar/2026').expect(401);
  });
});
