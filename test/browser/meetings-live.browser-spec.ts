/// <reference lib="dom" />
/**
 * The material viewer live, in two (then three) browsers: a member highlights a sentence of the
 * draft as a shared annotation and it appears on the other member's tablet without a reload; the
 * chair presents and changes page, and the member who follows the chair turns with them; in the
 * meeting room a member checks in and asks to speak, and the chair sees both live and gives the
 * floor. Screenshots of both sides. The meeting is prepared through the API as the secretary does it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { materialPdf } from '../e2e/meetings-live-fixtures';
import { CHROMIUM, PHONE, PeopleInBrowsers } from '../support/browser-people';

const SCREENSHOTS = resolve(__dirname, 'screenshots');
const TABLET = { width: 1180, height: 820 };

const describeInBrowser = CHROMIUM && existsSync(CHROMIUM) ? describe : describe.skip;

describeInBrowser('the meeting material viewer live in the browser', () => {
  const people = new PeopleInBrowsers(SCREENSHOTS);
  let meetingId: string;
  let versionId: string;

  async function openViewer(page: Page): Promise<void> {
    await page.goto(`${people.baseUrl}/meetings/${meetingId}/materials/${versionId}`);
    await page.locator('[data-testid=viewer-page][data-rendering=false]').waitFor();
    await page.locator('.textLayer span', { hasText: 'Phạm vi điều chỉnh' }).waitFor();
    await page.getByTestId('viewer-online').filter({ hasText: 'Đang kết nối' }).waitFor();
  }

  beforeAll(async () => {
    await people.start();
    const secretary = await people.tokenFor('thuky');
    const users = await people.api<{ items: { id: string; username: string }[] }>(secretary, 'GET', '/users?limit=100');
    const id = (username: string) => users.items.find((user) => user.username === username)!.id;
    const start = new Date(Date.now() + 600_000);
    const meeting = await people.api<{ id: string }>(secretary, 'POST', '/meetings', {
      title: 'Họp thẩm định dự thảo Nghị quyết chuyển đổi số',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      place: 'Phòng họp số 1',
      participants: [
        { kind: 'user', role: 'chair', userId: id('lanhdao') },
        { kind: 'user', role: 'member', userId: id('truongphong') },
        { kind: 'user', role: 'member', userId: id('chuyenvien') },
      ],
    });
    meetingId = meeting.id;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await materialPdf())], { type: 'application/pdf' }), 'du-thao-nghi-quyet.pdf');
    const file = await people.api<{ id: string }>(secretary, 'POST', '/files', form);
    const material = await people.api<{ versions: { id: string }[] }>(secretary, 'POST', `/meetings/${meetingId}/materials`, { title: 'Dự thảo Nghị quyết về chuyển đổi số', fileId: file.id });
    versionId = material.versions[0].id;
    await people.api(secretary, 'POST', `/meetings/${meetingId}/material-versions/${versionId}/publication`, {});
    await people.api(secretary, 'POST', `/meetings/${meetingId}/invitations`);
    await people.api(await people.tokenFor('lanhdao'), 'POST', `/meetings/${meetingId}/start`);
  });

  afterAll(() => people.stop());

  it("shows a member's shared highlight on the other member's tablet without a reload", async () => {
    const head = await people.signIn('truongphong', TABLET);
    const officer = await people.signIn('chuyenvien', TABLET);
    await openViewer(head);
    await openViewer(officer);

    await head.getByTestId('tool-highlight').click();
    const line = head.locator('.textLayer span', { hasText: 'Phạm vi điều chỉnh' }).first();
    const box = (await line.boundingBox())!;
    await head.mouse.move(box.x + 2, box.y + box.height / 2);
    await head.mouse.down();
    await head.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await head.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
    await head.mouse.up();

    const mark = '[data-testid=annotation][data-kind=highlight][data-visibility=shared]';
    await head.locator(mark).waitFor();
    await officer.locator(mark).waitFor();
    await officer.getByTestId('annotation-listed').filter({ hasText: 'Lê Thị Hương' }).waitFor();
    expect(await officer.locator(mark).count()).toBe(1);
    await people.snap(head, 'meetings-live-1-highlight-drawn.png');
    await people.snap(officer, 'meetings-live-2-highlight-received.png');
  });

  it('turns the viewer of a member who follows the chair when the chair presents another page (the chair on a phone)', async () => {
    const chair = await people.signIn('lanhdao', PHONE);
    const officer = await people.signIn('chuyenvien', TABLET);
    await openViewer(officer);
    await officer.getByTestId('follow-toggle').click();
    await openViewer(chair);
    await chair.getByTestId('present-toggle').click();
    // the follower's choice reaches the room before the chair moves on
    await chair.getByText('Trần Văn Minh').first().waitFor();

    await chair.getByTestId('page-next').click();
    await chair.locator('[data-testid=viewer-page][data-page-index="1"][data-rendering=false]').waitFor();
    await officer.locator('[data-testid=viewer-page][data-page-index="1"][data-rendering=false]').waitFor();
    await officer.locator('.textLayer span', { hasText: 'Đối tượng áp dụng' }).waitFor();
    expect(await officer.getByTestId('page-number').inputValue()).toBe('2');
    await people.snap(chair, 'meetings-live-3-chair-presents.png');
    await people.snap(officer, 'meetings-live-4-follower-turned.png');

    // a member who chooses to follow later goes at once to the page being presented
    const head = await people.signIn('truongphong', TABLET);
    await openViewer(head);
    await head.getByText('Phạm Quốc Hùng').first().waitFor();
    await head.getByTestId('follow-toggle').click();
    await head.locator('[data-testid=viewer-page][data-page-index="1"][data-rendering=false]').waitFor();
  });

  it('shows a check-in and a request to speak in the room live, and the chair gives the floor', async () => {
    const chair = await people.signIn('lanhdao', TABLET);
    const officer = await people.signIn('chuyenvien', TABLET);
    for (const page of [chair, officer]) {
      await page.goto(`${people.baseUrl}/meetings/${meetingId}/room`);
      await page.getByTestId('room-online').filter({ hasText: 'Đang kết nối' }).waitFor();
    }
    await chair.getByTestId('room-presence').getByText('Trần Văn Minh').waitFor();

    await officer.getByTestId('check-in').click();
    await officer.getByTestId('check-in').waitFor({ state: 'detached' });
    await chair.getByTestId('room-attendance').locator('[data-checked-in=true]', { hasText: 'Trần Văn Minh' }).waitFor();

    await officer.getByTestId('speaker-request').click();
    await chair.getByTestId('speaker-waiting').filter({ hasText: 'Trần Văn Minh' }).getByRole('button', { name: 'Mời phát biểu' }).click();
    await officer.getByTestId('speaker-now').filter({ hasText: 'Trần Văn Minh' }).waitFor();
    await chair.getByTestId('speaker-now').filter({ hasText: 'Trần Văn Minh' }).waitFor();
    await people.snap(chair, 'meetings-live-5-room-chair.png');
    await people.snap(officer, 'meetings-live-6-room-member.png');
  });

  it('had no errors in any browser', () => {
    expect(people.problems).toEqual([]);
  });
});
