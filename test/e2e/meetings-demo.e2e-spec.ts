import type { MeetingDto, MeetingSummaryDto } from '@app/contracts';
import { createTestApp, TestApp } from '../support/test-app';

/** The demo (DEMO_SEED outside tests) shows paperless meetings from the first start. */
describe('Meetings in the demo agency', () => {
  let system: TestApp;

  beforeAll(async () => {
    system = await createTestApp({ NODE_ENV: 'development' });
  });

  afterAll(async () => {
    await system?.close();
  });

  it('has two rooms and, on the next working days, a briefing with a published PDF a member can read', async () => {
    const token = await system.login('chuyenvien');
    const as = { Authorization: `Bearer ${token}` };
    expect((await system.http().get('/api/meeting-rooms').set(as).expect(200)).body).toHaveLength(2);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const inTwoWeeks = new Date(Date.now() + 14 * 24 * 3600_000).toISOString().slice(0, 10);
    const schedule: MeetingSummaryDto[] = (await system.http().get('/api/meetings').query({ from: today, to: inTwoWeeks }).set(as).expect(200)).body;
    expect(schedule.map((meeting) => meeting.title)).toEqual(['Giao ban Lãnh đạo Bộ tuần này', 'Họp thẩm định dự thảo Thông tư hướng dẫn khám sức khỏe']);
    const briefing: MeetingDto = (await system.http().get(`/api/meetings/${schedule[0].id}`).set(as).expect(200)).body;
    expect(briefing.agenda).toHaveLength(2);
    const [version] = briefing.materials[0].versions;
    expect(version).toMatchObject({ number: 1, pageCount: 2 });
    const pdf = await system.http().get(`/api/meetings/${briefing.id}/material-versions/${version.id}/content`).set(as).expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    // a second start writes nothing twice
    const again = await createTestApp({ NODE_ENV: 'development' }, system);
    await again.close();
    expect(await system.query('SELECT COUNT(*)::int AS rooms FROM meeting_room')).toEqual([{ rooms: 2 }]);
  });
});
