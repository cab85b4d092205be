/// <reference lib="dom" />
/**
 * The built web app in a real browser against the whole system: the API with a fresh PostgreSQL and the
 * demo agency, serving dist/web/browser under its strict Content-Security-Policy.
 * A clerk logs in, sees the desk in Vietnamese, switches to English, reloads (the session comes back from
 * the refresh cookie, the language from storage), and the desk is checked on a phone-sized screen.
 * Screenshots go to test/browser/screenshots for a human to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, ConsoleMessage, Page, chromium } from 'playwright-core';
import { startTestServer } from '../support/test-server';

/** run-all.mjs sets CHROMIUM_PATH to '' when Debian's Chromium is missing: the tests are then skipped, not passed. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = resolve(__dirname, 'screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const CLERK = { username: 'vanthu', password: 'Demo@2026', fullName: 'Nguyễn Thị Lan' };

/** Everything a page did that a user should never see: script errors, console errors, CSP refusals, outside requests. */
interface Problems {
  errors: string[];
  cspViolations: string[];
  outsideRequests: string[];
}

const describeInBrowser = CHROMIUM && existsSync(CHROMIUM) ? describe : describe.skip;

describeInBrowser('desk in the browser', () => {
  let server: { baseUrl: string; close(): Promise<void> };
  let context: BrowserContext;
  let profile: string;
  const problems: Problems = { errors: [], cspViolations: [], outsideRequests: [] };

  /**
   * Failed requests the app expects and handles, which Chromium still logs as console errors:
   * the session probe on start (401 when nobody is logged in yet).
   */
  function isExpectedFailure(message: ConsoleMessage): boolean {
    const url = message.location().url ?? '';
    return message.text().includes('status of 401') && url.endsWith('/api/auth/refresh');
  }

  function watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error' && !isExpectedFailure(message)) problems.errors.push(`console: ${message.text()} (${message.location().url})`);
      // Chromium reports CSP refusals on the console, whichever directive they break
      if (message.text().includes('Content Security Policy')) problems.cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => problems.errors.push(`page: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.outsideRequests.push(url);
    });
  }

  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    watch(page);
    return page;
  }

  /** The page is drawn with its real fonts: screenshots then show what users see. */
  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  async function cspViolationsSeenByPage(page: Page): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTestServer();
    profile = mkdtempSync(join(tmpdir(), 'eoffice-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
      headless: true,
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    // Injected through DevTools, so the page's CSP does not apply to it; it only listens.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server?.close();
  });

  it('is served under the strict Content-Security-Policy', async () => {
    const response = await fetch(`${server.baseUrl}/desk`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await response.text()).toContain('<app-root>');
  });

  it('logs the clerk in and shows the desk in Vietnamese', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(server.baseUrl);
    // nobody is logged in: the app sends us to the login page
    await page.waitForURL(/\/login/);
    await page.getByTestId('username').fill(CLERK.username);
    await page.getByTestId('password').fill(CLERK.password);
    await page.getByTestId('login-submit').click();

    await page.waitForURL(/\/desk$/);
    await expect(page.getByTestId('page-title').textContent()).resolves.toContain('Bàn làm việc');
    await expect(page.getByTestId('greeting').textContent()).resolves.toContain(CLERK.fullName);
    await expect(page.getByText('Văn bản chờ xử lý').count()).resolves.toBeGreaterThan(0);
    // the tasks card reads the clerk's own tasks from the tasks API and links to the whole list
    const tasksCard = page.getByTestId('desk-tasks');
    await tasksCard.getByText('Việc được giao').waitFor();
    await expect(tasksCard.getByTestId('desk-tasks-mine').getAttribute('href')).resolves.toBe('/tasks?view=mine');
    await expect(page.getByTestId('upload-button').textContent()).resolves.toContain('Tải tệp lên');
    expect(await page.title()).toContain('Bàn làm việc');

    // the upload card sends a file (multipart field `file`) and lists it
    await page.locator('app-file-upload input[type=file]').setInputFiles({
      name: 'Công văn số 15.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Kính gửi: Vụ Pháp chế\n', 'utf8'),
    });
    await page.getByTestId('recent-files').getByText('Công văn số 15.txt').waitFor();

    await settle(page);
    // the bundled fonts, not a fallback, draw the Vietnamese text and the icons
    expect(await page.evaluate(() => document.fonts.check('16px "Be Vietnam Pro"', 'Bàn làm việc ữ ậ đ'))).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('24px "Material Symbols Outlined"', 'menu'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'desk-vi.png') });

    expect(await cspViolationsSeenByPage(page)).toEqual([]);
    await page.close();
  });

  it('switches to English, and keeps the language and the session across a reload', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${server.baseUrl}/desk`);
    await expect(page.getByTestId('page-title').textContent()).resolves.toContain('Bàn làm việc');

    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('page-title').filter({ hasText: 'Desk' }).waitFor();
    await expect(page.getByTestId('greeting').textContent()).resolves.toContain(`Hello, ${CLERK.fullName}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // the access token lived only in memory; the refresh cookie brings the session back
    await page.reload();
    await page.getByTestId('page-title').filter({ hasText: 'Desk' }).waitFor();
    expect(page.url()).toMatch(/\/desk$/);

    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'desk-en.png') });
    expect(await cspViolationsSeenByPage(page)).toEqual([]);
    await page.close();
  });

  it('fits a phone screen, with the navigation in a drawer', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${server.baseUrl}/desk`);
    await page.getByTestId('page-title').filter({ hasText: 'Desk' }).waitFor();

    // back to Vietnamese from the toolbar, on the phone layout
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-vi').click();
    await page.getByTestId('page-title').filter({ hasText: 'Bàn làm việc' }).waitFor();

    // nothing wider than the screen
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'desk-phone.png') });

    // the drawer opens from the menu button and lists the clerk's pages
    await page.getByTestId('navigation-toggle').click();
    const drawer = page.locator('mat-sidenav');
    await drawer.getByText('Văn bản đến').waitFor();
    await expect(drawer.getByText('Danh bạ cơ quan').count()).resolves.toBe(1);
    // a clerk does not manage users
    await expect(drawer.getByText('Người dùng').count()).resolves.toBe(0);

    expect(await cspViolationsSeenByPage(page)).toEqual([]);
    await page.close();
  });

  it('opens the organ directory the clerk maintains', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${server.baseUrl}/desk`);
    await page.locator('mat-sidenav').getByText('Danh bạ cơ quan').click();
    await page.waitForURL(/\/admin\/organs$/);
    await page.getByTestId('page-title').filter({ hasText: 'Danh bạ cơ quan' }).waitFor();
    // this agency itself is always in its own directory
    await page.locator('table tr.mat-mdc-row').first().waitFor();
    await page.getByTestId('organ-create').click();
    await page.getByTestId('organ-id').fill('not an id');
    await page.getByTestId('organ-name').click();
    await page.getByText('Mã định danh gồm 2–7 nhóm').waitFor();
    await page.keyboard.press('Escape');

    expect(await cspViolationsSeenByPage(page)).toEqual([]);
    await page.close();
  });

  it('showed no errors, broke no CSP rule and loaded nothing from outside', () => {
    expect(problems.errors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    expect(problems.outsideRequests).toEqual([]);
  });
});
