/// <reference lib="dom" />
/**
 * The bell in a real browser against the whole system: a notification stored while the user was away
 * shows in the badge after login, a pushed one appears at once (badge and snackbar), the panel lists
 * them newest first, a click opens the link and marks it read, "mark all read" clears the badge.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, Page, chromium } from 'playwright-core';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service';
import { createTestApp, TestApp } from '../support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WEB = resolve(__dirname, '../../dist/web/browser');
const SCREENSHOTS = resolve(__dirname, 'screenshots');

const describeInBrowser = CHROMIUM && existsSync(CHROMIUM) ? describe : describe.skip;

describeInBrowser('the notification bell in the browser', () => {
  let system: TestApp;
  let context: BrowserContext;
  let profile: string;
  let headId: string;
  const errors: string[] = [];

  const notify = (title: string, link: string) => system.app.get(NotificationsService).notify([headId], { kind: 'incoming.assigned', title, link });
  const badge = (page: Page) => page.getByTestId('notification-bell').locator('.mat-badge-content');

  beforeAll(async () => {
    if (!existsSync(resolve(WEB, 'index.html'))) throw new Error(`the web app is not built (${WEB}); run npm run build:web`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    system = await createTestApp({ WEB_DIST_DIR: WEB });
    headId = (await system.query(`SELECT id FROM "user" WHERE username = 'truongphong'`))[0].id;
    profile = mkdtempSync(join(tmpdir(), 'eoffice-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true, viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await system?.close();
  });

  it('counts, pushes, lists, opens and marks read', async () => {
    await notify('Văn bản được giao: Về việc rà soát thủ tục hành chính', '/desk');

    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      const url = message.location().url ?? '';
      if (message.type() === 'error' && !(message.text().includes('status of 401') && url.endsWith('/api/auth/refresh'))) errors.push(message.text());
    });
    await page.goto(system.baseUrl);
    await page.waitForURL(/\/login/);
    await page.getByTestId('username').fill('truongphong');
    await page.getByTestId('password').fill('Demo@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/desk$/);

    // what arrived while away is counted once the socket connects
    await badge(page).filter({ hasText: '1' }).waitFor();

    // a new one is pushed: the badge follows and a snackbar says it
    await notify('Quá hạn: Về việc báo cáo số liệu quý IV (hạn 25/11/2026)', '/incoming');
    await badge(page).filter({ hasText: '2' }).waitFor();
    await page.locator('mat-snack-bar-container').getByText('Quá hạn: Về việc báo cáo số liệu quý IV').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'notifications-badge.png'), clip: { x: 880, y: 0, width: 400, height: 64 } });

    await page.getByTestId('notification-bell').click();
    const items = page.getByTestId('notification-item');
    await items.nth(1).waitFor();
    expect(await items.allTextContents()).toEqual([expect.stringContaining('Quá hạn: Về việc báo cáo'), expect.stringContaining('Về việc rà soát thủ tục hành chính')]);
    expect(await items.first().textContent()).toContain('bây giờ');
    await page.screenshot({ path: join(SCREENSHOTS, 'notifications-panel.png') });

    // a click goes to its link and marks it read
    await items.first().click();
    await page.waitForURL(/\/incoming/);
    await badge(page).filter({ hasText: '1' }).waitFor();

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notifications-read-all').click();
    await badge(page).waitFor({ state: 'hidden' });
    expect((await system.http().get('/api/notifications/unread-count').set('Authorization', `Bearer ${await system.login('truongphong')}`).expect(200)).body).toEqual({ unread: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
